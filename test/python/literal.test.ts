import { describe, expect, it } from 'vitest';
import { evalLiteral, type NameResolver } from '../../src/python/literal.js';
import { expr } from './helpers.js';

const value = (src: string, resolve?: NameResolver) => {
  const r = evalLiteral(expr(src), resolve);
  return r.ok ? r.value : `FAIL: ${r.reason}`;
};

describe('evalLiteral', () => {
  it('evaluates None, booleans and numbers', () => {
    expect(value('None')).toBe(null);
    expect(value('True')).toBe(true);
    expect(value('False')).toBe(false);
    expect(value('42')).toBe(42);
    expect(value('-7')).toBe(-7);
    expect(value('+7')).toBe(7);
    expect(value('1_000')).toBe(1000);
    expect(value('0x1F')).toBe(31);
    expect(value('0o17')).toBe(15);
    expect(value('0b101')).toBe(5);
    expect(value('1.5e3')).toBe(1500);
    expect(value('-0.25')).toBe(-0.25);
    expect(value('.5')).toBe(0.5);
  });

  it('evaluates containers', () => {
    expect(value('[1, "a", None]')).toEqual([1, 'a', null]);
    expect(value('(1, 2)')).toEqual([1, 2]);
    expect(value('(1,)')).toEqual([1]);
    expect(value('{"a": [1], "b": {"c": True}}')).toEqual({ a: [1], b: { c: true } });
    expect(value('[]')).toEqual([]);
  });

  it('folds simple arithmetic and concatenation', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('2 ** 10')).toBe(1024);
    expect(value('7 // 2')).toBe(3);
    expect(value('-7 // 2')).toBe(-4);
    expect(value('-7 % 3')).toBe(2);
    expect(value('1 / 4')).toBe(0.25);
    expect(value('"a" + "b"')).toBe('ab');
    expect(value('"ab" * 2')).toBe('abab');
    expect(value('[1] + [2]')).toEqual([1, 2]);
    expect(value('("a" "b") + \'c\'')).toBe('abc');
  });

  it('folds subscripts and pure built-ins over literals', () => {
    expect(value('[1, 2, 3][-1]')).toBe(3);
    expect(value('{"k": 5}["k"]')).toBe(5);
    expect(value('list({"a": 1, "b": 2}.keys())')).toEqual(['a', 'b']);
    expect(value('list({"a": 1}.values())')).toEqual([1]);
    expect(value('sorted(["b", "a"])')).toEqual(['a', 'b']);
    expect(value('tuple([1])')).toEqual([1]);
  });

  it('resolves names through the resolver', () => {
    const resolve: NameResolver = (n) => (n.text === 'X' ? { node: expr('[1, 2]'), resolve } : undefined);
    expect(value('X + [3]', resolve)).toEqual([1, 2, 3]);
    expect(value('Y', resolve)).toMatch(/^FAIL: Y is not a statically known constant/);
  });

  it('does not loop on a self-referencing name', () => {
    const resolve: NameResolver = (n) => (n.text === 'X' ? { node: expr('X + 1'), resolve } : undefined);
    expect(value('X', resolve)).toMatch(/^FAIL/);
  });

  it('refuses what is not a literal', () => {
    for (const src of ['f(1)', 'a.b', 'x if y else z', 'lambda: 1', '{1, 2}', 'b"x"', 'f"{x}"', '1j', '10 ** 400', '1 / 0', '[1][5]', '"abc"[0:1]', '{**a}']) {
      expect(value(src)).toMatch(/^FAIL/);
    }
  });

  it('refuses integers beyond exact JSON precision', () => {
    expect(value('12345678901234567890')).toMatch(/^FAIL: integer too large/);
  });
});

// Issue 9: choices built from literal data with comprehensions.
describe('evalLiteral: comprehensions and comparisons over literal data', () => {
  const D = '{"ddim": {"label": "DDIM", "on": True}, "euler": {"label": "Euler", "on": False}}';
  const withD: NameResolver = (n) => (n.text === 'D' ? { node: expr(D), resolve: withD } : undefined);

  it('folds list, generator and dict comprehensions, with if clauses and tuple targets', () => {
    expect(value('[x * 2 for x in [1, 2, 3] if x != 2]')).toEqual([2, 6]);
    expect(value('[k for k in D]', withD)).toEqual(['ddim', 'euler']);
    expect(value('[v["label"] for k, v in D.items() if v["on"]]', withD)).toEqual(['DDIM']);
    expect(value('list(k for k, _ in D.items())', withD)).toEqual(['ddim', 'euler']);
    expect(value('{k: v["label"] for k, v in D.items()}', withD)).toEqual({ ddim: 'DDIM', euler: 'Euler' });
    expect(value('sorted({k: v["label"] for k, v in D.items()}.values())', withD)).toEqual(['DDIM', 'Euler']);
    expect(value('[(a, b) for a in [1, 2] for b in "xy" if a == 1]')).toEqual([[1, 'x'], [1, 'y']]);
  });

  it('folds comparisons, chained as Python does, and not', () => {
    expect(value('1 < 2 <= 2')).toBe(true);
    expect(value('"a" in ["a", "b"]')).toBe(true);
    expect(value('"c" not in {"a": 1}')).toBe(true);
    expect(value('not []')).toBe(true);
    expect(value('None is None')).toBe(true);
  });

  it('keeps loop variables out of the names a constant sees, and refuses what is not literal', () => {
    expect(value('[x for x in range(3)]')).toMatch(/^FAIL/);
    expect(value('[x for x in 5]')).toMatch(/non-iterable/);
    expect(value('[a for a, b in [1, 2]]')).toMatch(/does not fit/);
    expect(value('[y for x in [1]]')).toMatch(/^FAIL/);
    expect(value('1 < "a"')).toMatch(/cannot fold/);
  });

  it('bounds what a comprehension builds (issue 18: capped folding)', () => {
    const big: NameResolver = (n) => (n.text === 'B' ? { node: expr('"x" * 60000'), resolve: big } : undefined);
    const r = evalLiteral(expr('[[c, d] for c in B for d in B]'), big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.overLimit).toBe(true);
  });
});
