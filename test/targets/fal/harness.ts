// Lays out an emitted fal project the way the output writer will: the emitted files plus the
// user's unchanged project files, in a fresh temporary folder.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { emitFal } from '../../../targets/fal/index.js';
import type { TargetResult } from '../../../src/target/types.js';
import { fakeDockerfile } from './ir-builders.js';
import { PROJECTS_DIR, type Project } from './projects.js';

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
export function emitProject(project: Project): { dir: string; result: TargetResult } {
  const result = emitFal(project.ir, {}, { dockerfile: fakeDockerfile });
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
