// Quoting helpers for Dockerfile text: shell words are checked against a real shell; ENV values
// against Docker's documented double-quote rules (\\, \" and \$ are the only escapes).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { continuesLine, dq, envValue, isAptPackage, isEnvName, isMountValue, shellWord } from '../../src/dockerfile/quote.js';

/** Docker's reading of an ENV value: a double-quoted word with \\ \" \$ escapes, or a bare word. */
function dockerReadsEnv(v: string): string {
  if (!v.startsWith('"')) return v;
  let out = '';
  for (let i = 1; i < v.length - 1; i++) {
    const c = v[i]!;
    if (c === '\\' && '\\"$'.includes(v[i + 1] ?? '')) out += v[++i];
    else if (c === '"' || c === '$') throw new Error(`unescaped ${c} in ${v}`);
    else out += c;
  }
  return out;
}

describe('shellWord', () => {
  it('leaves safe words bare and quotes the rest', () => {
    expect(shellWord('torch==2.3.1')).toBe('torch==2.3.1');
    expect(shellWord('curl; rm -rf /')).toBe(`'curl; rm -rf /'`);
    expect(shellWord(`it's`)).toBe(`'it'\\''s'`);
    expect(shellWord('')).toBe(`''`);
  });
  it('quotes glob, tilde, brace, history and comment characters: a shell in a folder with matching files reads them back (issue 18)', () => {
    // Files that every pattern below would match if it reached the shell bare.
    const dir = mkdtempSync(join(tmpdir(), 'cogm-glob-'));
    for (const f of ['ab', 'ac', 'a.whl', 'b']) writeFileSync(join(dir, f), '');
    mkdirSync(join(dir, 'sub'));
    const words = ['*', 'a*', '*.whl', 'a?', '?', '[a]b', 'a[bc]', '[!x]', '~', '~/x', '~root', '{a,b}', 'a{b,c}', '!x', '#', 'x#y', 'a #b',
      '$HOME', '${X:-y}', '`id`', '$(id)', 'a;b', 'a|b', 'a&b', '<x', '>x', '(x)', 'a b', 'a\tb', '\\', '"', "'", '', ' ', '-', '--'];
    for (const w of words) {
      expect(shellWord(w), w).not.toMatch(/^[^']*[*?[~{!#$`;|&<>() \t\\"][^']*$/);
      const out = execFileSync('sh', ['-c', `printf '%s\\n' ${shellWord(w)}`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/home/nobody' } });
      expect(out, `shellWord(${JSON.stringify(w)}) = ${shellWord(w)}`).toBe(`${w}\n`);
    }
  });
  it('a POSIX shell reads every word back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\0')), (s) => {
        const out = execFileSync('sh', ['-c', `printf %s ${shellWord(s)}`], { encoding: 'utf8' });
        expect(out).toBe(s);
      }),
      { numRuns: 60 },
    );
  });
});

describe('envValue', () => {
  it('keeps plain values bare (as Cog writes them) and quotes the rest', () => {
    expect(envValue('/src/hf')).toBe('/src/hf');
    expect(envValue('he said "hi"')).toBe('"he said \\"hi\\""');
    expect(envValue('$(whoami)')).toBe('"\\$(whoami)"');
    expect(envValue('C:\\x')).toBe('"C:\\\\x"');
    expect(envValue('')).toBe('""');
  });
  it('refuses a newline (Docker cannot carry one in ENV)', () => {
    expect(() => envValue('a\nFROM scratch')).toThrow();
  });
  it('Docker reads every quoted value back exactly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)), (s) => {
      expect(dockerReadsEnv(envValue(s))).toBe(s);
      expect(dockerReadsEnv(dq(s))).toBe(s);
    }));
  });
});

describe('name checks', () => {
  it('accepts Debian package names and pins, rejects shell', () => {
    for (const ok of ['ffmpeg', 'libgl1', 'g++', 'libglib2.0-0', 'python3.11-dev', 'curl=7.88.1-10']) expect(isAptPackage(ok), ok).toBe(true);
    for (const bad of ['curl; rm -rf /', '$(id)', 'a b', '-y', 'x\ny', 'Curl', '`id`']) expect(isAptPackage(bad), bad).toBe(false);
  });
  it('accepts env names, rejects the rest', () => {
    expect(isEnvName('HF_HOME')).toBe(true);
    expect(isEnvName('1X')).toBe(false);
    expect(isEnvName('A B')).toBe(false);
  });
  it('mount values have no commas, spaces or quotes', () => {
    expect(isMountValue('/root/.netrc')).toBe(true);
    expect(isMountValue('a,target=/etc')).toBe(false);
    expect(isMountValue('a b')).toBe(false);
  });
  it('a trailing backslash would continue the RUN line into the next instruction', () => {
    expect(continuesLine('echo hi \\')).toBe(true);
    expect(continuesLine('echo hi')).toBe(false);
    // Docker ignores whitespace after the backslash: still a continuation.
    expect(continuesLine('echo hi \\  ')).toBe(true);
    expect(continuesLine('echo a\\b')).toBe(false);
  });
});
