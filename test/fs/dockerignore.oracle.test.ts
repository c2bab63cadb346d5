// src/fs/dockerignore.ts against Docker's own matcher (github.com/moby/patternmatcher v0.6.1,
// what BuildKit runs; test/oracle/dockerignore builds it): hand-picked rules that pin down the
// corners of Docker's semantics, then a few hundred random rule files over random paths.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from '../../src/fs/dockerignore.js';
import { dockerVerdicts as docker, type DockerignoreCase as Case } from '../helpers/dockerignore-oracle.js';

function ours(c: Case): { invalid: string[]; excluded: boolean[] } {
  const { rules, invalid } = parseDockerignore(c.dockerignore);
  return { invalid, excluded: c.paths.map((p) => isIgnored(rules, p)) };
}

/** Every case: Docker refuses exactly when we find an invalid pattern... in one direction (Docker
 * compiles a pattern only when it reaches it); otherwise the same verdict for every path. */
function compare(cases: readonly Case[]): string[] {
  const answers = docker(cases);
  const diffs: string[] = [];
  cases.forEach((c, i) => {
    const d = answers[i]!;
    const o = ours(c);
    if ('error' in d) {
      if (o.invalid.length === 0) diffs.push(`${JSON.stringify(c.dockerignore)}: Docker refuses (${d.error}), we accept`);
      return;
    }
    if (o.invalid.length > 0) return;
    c.paths.forEach((p, j) => {
      if (d.excluded[j] !== o.excluded[j]) diffs.push(`${JSON.stringify(c.dockerignore)} ${p}: Docker ${d.excluded[j] ? 'excludes' : 'keeps'}, we ${o.excluded[j] ? 'exclude' : 'keep'}`);
    });
  });
  return diffs;
}

const PATHS = ['predict.py', 'a', 'a/b', 'a/b/c.py', 'ab', 'b/a', 'x/y/a', 'weights/w.bin', 'weights/keep/k.bin', '.git/config', 'a.py', 'sub/a.py', 'dir.d/file', 'x+y', 'a\\b', 'q?', '[a]', 'é/ü.py', 'a b/c'];

describe('.dockerignore against Docker (moby/patternmatcher)', () => {
  it('agrees on hand-picked rules', () => {
    const rules = [
      '*.py', '**/*.py', '**', '**/', '*', 'a', '/a', './a', 'a/', 'a/**', 'a**', '**a', '**/a', 'a/**/c.py', 'a/*/c.py',
      '?', 'a?', '[ab]', '[^a]', '[!a]', '[a-b]/*', '\\[a]', 'a\\b', 'x+y', 'dir.d', 'q\\?', 'weights\n!weights/keep', 'weights\n!weights/keep/k.bin',
      '*\n!*.py', '!a\na', '# comment\na', ' #a', 'a\n\n!', '!', '[z-a]', '[', 'a[', '\\', 'a\\', '[]a]', '[a-]', '*[', 'a/../b', '../a', 'a//b', '\ufeffa',
      'é', 'a b', '**/**/c.py', 'a/**/**', '**/b/**', '.git', '.*', '*/a', '*/*', 'a/b/c.py/', '\ta\t', '!a/b\na',
    ];
    expect(compare(rules.map((dockerignore) => ({ dockerignore, paths: PATHS })))).toEqual([]);
  });

  it('agrees on random rule files', () => {
    const token = fc.constantFrom('a', 'b', 'ab', '.', '/', '*', '**', '?', '[a-b]', '[^a]', '[', ']', '\\', '!', '-', '.py', '..', ' ', '#', 'x');
    const line = fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join(''));
    const file = fc.array(line, { minLength: 1, maxLength: 5 }).map((l) => l.join('\n'));
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.py', 'x', '.a', 'b.py');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const cases = fc.sample(fc.record({ dockerignore: file, paths: fc.array(path, { minLength: 5, maxLength: 12 }) }), { numRuns: 600, seed: 18 });
    expect(compare(cases)).toEqual([]);
  });
});
