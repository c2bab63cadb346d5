// verify's cache folders (src/verify/cache-dir.ts): one rule for the venvs and the npm tools.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyCacheDir } from '../../src/verify/cache-dir.js';

describe('verifyCacheDir', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'cogm-cache-'));
  const installed = mkdtempSync(join(tmpdir(), 'cogm-cache-'));
  mkdirSync(join(checkout, '.git'));
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(installed, { recursive: true, force: true });
  });

  it('puts each kind in its own folder under the same root', () => {
    for (const kind of ['pyenv', 'node-tools'] as const) {
      expect(verifyCacheDir(kind, { COG_MIGRATE_CACHE: '/c', XDG_CACHE_HOME: '/x' }, checkout)).toBe(`/c/${kind}`);
      expect(verifyCacheDir(kind, { XDG_CACHE_HOME: '/x' }, checkout)).toBe(join(checkout, '.cache', kind));
      expect(verifyCacheDir(kind, { XDG_CACHE_HOME: '/x' }, installed)).toBe(`/x/cog-migrate/${kind}`);
      expect(verifyCacheDir(kind, {}, installed)).toBe(join(homedir(), '.cache', 'cog-migrate', kind));
    }
  });
});
