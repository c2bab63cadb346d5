// Reads an emitted wrangler.jsonc with wrangler's own config reader (`unstable_readConfig`, the
// code `wrangler deploy` runs first) and prints one JSON line: {ok, error?, config?}. With a third
// argument it also writes that config without `containers` (JSON, same folder), which
// `wrangler deploy --dry-run` can bundle without building the image: its image build needs
// Docker buildx. Run by src/verify/workers-ai/wrangler.ts in a child process, so wrangler's
// logging never reaches cog-migrate's own output.
//   node read-config.mjs WRANGLER_MAIN CONFIG [DERIVED_CONFIG]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [wranglerMain, configPath, derivedPath] = process.argv.slice(2);
const wrangler = await import(pathToFileURL(wranglerMain).href);
let result;
try {
  const c = wrangler.unstable_readConfig({ config: configPath }, { hideWarnings: false });
  result = {
    ok: true,
    config: {
      name: c.name,
      main: c.main,
      compatibility_date: c.compatibility_date,
      ai: c.ai ?? null,
      containers: c.containers ?? [],
      durable_objects: c.durable_objects ?? { bindings: [] },
      migrations: c.migrations ?? [],
    },
  };
  if (derivedPath) {
    const { rawConfig } = wrangler.experimental_readRawConfig({ config: configPath });
    const { containers: _containers, ...rest } = rawConfig;
    writeFileSync(derivedPath, JSON.stringify(rest, null, 2) + '\n');
  }
} catch (e) {
  result = { ok: false, error: String(e && e.message ? e.message : e) };
}
process.stdout.write(JSON.stringify(result) + '\n');
