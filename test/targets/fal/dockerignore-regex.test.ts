// The fal target's translation of a .dockerignore into app_files_ignore (targets/fal/dockerignore-
// regex.ts), held to Docker's own matcher (moby/patternmatcher, the Go oracle) on one side and
// Python's `re.search`, as fal 1.83's FileSync applies the list, on the other: for hand-picked
// corners and a few hundred random rule files over random paths, a fully translated file gives
// Docker's verdict for every path; one with a pattern that has no exact form never leaves out a
// file Docker would keep (fal uploads more, never less).

import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dockerignoreLines as linesOf } from '../../../src/fs/dockerignore.js';
import { dockerignoreToRegexes, type Translation } from '../../../targets/fal/dockerignore-regex.js';
import { dockerVerdicts, type DockerignoreCase } from '../../helpers/dockerignore-oracle.js';
import { pythonEnv } from '../../helpers/python-env.js';

/** fal's verdict: any expression re.search-matches the path (FileSync._matches_patterns); run
 * with warnings as errors, so an expression Python only accepts with a FutureWarning fails. */
const FAL_MATCH = String.raw`
import json, re, sys
out = []
for line in sys.stdin:
    case = json.loads(line)
    patterns = [re.compile(p) for p in case["regexes"]]
    out.append([any(p.search(path) for p in patterns) for path in case["paths"]])
print(json.dumps(out))
`;

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

function falVerdicts(cases: readonly { regexes: string[]; paths: string[] }[]): boolean[][] {
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  return JSON.parse(execFileSync(python, ['-W', 'error', '-c', FAL_MATCH], { input, encoding: 'utf8', maxBuffer: 64 << 20 })) as boolean[][];
}

/** Every disagreement: for a full translation any differing verdict, otherwise a file fal would
 * leave out that Docker keeps. */
function compare(cases: readonly DockerignoreCase[]): string[] {
  const docker = dockerVerdicts(cases);
  const valid = cases.map((c, i) => ({ c, d: docker[i]! })).filter((x): x is { c: DockerignoreCase; d: { excluded: boolean[] } } => 'excluded' in x.d);
  const translations: Translation[] = valid.map((x) => dockerignoreToRegexes(linesOf(x.c.dockerignore)));
  const fal = falVerdicts(valid.map((x, i) => ({ regexes: translations[i]!.expressions.map((e) => e.regex), paths: x.c.paths })));
  const diffs: string[] = [];
  valid.forEach(({ c, d }, i) => {
    const exact = translations[i]!.untranslated.length === 0;
    c.paths.forEach((p, j) => {
      const f = fal[i]![j]!;
      if (exact ? f !== d.excluded[j] : f && !d.excluded[j]) {
        diffs.push(`${JSON.stringify(c.dockerignore)} ${JSON.stringify(p)}: Docker ${d.excluded[j] ? 'excludes' : 'keeps'}, fal ${f ? 'leaves it out' : 'uploads it'}${exact ? '' : ' (partial translation)'}`);
      }
    });
  });
  return diffs;
}

const PATHS = [
  'predict.py', 'a', 'a/b', 'a/b/c.py', 'ab', 'b/a', 'x/y/a', 'weights/w.bin', 'weights/keep/k.bin', 'weights/config.json',
  '.git/config', 'a.py', 'sub/a.py', 'dir.d/file', 'x+y', 'a\\b', 'q?', '[a]', 'é/ü.py', 'a b/c', 'a\nb', 'a/\n', 'b\n', 'a$', 'x^b',
  'notes1', 'cache/x/y.bin', 'data/d.csv', 'src/data/d.csv', 'm.ckpt', 'deep/m.ckpt',
];

describe('fal: .dockerignore as app_files_ignore', () => {
  it('gives Docker\'s verdict on hand-picked rules', () => {
    const rules = [
      '*.py', '**/*.py', '**', '**/', '*', 'a', '/a', './a', 'a/', 'a/**', 'a**', '**a', '**/a', 'a/**/c.py', 'a/*/c.py',
      '?', 'a?', '[ab]', '[^a]', '[!a]', '[a-b]/*', 'a\\b', 'x+y', 'dir.d', 'q\\?', 'weights\n!weights/keep', 'weights\n!weights/keep/k.bin',
      '*\n!*.py', '!a\na', '# comment\na', ' #a', 'a\n\n!x', '[]a]', 'a/../b', 'a//b', '\ufeffa', '*^b', 'x^b', '*$', 'a$',
      'é', 'a b', '**/**/c.py', 'a/**/**', '**/b/**', '.git', '.*', '*/a', '*/*', '\ta\t', '!a/b\na', 'a\n!a/b\n!a/b/c.py',
      'weights/\n!weights/config.json\n**/*.ckpt\n/data\ncache/**', '*\n!**/b\n!*.py', '**/a\n!**/a/b', 'a*\n!ab*',
    ];
    expect(compare(rules.map((dockerignore) => ({ dockerignore, paths: PATHS })))).toEqual([]);
    // Each of these has an exact form.
    for (const r of rules.filter((x) => x !== 'a\\b')) expect(dockerignoreToRegexes(linesOf(r)).untranslated, r).toEqual([]);
  }, 120_000);

  it('reports what has no exact form, leaving out the rules an unexpressible exception overrides', () => {
    const t = dockerignoreToRegexes(linesOf('checkpoints/\nnotes\\d\nweights/\n!weights/keep\\d\n*.ipynb'));
    expect(t.expressions.map((e) => [e.line, e.regex])).toEqual([[5, String.raw`^[^/]*\.ipynb(?:/|\Z)`]]);
    expect(t.untranslated).toEqual([
      { line: 2, pattern: 'notes\\d', why: expect.stringMatching(/Go regular-expression escape/), dropped: [] },
      { line: 4, pattern: '!weights/keep\\d', why: expect.stringMatching(/Go regular-expression escape/), dropped: [1, 3] },
    ]);
    expect(compare([{ dockerignore: 'notes\\d\n[a*]\n![a-b]x', paths: PATHS }])).toEqual([]);
  }, 120_000);

  it('agrees with Docker on random rule files', () => {
    const token = fc.constantFrom('a', 'b', 'ab', '.', '/', '*', '**', '?', '[a-b]', '[^a]', '[', ']', '\\', '!', '-', '.py', '..', ' ', '#', 'x', '^', '$');
    const line = fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join(''));
    const file = fc.array(line, { minLength: 1, maxLength: 5 }).map((l) => l.join('\n'));
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.py', 'x', '.a', 'b.py', 'a b', 'a$', '^a');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const cases = fc.sample(fc.record({ dockerignore: file, paths: fc.array(path, { minLength: 5, maxLength: 12 }) }), { numRuns: 600, seed: 463 });
    expect(compare(cases)).toEqual([]);
  }, 120_000);
});

describe('a .dockerignore too large to translate', () => {
  // 10,000 patterns each followed by thousands of exceptions: unbounded, the lookaheads would
  // add up to hundreds of millions of characters (the hostile case dockerignore-20k-rules).
  const rules = Array.from({ length: 20_000 }, (_v, i) => (i % 2 ? `cache/run-${i}/*.bin` : `!keep/file-${i}.txt`)).join('\n');

  it('stops at the budget and says how far it got, giving no expressions', () => {
    const t = dockerignoreToRegexes(linesOf(rules), 64 * 1024);
    expect(t.expressions).toEqual([]);
    expect(t.oversize).toBeGreaterThan(64 * 1024);
  });

  it('translates whole within the budget', () => {
    const t = dockerignoreToRegexes(linesOf('weights/\n!weights/config.json\n*.ckpt'), 64 * 1024);
    expect(t.oversize).toBeUndefined();
    expect(t.expressions.map((e) => e.line)).toEqual([1, 3]);
  });
});
