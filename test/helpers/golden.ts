// Golden-file comparison in Babel's style: UPDATE_GOLDEN=1 rewrites expected files; a missing
// expected folder is written on a local run (and reported) but fails under CI.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

export const UPDATE = process.env.UPDATE_GOLDEN === '1';
export const IN_CI = Boolean(process.env.CI);

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Compares `actual` (relative path -> text) with the files under `expectedDir`, exactly: the
 * same set of files and the same bytes.
 */
export function expectGoldenDir(expectedDir: string, actual: Record<string, string>, regenerate: string): void {
  const exists = existsSync(expectedDir);
  if (UPDATE || (!exists && !IN_CI)) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [rel, text] of Object.entries(actual)) {
      const p = join(expectedDir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    if (!exists) console.warn(`golden created: ${expectedDir} (review it and commit)`);
    return;
  }
  if (!exists) throw new Error(`missing golden ${expectedDir}; run \`${regenerate}\` locally, review and commit it`);
  const expectedFiles = listFiles(expectedDir);
  expect(Object.keys(actual).sort(), `file list of ${expectedDir} differs; regenerate with \`${regenerate}\``).toEqual(expectedFiles);
  for (const rel of expectedFiles) {
    const want = readFileSync(join(expectedDir, rel), 'utf8');
    expect(actual[rel], `${join(expectedDir, rel)} differs; regenerate with \`${regenerate}\` and review the diff`).toBe(want);
  }
}
