// `cog-migrate clients` end to end, in process: the diff by default, --write, bad input (files
// that do not parse are reported and untouched, a dynamic model id has its finding), usage errors.

import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { listFiles } from '../helpers/golden.js';
import { CLIENT_FIXTURES, REPO } from './cases.js';

function copyOf(caseName: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cogm-clients-cli-')), caseName);
  cpSync(join(CLIENT_FIXTURES, caseName, 'input'), dir, { recursive: true });
  return dir;
}

const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('cog-migrate clients', () => {
  it('prints a unified diff and writes nothing without --write', async () => {
    const dir = copyOf('nextjs-route-handlers');
    const before = snapshot(dir);
    const r = await cli('clients', dir, '--to', 'fal', '--model', 'acme/grayscale=acme/grayscale', '--ir', join(REPO, 'fixtures/path-in-path-out-pillow-grayscale/input'));
    expect(snapshot(dir)).toEqual(before);
    expect(r.stdout).toContain(`--- a/${dir.slice(1)}/app/api/grayscale/route.ts`);
    expect(r.stdout).toContain('-  const output = await replicate.run("acme/grayscale", {');
    expect(r.stdout).toContain('+  const output = (await fal.subscribe("acme/grayscale", {');
    expect(r.stderr).toContain('nothing written (pass --write)');
    // scale: 4.5 is above the model's le=4: an error finding at that line, so exit 1.
    expect(r.stderr).toMatch(/route\.ts:17:\d+: error CM722/);
    expect(r.code).toBe(1);
  });

  it('--write rewrites in place; the same command again changes nothing', async () => {
    const dir = copyOf('discord-bot');
    const args = ['clients', dir, '--to', 'fal', '--model', 'acme/tokens=acme/tokens', '--model', 'acme/grayscale=acme/grayscale', '--write',
      '--ir', `acme/tokens=${join(REPO, 'fixtures/output-concatenate-iterator-tokens/input')}`, '--ir', `acme/grayscale=${join(REPO, 'fixtures/path-in-path-out-pillow-grayscale/input')}`];
    const first = await cli(...args);
    // output_format "gif" is not one of the model's choices: reported, and the file still rewritten.
    expect(first.stderr).toMatch(/main\.py:26:\d+: error CM722/);
    expect(first.code).toBe(1);
    expect(readFileSync(join(dir, 'bot/main.py'), 'utf8')).toBe(readFileSync(join(CLIENT_FIXTURES, 'discord-bot/expected/fal/bot/main.py'), 'utf8'));
    expect(readFileSync(join(dir, 'bot/texts.py'), 'utf8')).toBe(readFileSync(join(CLIENT_FIXTURES, 'discord-bot/input/bot/texts.py'), 'utf8'));
    const after = snapshot(dir);
    const second = await cli(...args);
    expect(second.stderr).toContain('0 file(s) rewritten');
    expect(snapshot(dir)).toEqual(after);
  });

  it('bad input: files that do not parse are reported and left untouched; a dynamic model id has its finding', async () => {
    const dir = copyOf('bad-input');
    const before = snapshot(dir);
    const r = await cli('clients', dir, '--to', 'fal', '--model', 'acme/tokens=acme/tokens', '--write');
    expect(snapshot(dir)).toEqual(before);
    expect(r.stderr).toMatch(/broken\.ts:4:\d+: error CM700/);
    expect(r.stderr).toMatch(/broken\.py:3:\d+: error CM700/);
    expect(r.stderr).toMatch(/dynamic\.ts:7:\d+: warning CM710/);
    expect(r.stderr).toMatch(/dynamic\.py:5:\d+: warning CM710/);
    expect(r.stderr).toMatch(/dynamic\.ts:11:\d+: warning CM712/);
    expect(r.code).toBe(1);
  });

  it('never follows a symbolic link out of PATH', async () => {
    const outside = copyOf('node-scripts');
    const dir = mkdtempSync(join(tmpdir(), 'cogm-clients-link-'));
    writeFileSync(join(dir, 'own.mjs'), 'export const x = 1;\n');
    symlinkSync(join(outside, 'scripts'), join(dir, 'linked'));
    const before = snapshot(outside);
    const r = await cli('clients', dir, '--to', 'fal', '--model', 'acme/tokens=acme/tokens', '--write');
    expect(r.code).toBe(0);
    expect(snapshot(outside)).toEqual(before);
    expect(r.stderr).toContain('0 file(s) rewritten of 1 read');
  });

  it('usage errors exit 2 with a hint', async () => {
    const dir = copyOf('node-scripts');
    expect((await cli('clients', dir, '--to', 'fal')).code).toBe(2);
    const bad = await cli('clients', dir, '--to', 'fal', '--model', 'acme/tokens');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('owner/name[:version]=TARGET_ID');
    expect((await cli('clients', dir, '--to', 'fal', '--model', 'acme/tokens=not an id')).code).toBe(2);
    expect((await cli('clients', dir, '--to', 'vercel', '--model', 'acme/tokens=acme/tokens')).code).toBe(2);
    const twoIr = await cli('clients', dir, '--to', 'fal', '--model', 'a/b=a/b', '--model', 'c/d=c/d', '--ir', join(REPO, 'fixtures/minimal-string-predictor/input'));
    expect(twoIr.code).toBe(2);
    expect(twoIr.stderr).toContain('--ir owner/name=PATH');
  });

  it('a missing PATH or an unusable --ir is an error finding, not a crash', async () => {
    const missing = await cli('clients', '/nonexistent/app', '--to', 'fal', '--model', 'a/b=a/b');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CM701');
    const badIr = await cli('clients', copyOf('node-scripts'), '--to', 'fal', '--model', 'acme/tokens=acme/tokens', '--ir', join(REPO, 'package.json'));
    expect(badIr.code).toBe(1);
    expect(badIr.stderr).toContain('CM704');
  });
});
