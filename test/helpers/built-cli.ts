// The CLI as it is published: bin/cog-migrate.js running the esbuild bundle in dist/cli/ (written
// by `npm run build`, scripts/bundle.ts), as a process. And the check that what such a process
// writes for a fixture is what the golden suite expects from the source: the same files, byte for
// byte (after the golden suite's normalisation), so templates, runtime/ and the other files
// found from the package root resolve from wherever the bundle runs.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { allRuntimeFiles } from '../../src/runtime/index.js';
import { listFiles, normalise } from './golden.js';

export const REPO = resolve(import.meta.dirname, '../..');

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails with what to do when the bundle has not been built (CI builds before testing). */
export function requireBundle(root = REPO): void {
  const main = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` (tsc, then scripts/bundle.ts) before this suite`);
}

/** `node BIN ARGS` with cwd `cwd`; `nodeArgs` go before BIN (`--import`). */
export function runBin(bin: string, args: string[], opts: { cwd?: string; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): ProcessRun {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), bin, ...args], { encoding: 'utf8', cwd: opts.cwd ?? REPO, env: opts.env ?? process.env, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Golden files that describe the run rather than being files of the output.
const NOT_OUTPUT = new Set(['status.txt', 'findings.json', 'runtime-files.txt']);

/**
 * The folder a CLI wrote for fixtures/<name>/input holds every file of the golden
 * fixtures/<name>/expected/<variant>/ with the same bytes, and the runtime files the golden lists
 * as copies of runtime/.
 */
export function expectFixtureOutput(outDir: string, fixture: string, variant: string): void {
  const input = resolve(REPO, 'fixtures', fixture, 'input');
  const expected = join(REPO, 'fixtures', fixture, 'expected', variant);
  const golden = listFiles(expected).filter((rel) => !NOT_OUTPUT.has(rel));
  expect(golden.length, `${expected} has no output files`).toBeGreaterThan(0);
  for (const rel of golden) {
    const path = join(outDir, rel);
    expect(existsSync(path), `${variant}: ${rel} was not written`).toBe(true);
    expect(normalise(readFileSync(path, 'utf8'), input), `${variant}: ${rel} differs from ${expected}/${rel}`).toBe(readFileSync(join(expected, rel), 'utf8'));
  }
  const listed = join(expected, 'runtime-files.txt');
  if (!existsSync(listed)) return;
  const runtime = new Map(allRuntimeFiles().map((f) => [f.path, f.text]));
  for (const rel of readFileSync(listed, 'utf8').split('\n').filter(Boolean)) {
    const path = join(outDir, rel);
    expect(existsSync(path), `${variant}: runtime file ${rel} was not written`).toBe(true);
    if (runtime.has(rel)) expect(readFileSync(path, 'utf8'), `${variant}: ${rel} is not runtime/'s copy`).toBe(runtime.get(rel));
  }
}
