import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, readRegularFile } from '../../src/fs/bounded-read.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cogm-bounded-'));

describe('readRegularFile', () => {
  it('reads a regular file', () => {
    const d = dir();
    writeFileSync(join(d, 'a.txt'), 'hello');
    expect(readRegularFile(join(d, 'a.txt'), 100)).toMatchObject({ ok: true, bytes: Buffer.from('hello') });
  });

  it('refuses a FIFO without blocking on it', () => {
    const d = dir();
    expect(spawnSync('mkfifo', [join(d, 'fifo')]).status).toBe(0);
    expect(readRegularFile(join(d, 'fifo'), 100)).toMatchObject({ ok: false, problem: 'not-a-file' });
  });

  it('refuses a symlink (to /dev/zero) instead of following it', () => {
    const d = dir();
    symlinkSync('/dev/zero', join(d, 'zero'));
    expect(readRegularFile(join(d, 'zero'), 100)).toMatchObject({ ok: false, problem: 'not-a-file' });
  });

  it('refuses a device and a folder', () => {
    expect(readRegularFile('/dev/zero', 100)).toMatchObject({ ok: false, problem: 'not-a-file' });
    expect(readRegularFile(dir(), 100)).toMatchObject({ ok: false, problem: 'not-a-file' });
  });

  it('refuses a file over the cap, and stops at the cap when the size lies (/proc)', () => {
    const d = dir();
    writeFileSync(join(d, 'big'), 'x'.repeat(101));
    expect(readRegularFile(join(d, 'big'), 100)).toMatchObject({ ok: false, problem: 'too-large' });
    // /proc/self/maps reports 0 bytes but holds more than 10.
    expect(readRegularFile('/proc/self/maps', 10)).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('reports a missing file', () => {
    expect(readRegularFile(join(dir(), 'nope'), 100)).toMatchObject({ ok: false, problem: 'missing' });
  });
});

describe('readJsonFile', () => {
  it('parses JSON and gives undefined for anything else', () => {
    const d = dir();
    writeFileSync(join(d, 'm.json'), '{"tool":{"name":"cog-migrate"}}');
    writeFileSync(join(d, 'bad.json'), '{');
    expect(readJsonFile(join(d, 'm.json'))).toEqual({ tool: { name: 'cog-migrate' } });
    expect(readJsonFile(join(d, 'bad.json'))).toBeUndefined();
    expect(readJsonFile('/dev/zero')).toBeUndefined();
  });
});
