// The Python every adapter ships, kept once as real files under runtime/ (checked by pyright and
// imported by tests) and copied from there into each output. This module is the one place targets
// take them from: a target names the modules it needs and gets their files, dependencies included.
//
//   runtime/cog/                   the `cog` compatibility package (`from cog import ...` keeps working)
//   runtime/cog_migrate_runtime/   predictor loading, input downloads, output encoding, Cog's HTTP API
//   runtime/platform_shims/        stand-ins for `fal` / `modal` and cog_app_adapter.py, for apps
//                                  converted to Cog (targets/cog)

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { packagePath } from '../util/package-root.js';
import type { EmittedFile } from '../target/types.js';

/** The Python package name adapters import the shared pieces from. */
export const RUNTIME_PACKAGE = 'cog_migrate_runtime';

/** Modules of runtime/cog_migrate_runtime, each a file `<name>.py`. */
export type RuntimeModule = 'loading' | 'inputs' | 'outputs' | 'media' | 'logs' | 'metrics' | 'failures' | 'validation' | 'predictions' | 'service' | 'http';

/** What each module imports from the package (kept in step with the Python imports; tested). */
export const RUNTIME_DEPENDENCIES: Readonly<Record<RuntimeModule, readonly RuntimeModule[]>> = {
  loading: [],
  inputs: [],
  outputs: [],
  media: [],
  logs: [],
  metrics: [],
  failures: [],
  validation: [],
  predictions: ['logs', 'metrics', 'outputs', 'inputs', 'failures'],
  service: ['loading', 'outputs', 'predictions', 'validation'],
  http: ['logs', 'predictions', 'validation', 'outputs', 'service'],
};

/** Names the compatibility package provides (for docs and for checks against predictor imports). */
export const COG_COMPAT_NAMES = [
  '__version__', 'AsyncConcatenateIterator', 'BaseModel', 'BasePredictor', 'BaseRunner', 'CancelationException',
  'ConcatenateIterator', 'ExperimentalFeatureWarning', 'FieldInfo', 'File', 'Input', 'Model', 'Opaque', 'Path', 'Predictor',
  'Secret', 'URLFile', 'URLPath', 'concurrent', 'current_scope', 'emit_metric', 'input', 'streaming',
] as const;

const COG_FILES = ['cog/__init__.py', 'cog/types.py'] as const;

/** runtime/ at the package root (from source, dist/ and the bundled CLI alike), with a trailing slash. */
export function runtimeDir(): string {
  const dir = packagePath('runtime') + sep;
  if (!existsSync(`${dir}cog_migrate_runtime/__init__.py`)) throw new Error(`cog-migrate runtime/ folder not found at ${dir}`);
  return dir;
}

const cache = new Map<string, string>();

function read(rel: string): string {
  let text = cache.get(rel);
  if (text === undefined) {
    text = readFileSync(`${runtimeDir()}${rel}`, 'utf8');
    cache.set(rel, text);
  }
  return text;
}

function place(dir: string, rel: string): EmittedFile {
  const prefix = dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return { path: `${prefix}${rel}`, text: read(rel) };
}

/** The `cog` compatibility package's files, placed under `dir` (the output root by default). */
export function cogCompatFiles(dir = ''): EmittedFile[] {
  return COG_FILES.map((rel) => place(dir, rel));
}

/** The modules asked for plus everything they import, in a stable order. */
export function runtimeClosure(modules: readonly RuntimeModule[]): RuntimeModule[] {
  const seen = new Set<RuntimeModule>();
  const visit = (m: RuntimeModule) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const d of RUNTIME_DEPENDENCIES[m]) visit(d);
  };
  modules.forEach(visit);
  return (Object.keys(RUNTIME_DEPENDENCIES) as RuntimeModule[]).filter((m) => seen.has(m));
}

/** cog_migrate_runtime/ with the modules asked for (and their dependencies), under `dir`. */
export function runtimeFiles(modules: readonly RuntimeModule[], dir = ''): EmittedFile[] {
  if (modules.length === 0) return [];
  return [`${RUNTIME_PACKAGE}/__init__.py`, ...runtimeClosure(modules).map((m) => `${RUNTIME_PACKAGE}/${m}.py`)].map((rel) => place(dir, rel));
}

/** A file of runtime/model_tests/ (test checkers and per-platform test files), emitted at `path`. */
export function modelTestsFile(rel: string, path: string): EmittedFile {
  return { path, text: read(`model_tests/${rel}`) };
}

/** Python files under a runtime/ folder, relative to runtime/, sorted. */
function pythonFilesUnder(rel: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(`${runtimeDir()}${rel}`).sort()) {
    const child = `${rel}/${name}`;
    if (statSync(`${runtimeDir()}${child}`).isDirectory()) {
      if (name !== '__pycache__') out.push(...pythonFilesUnder(child));
    } else if (name.endsWith('.py')) out.push(child);
  }
  return out;
}

const SHIMS = 'platform_shims';

/**
 * What a fal or Modal app converted to Cog needs beside it: the stand-in package (`fal/` or
 * `modal/`), so `import fal` works without the platform, and cog_app_adapter.py, the value
 * conversions the generated predict.py uses.
 */
export function platformShimFiles(platform: 'fal' | 'modal'): EmittedFile[] {
  return [...pythonFilesUnder(`${SHIMS}/${platform}`), `${SHIMS}/cog_app_adapter.py`].map((rel) => ({ path: rel.slice(SHIMS.length + 1), text: read(rel) }));
}

/**
 * The pinned requirement lines of runtime/requirements/NAME.txt (`web`: the FastAPI that http.py
 * runs on), the one pin every image and test venv takes, comments and blank lines dropped.
 */
export function runtimeRequirements(name: 'web'): string[] {
  return read(`requirements/${name}.txt`).split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

/** Every file runtime/ ships, for checks that treat them as one fixed set (golden tests). */
export function allRuntimeFiles(): EmittedFile[] {
  return [...cogCompatFiles(), ...runtimeFiles(Object.keys(RUNTIME_DEPENDENCIES) as RuntimeModule[])];
}
