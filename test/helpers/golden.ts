// Golden-file comparison: `UPDATE_GOLDEN=1` (and only that) writes expected files; without it a
// missing golden fails like a differing one, locally as under CI, so a test can never pass by
// writing its own expectation. Failures name the file and the command that regenerates it.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { TOOL_VERSION } from '../../src/version.js';

/** Replaces machine-specific text (the fixture's absolute path, the tool version) so goldens are the same on every checkout. */
export function normalise(text: string, root: string): string {
  return text.split(root).join('<FIXTURE>').split(`cog-migrate ${TOOL_VERSION}`).join('cog-migrate <VERSION>').split(`"version": "${TOOL_VERSION}"`).join('"version": "<VERSION>"');
}

/** Read on every call, so that a test of these helpers can switch it. */
export function updating(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

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

function missing(what: string, regenerate: string): Error {
  return new Error(`missing golden ${what}; run \`${regenerate}\`, review the new file(s) and commit them`);
}

/**
 * Compares `actual` (relative path -> text) with the files under `expectedDir`, exactly: the
 * same set of files and the same bytes.
 */
export function expectGoldenDir(expectedDir: string, actual: Record<string, string>, regenerate: string): void {
  if (updating()) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [rel, text] of Object.entries(actual)) {
      const p = join(expectedDir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    return;
  }
  if (!existsSync(expectedDir)) throw missing(expectedDir, regenerate);
  // Flat sort, as for `actual`: a folder walk puts `cog/x` before `cog-debug.Dockerfile`.
  const expectedFiles = listFiles(expectedDir).sort();
  expect(Object.keys(actual).sort(), `file list of ${expectedDir} differs; regenerate with \`${regenerate}\``).toEqual(expectedFiles);
  for (const rel of expectedFiles) {
    const want = readFileSync(join(expectedDir, rel), 'utf8');
    expect(actual[rel], `${join(expectedDir, rel)} differs; regenerate with \`${regenerate}\` and review the diff`).toBe(want);
  }
}

/** Compares `actual` with the one file at `path`. */
export function expectGoldenFile(path: string, actual: string, regenerate: string): void {
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw missing(path, regenerate);
  expect(actual, `${path} differs; review, then \`${regenerate}\``).toBe(readFileSync(path, 'utf8'));
}
