import { describe, expect, it } from 'vitest';
import { relevantRanges, topLevelSegments } from '../../src/python/segments.js';

const heads = (text: string) => topLevelSegments(text).map((s) => [s.head, s.name ?? null]);

describe('topLevelSegments', () => {
  it('finds nothing in an empty file', () => {
    expect(topLevelSegments('')).toEqual([]);
  });

  it('splits top-level statements and names definitions and assignments', () => {
    expect(heads('import os\nX = 1\ndef f():\n    pass\nclass C:\n    y = 2\n')).toEqual([
      ['import', null], ['X', 'X'], ['def', 'f'], ['class', 'C'],
    ]);
  });

  it('is not fooled by strings, brackets, comments and continuations at column 0', () => {
    const text = 'A = """\nclass Fake:\n"""\nB = [\n1,\n]\n# comment\nC = 1 + \\\n2\nD = "it\'s # not"\n';
    expect(heads(text)).toEqual([['A', 'A'], ['B', 'B'], ['C', 'C'], ['D', 'D']]);
  });

  it('attaches decorators to their definition and else/except to their statement', () => {
    expect(heads('@dec\n@dec2\ndef f():\n    pass\ntry:\n    import x\nexcept ImportError:\n    x = None\n')).toEqual([['def', 'f'], ['try', null]]);
  });
});

describe('relevantRanges', () => {
  it('keeps imports, the named class, and constants it mentions; skips the rest', () => {
    const text = 'import cog\nBIG = "' + 'x'.repeat(100) + '"\nN = 3\nclass P:\n    def predict(self, n=N):\n        pass\ndef unrelated():\n    pass\n';
    const { ranges, skippedChars } = relevantRanges(text, ['P']);
    const kept = ranges.map((r) => text.slice(r.startIndex, r.endIndex)).join('');
    expect(kept).toContain('import cog');
    expect(kept).toContain('N = 3');
    expect(kept).toContain('class P');
    expect(kept).not.toContain('BIG');
    expect(kept).not.toContain('unrelated');
    expect(skippedChars).toBe(text.length - kept.length);
  });
});
