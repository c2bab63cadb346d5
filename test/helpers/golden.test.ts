// The golden helpers themselves (issue 18): without UPDATE_GOLDEN=1 a missing golden fails,
// whether or not CI is set; with it, the golden is written.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectGoldenDir, expectGoldenFile } from './golden.js';
import { expectGolden } from '../dockerfile/golden.js';

const saved = { UPDATE_GOLDEN: process.env.UPDATE_GOLDEN, CI: process.env.CI };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const tmp = () => mkdtempSync(join(tmpdir(), 'cogm-golden-'));

describe('golden helpers', () => {
  for (const ci of [undefined, '1']) {
    it(`a missing golden fails and writes nothing (CI ${ci ?? 'unset'})`, () => {
      delete process.env.UPDATE_GOLDEN;
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
      const dir = tmp();
      expect(() => expectGoldenDir(join(dir, 'expected'), { 'a.txt': 'x' }, 'REGEN')).toThrow(/missing golden .*expected.*REGEN/);
      expect(() => expectGoldenFile(join(dir, 'f.txt'), 'x', 'REGEN')).toThrow(/missing golden .*f\.txt/);
      expect(() => expectGolden(join(dir, 'g.Dockerfile'), 'FROM x\n')).toThrow(/missing golden .*g\.Dockerfile.*UPDATE_GOLDEN=1/);
      expect(existsSync(join(dir, 'expected'))).toBe(false);
      expect(existsSync(join(dir, 'f.txt'))).toBe(false);
      expect(existsSync(join(dir, 'g.Dockerfile'))).toBe(false);
    });
  }

  it('UPDATE_GOLDEN=1 writes the golden; the next run compares against it', () => {
    process.env.UPDATE_GOLDEN = '1';
    const dir = tmp();
    expectGoldenDir(join(dir, 'expected'), { 'a.txt': 'x', 'sub/b.txt': 'y' }, 'REGEN');
    expectGoldenFile(join(dir, 'f.txt'), 'z', 'REGEN');
    expect(readFileSync(join(dir, 'expected', 'sub', 'b.txt'), 'utf8')).toBe('y');
    delete process.env.UPDATE_GOLDEN;
    expectGoldenDir(join(dir, 'expected'), { 'a.txt': 'x', 'sub/b.txt': 'y' }, 'REGEN');
    expectGoldenFile(join(dir, 'f.txt'), 'z', 'REGEN');
    expect(() => expectGoldenDir(join(dir, 'expected'), { 'a.txt': 'x' }, 'REGEN')).toThrow(/file list/);
    expect(() => expectGoldenDir(join(dir, 'expected'), { 'a.txt': 'x', 'sub/b.txt': 'changed' }, 'REGEN')).toThrow(/differs/);
    expect(() => expectGoldenFile(join(dir, 'f.txt'), 'other', 'REGEN')).toThrow(/differs/);
  });
});
