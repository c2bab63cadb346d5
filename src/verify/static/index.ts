// The static level: parse every emitted Python file, type-check the generated adapters against
// the platform SDK, type-check emitted TypeScript, and (through a hook) the OpenAPI round trip.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { checkPythonParses } from './python-parse.js';
import { checkWithPyright, sdkPython } from './pyright.js';
import { checkTypeScript } from './typescript.js';
import { checkSdkImport } from './sdk-import.js';

export { checkPythonParses } from './python-parse.js';
export { checkWithPyright, sdkPython } from './pyright.js';
export { checkTypeScript, parseTscOutput } from './typescript.js';
export { checkSdkImport, localModules } from './sdk-import.js';
export { checkRoundTrip, firstDifference } from './roundtrip.js';

/** Output-relative paths of all files, skipping caches and dependency folders. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '__pycache__' || e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Generated adapters: the Python files that import a platform SDK (the user's files never do). */
export function adapterFiles(outDir: string, pyFiles: string[]): string[] {
  return pyFiles.filter((f) => /^\s*(import|from)\s+(fal|modal)\b/m.test(readFileSync(join(outDir, f), 'utf8')));
}

export interface StaticOptions {
  target: string;
  sdkPython?: string;
  /** Lines about slow first-use work (installing the pinned tools). */
  onProgress?: (line: string) => void;
}

export async function parseStep(outDir: string): Promise<Finding[]> {
  const py = listFiles(outDir).filter((f) => f.endsWith('.py'));
  return checkPythonParses(py.map((f) => [f, join(outDir, f)]));
}

export async function typecheckStep(outDir: string, opts: StaticOptions): Promise<Finding[]> {
  const files = listFiles(outDir);
  const progress = opts.onProgress ? { onProgress: opts.onProgress } : {};
  const findings: Finding[] = [];
  const adapters = adapterFiles(outDir, files.filter((f) => f.endsWith('.py')));
  if (adapters.length > 0) {
    let python = opts.sdkPython;
    if (!python) {
      const env = await sdkPython(opts.target);
      if (env.problem) findings.push(finding('CM503', `adapters not type-checked: ${env.problem}`));
      python = env.python;
    }
    if (python) {
      for (const f of adapters) findings.push(...await checkSdkImport(outDir, f, python));
      findings.push(...await checkWithPyright(outDir, adapters, python, progress));
    }
  }
  const ts = files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !f.endsWith('.d.ts'));
  findings.push(...await checkTypeScript(outDir, ts, progress));
  return findings;
}
