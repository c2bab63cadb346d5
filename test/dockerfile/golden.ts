// Golden-file comparison for the Dockerfile tests: `UPDATE_GOLDEN=1` rewrites, a missing file is
// created on a local run (never under CI), and a mismatch names the file and the update command.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  const update = process.env.UPDATE_GOLDEN === '1';
  if (update || (!existsSync(path) && !process.env.CI)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden ${path}; run UPDATE_GOLDEN=1 npx vitest run test/dockerfile`).toBe(true);
  expect(actual, `${path} differs; review, then UPDATE_GOLDEN=1 npx vitest run test/dockerfile`).toBe(readFileSync(path, 'utf8'));
}
