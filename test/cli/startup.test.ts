// Startup cost (issue 9): commands load their heavy dependencies only when they run. `--version`
// and `--help` load commander and nothing heavy; a conversion to fal does not load ts-morph (the
// workers-ai Worker printer) or dockerode (verify); batch's main thread reads no project itself;
// inspect of a Cog folder does not load the fal, Modal and pydantic frontends. Checked by the
// packages a child process has loaded (CommonJS packages imported from ESM sit in the require
// cache) and by the ESM modules of src/ and targets/ it resolved (logged by a module hook), not by
// timing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HEAVY = ['tree-sitter', 'tree-sitter-python', 'ts-morph', 'dockerode', 'handlebars', 'yaml', 'cli-progress', 'diff', 're2js'];
const COG_FOLDER = join(ROOT, 'fixtures/path-in-path-out-pillow-grayscale/input');

// Runs in the loader's own thread: appends every module URL it resolves to the log file.
const RESOLVE_LOGGER = `data:text/javascript,${encodeURIComponent(`
  import { appendFileSync } from 'node:fs';
  let log;
  export function initialize(data) { log = data.log; }
  export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    appendFileSync(log, r.url + '\\n');
    return r;
  }`)}`;

interface Loaded {
  /** npm packages, by name. */
  packages: string[];
  /** Modules of the checkout outside node_modules, relative to its root (`src/cli/program.ts`). */
  modules: string[];
}

/** What running the CLI with `argv` in a child process loaded. */
function loadedBy(...argv: string[]): Loaded {
  const log = join(mkdtempSync(join(tmpdir(), 'cogm-startup-')), 'resolved.txt');
  const script = `
    import { createRequire, register } from 'node:module';
    register(${JSON.stringify(RESOLVE_LOGGER)}, { data: { log: ${JSON.stringify(log)} } });
    const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/program.ts'))});
    const sink = { out: () => {}, err: () => {} };
    await main(${JSON.stringify(argv)}, sink);
    const cache = createRequire(import.meta.url).cache;
    const names = new Set(Object.keys(cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify([...names].sort()));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const packages = (JSON.parse(out) as string[]).filter((n) => n !== 'tsx' && n !== 'esbuild' && n !== 'get-tsconfig' && n !== 'resolve-pkg-maps');
  const prefix = `file://${ROOT}/`;
  const modules = [...new Set(readFileSync(log, 'utf8').split('\n'))]
    .filter((u) => u.startsWith(prefix) && !u.includes('/node_modules/'))
    .map((u) => u.slice(prefix.length).replace(/\?.*$/, ''));
  return { packages, modules };
}

function packagesLoadedBy(...argv: string[]): string[] {
  return loadedBy(...argv).packages;
}

/** The app frontends and what only they use on the reading path (the Dockerfile pruner). */
const APP_ONLY = /^src\/(frontends\/(fal|modal|pydantic|shared)\/|frontends\/apps\.ts|dockerfile\/prune)/;

describe('startup', () => {
  it('--version and --help load no heavy dependency', () => {
    for (const argv of [['--version'], ['--help'], ['batch', '--help']]) {
      const loaded = packagesLoadedBy(...argv);
      expect(loaded, argv.join(' ')).toContain('commander');
      expect(loaded.filter((n) => HEAVY.includes(n)), argv.join(' ')).toEqual([]);
    }
  });

  it('inspect loads the reader, not the renderers', () => {
    const loaded = packagesLoadedBy('inspect', COG_FOLDER);
    expect(loaded).toContain('tree-sitter');
    for (const n of ['ts-morph', 'dockerode', 'handlebars', 'cli-progress', 're2js']) expect(loaded).not.toContain(n);
  });

  it('inspect of a Cog folder loads the Cog frontend only; of a fal app, the fal frontend', () => {
    const cog = loadedBy('inspect', COG_FOLDER).modules;
    expect(cog).toContain('src/frontends/cog/predictor/index.ts');
    expect(cog.filter((m) => APP_ONLY.test(m))).toEqual([]);
    // The lazy path still reaches the app frontends (a wrong dynamic import would read nothing).
    const fal = loadedBy('inspect', join(ROOT, 'fixtures-fal/cpu-text-classifier-keywords/input/app.py')).modules;
    expect(fal).toContain('src/frontends/fal/index.ts');
  });

  it("batch's main thread leaves reading and rendering to its workers", () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cogm-startup-'));
    const loaded = packagesLoadedBy('batch', join(ROOT, 'fixtures/path-in-path-out-pillow-grayscale'), '--to', 'fal', '--out', join(tmp, 'out'), '--jobs', '1', '--quiet');
    for (const n of ['tree-sitter', 'yaml', 'handlebars', 'ts-morph', 'dockerode']) expect(loaded).not.toContain(n);
  });

  it('a conversion to fal loads neither ts-morph nor dockerode', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cogm-startup-')), 'out');
    const loaded = packagesLoadedBy(COG_FOLDER, '--to', 'fal', '--out', out, '--dry-run');
    expect(loaded).toContain('handlebars');
    for (const n of ['ts-morph', 'dockerode', 'cli-progress']) expect(loaded).not.toContain(n);
  });
});
