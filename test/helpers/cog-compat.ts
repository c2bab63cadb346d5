// The `cog` compatibility package (runtime/cog, as targets ship it) written to a fresh folder, for
// tests that run Python with it as the only `cog`.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cogCompatFiles } from '../../src/runtime/index.js';

/** A new temporary folder holding `cog/`; put it first on sys.path. */
export function cogCompatDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cog-compat-'));
  for (const f of cogCompatFiles()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  return dir;
}
