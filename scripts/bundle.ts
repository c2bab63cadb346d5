// The published CLI as one esbuild bundle with code splitting (`npm run build` runs this after
// tsc): dist/cli/main.js (bin/cog-migrate.js imports it) and dist/cli/worker.js (batch's worker
// thread), sharing chunks. Each command, target and frontend that src/ imports with `import()`
// stays its own chunk, loaded when it runs, so `--version` still loads only commander and the
// program; what the bundle saves is Node resolving and reading a few hundred files (src/'s ESM
// modules, yaml's CommonJS ones) one by one.
//
// Kept as files, not bundled:
// - the packages in EXTERNAL, resolved from node_modules at run time (see the reasons there);
// - runtime/, targets/*/templates, src/verify's and src/report's assets: read from the package
//   root (src/util/package-root.ts), which the bundle finds as the source and dist/ do.
// They are loaded with require(), not import: all of them are CommonJS, and Node's ESM loader
// imports a CommonJS package at a cost of its own (measured: tree-sitter and its grammar take
// 28 ms of CPU through import(), 10 ms through require()).
// Chunks sit beside the entries in dist/cli/ (no chunks/ folder): src/batch/pool.ts starts
// `worker.js` from the folder of the module that runs it, which in the bundle is a chunk.

import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Dependencies imported at run time instead of bundled, and why. */
export const EXTERNAL: Readonly<Record<string, string>> = {
  'tree-sitter': 'native binding (prebuilt .node file loaded by node-gyp-build)',
  'tree-sitter-python': 'native grammar (prebuilt .node file) and its node-types.json',
  'ts-morph': 'TypeScript itself inside (about 10 MB); only the workers-ai Worker printer and clients load it',
  dockerode: 'optional native dependencies (ssh2, cpu-features) looked up at run time; only verify loads it',
  handlebars: "its Node entry registers a require.extensions hook, which a bundle cannot keep",
};

export const BUNDLE_OUT = 'dist/cli';

const EXTERNAL_SPECIFIER = new RegExp(`^(?:${Object.keys(EXTERNAL).join('|')})(?:/.*)?$`);

/** `import X from 'tree-sitter'` of an EXTERNAL package becomes `require('tree-sitter')` at run time. */
const requireExternals: Plugin = {
  name: 'require-externals',
  setup(b) {
    // The stand-in module's own require() is the real external; every other reference gets the stand-in.
    b.onResolve({ filter: EXTERNAL_SPECIFIER }, (args) => (args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-external' }));
    b.onLoad({ filter: /.*/, namespace: 'require-external' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

export function bundleOptions(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', worker: 'src/batch/worker.ts' },
    outdir: BUNDLE_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [requireExternals],
    // Bundled CommonJS packages (commander, yaml) call require() for Node's own modules; an ESM
    // bundle has no require of its own, so every chunk gets one made for it.
    banner: { js: "import { createRequire as __cogMigrateRequire } from 'node:module';\nconst require = __cogMigrateRequire(import.meta.url);" },
    // Fewer bytes for V8 to scan on every start (about 10 ms of CPU for inspect); names are kept,
    // so stack traces stay readable, and the source maps give the lines (--enable-source-maps).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync(new URL(`../${BUNDLE_OUT}`, import.meta.url), { recursive: true, force: true });
  await build(bundleOptions());
}
