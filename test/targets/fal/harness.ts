// Lays out an emitted fal project the way the output writer will: the emitted files plus the
// user's unchanged project files, in a fresh temporary folder.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { emitFal, type FalOptions } from '../../../targets/fal/index.js';
import type { TargetResult } from '../../../src/target/types.js';
import type { CogIR } from '../../../src/ir/types.js';
import { fakeDockerfile } from './ir-builders.js';
import { PROJECTS_DIR, type Project } from './projects.js';

/**
 * The Python the tests' scripts start with: `load_app(folder)` imports the emitted app.py by its
 * path under the module name `app` (as `fal run app.py` does), without the folder on sys.path.
 */
export const LOAD_APP_PY = String.raw`
import importlib.util, json, sys
def load_app(app_dir):
    spec = importlib.util.spec_from_file_location("app", app_dir + "/app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
`;

export const STANDIN_RUNNER = fileURLToPath(new URL('../../../targets/fal/standin/run_app.py', import.meta.url));

/** A folder of stub modules (heavy_lib) standing for torch-like imports the tests cannot install. */
export function stubsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fal-stubs-'));
  writeFileSync(join(dir, 'heavy_lib.py'), 'def scale() -> int:\n    return 2\n');
  return dir;
}

export function writeEmitted(result: TargetResult, dir: string): void {
  for (const f of result.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

/** Emits `project` and returns the folder holding app.py, cog/ and the project's own files. */
export function emitProject(project: Project, options: FalOptions = {}): { dir: string; result: TargetResult } {
  const result = emitFal(project.ir, options, { dockerfile: fakeDockerfile });
  const dir = mkdtempSync(join(tmpdir(), `fal-${project.dir}-`));
  cpSync(join(PROJECTS_DIR, project.dir), dir, { recursive: true });
  writeEmitted(result, dir);
  return { dir, result };
}

export function runPython(python: string, args: string[], env: Record<string, string> = {}, cwd?: string): string {
  return execFileSync(python, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    ...(cwd ? { cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

/** The async form, for tests whose own process serves HTTP (a sync child would block it). */
export async function runPythonAsync(python: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<string> {
  const { stdout } = await promisify(execFile)(python, args, {
    encoding: 'utf8',
    env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', ...env },
    ...(cwd ? { cwd } : {}),
    timeout: 120_000,
  });
  return stdout;
}

/** Emits `ir` into a fresh folder next to the given project files (path -> text), for tests
 * whose predictor is written inline. */
export function emitWithSources(ir: CogIR, sources: Record<string, string>): { dir: string; result: TargetResult } {
  const result = emitFal(ir, {}, { dockerfile: fakeDockerfile });
  const dir = mkdtempSync(join(tmpdir(), `fal-${ir.project.name}-`));
  for (const [path, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeEmitted(result, dir);
  return { dir, result };
}

/** pyright's arguments for `files`: app.py's own imports (cog_migrate_runtime, beside it) resolve
 * from the emitted folders, as they do when the platform imports app.py there. */
export function pyrightArgs(python: string, files: string[]): string[] {
  const config = join(mkdtempSync(join(tmpdir(), 'fal-pyright-')), 'pyrightconfig.json');
  writeFileSync(config, JSON.stringify({ extraPaths: [...new Set(files.map((f) => dirname(f)))] }));
  return ['--outputjson', '--pythonpath', python, '--project', config, ...files];
}

/** Pyright's error diagnostics for `files` against the packages of `python` (the pinned SDK). */
export function pyrightErrors(python: string, files: string[]): string[] {
  const pyright = fileURLToPath(new URL('../../../node_modules/.bin/pyright', import.meta.url));
  let out: string;
  try {
    out = execFileSync(pyright, pyrightArgs(python, files), { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? err);
  }
  const report = JSON.parse(out) as { generalDiagnostics: { file: string; message: string; severity: string; range: { start: { line: number } } }[] };
  return report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line + 1}: ${d.message}`);
}

/** The emitted files pyright checks: app.py and the cog compatibility package. */
export const checkedFiles = (dir: string): string[] => [join(dir, 'app.py'), join(dir, 'cog', '__init__.py'), join(dir, 'cog', 'types.py')];
