import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from '../../src/fs/dockerignore.js';

const ignored = (rules: string, path: string) => isIgnored(parseDockerignore(rules).rules, path);

describe('.dockerignore matching', () => {
  it('ignores nothing without rules', () => {
    expect(ignored('', 'predict.py')).toBe(false);
  });
  it('matches folders and everything beneath them', () => {
    expect(ignored('checkpoints/', 'checkpoints/step-100.bin')).toBe(true);
    expect(ignored('checkpoints', 'checkpoints/a/b.bin')).toBe(true);
    expect(ignored('checkpoints', 'weights/checkpoints.txt')).toBe(false);
  });
  it('keeps * inside one segment and lets ** span segments', () => {
    expect(ignored('*.ipynb', 'notebook.ipynb')).toBe(true);
    expect(ignored('*.ipynb', 'sub/notebook.ipynb')).toBe(false);
    expect(ignored('**/*.ipynb', 'sub/deep/notebook.ipynb')).toBe(true);
    expect(ignored('**/*.ipynb', 'top.ipynb')).toBe(true);
  });
  it('lets the last matching rule win, with ! re-including', () => {
    expect(ignored('weights\n!weights/keep.bin', 'weights/keep.bin')).toBe(false);
    expect(ignored('weights\n!weights/keep.bin', 'weights/drop.bin')).toBe(true);
  });
  it('skips comments and blank lines and cleans leading ./ and /', () => {
    expect(ignored('# comment\n\n/build\n./dist', 'build/x')).toBe(true);
    expect(ignored('# comment\n\n/build\n./dist', 'dist/y')).toBe(true);
  });
  it('skips an invalid pattern and reports it instead of throwing', () => {
    const parsed = parseDockerignore('[z-a]\nweights\n');
    expect(parsed.invalid).toEqual(['[z-a]']);
    expect(isIgnored(parsed.rules, 'weights/w.bin')).toBe(true);
  });

  it('treats regex characters literally', () => {
    expect(ignored('a+b.txt', 'a+b.txt')).toBe(true);
    expect(ignored('a+b.txt', 'aab.txt')).toBe(false);
  });
});
