import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeInPlace } from '../../src/fs/write-in-place.js';

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogm-inplace-'));
  mkdirSync(join(dir, 'app'));
  return join(dir, 'app');
}

describe('writeInPlace', () => {
  it('replaces the file, keeps its mode and leaves no temporary file', () => {
    const r = root();
    const f = join(r, 'a.py');
    writeFileSync(f, 'old\n');
    chmodSync(f, 0o751);
    expect(writeInPlace(r, f, 'a.py', 'old\n', 'new\n')).toBeUndefined();
    expect(readFileSync(f, 'utf8')).toBe('new\n');
    expect(statSync(f).mode & 0o777).toBe(0o751);
    expect(readdirSync(r)).toEqual(['a.py']);
  });

  it('refuses a file that changed since it was read', () => {
    const r = root();
    const f = join(r, 'a.py');
    writeFileSync(f, 'edited meanwhile\n');
    expect(writeInPlace(r, f, 'a.py', 'old\n', 'new\n')?.code).toBe('CM702');
    expect(readFileSync(f, 'utf8')).toBe('edited meanwhile\n');
  });

  it('refuses a symbolic link and a file outside the root', () => {
    const r = root();
    const outside = join(r, '..', 'outside.py');
    writeFileSync(outside, 'old\n');
    symlinkSync(outside, join(r, 'link.py'));
    expect(writeInPlace(r, join(r, 'link.py'), 'link.py', 'old\n', 'new\n')?.code).toBe('CM702');
    expect(writeInPlace(r, outside, 'outside.py', 'old\n', 'new\n')?.code).toBe('CM702');
    expect(readFileSync(outside, 'utf8')).toBe('old\n');
  });

  it('a missing file is a finding, not a throw', () => {
    const r = root();
    expect(writeInPlace(r, join(r, 'gone.py'), 'gone.py', 'old\n', 'new\n')?.code).toBe('CM702');
    expect(readdirSync(r)).toEqual([]);
  });
});
