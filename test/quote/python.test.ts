import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyIdent, pyLiteral, pyStr } from '../../src/quote/python.js';

/** Evaluates Python literal expressions with the host interpreter's ast.literal_eval (no user code). */
function literalEval(exprs: string[]): unknown[] {
  const script = 'import ast, json, sys\nexprs = json.load(sys.stdin)\nprint(json.dumps([ast.literal_eval(e) for e in exprs], ensure_ascii=False))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' })) as unknown[];
}

describe('pyStr', () => {
  it('quotes the hard cases so Python reads back the same text', () => {
    const hard = ['', 'plain', '"""triple"""', "it's", 'back\\slash', '{{ braces }}', 'new\nline', 'tab\t', 'é ü 漢字 🙂', '\u2028', '\x00\x1f\x7f', 'a"b\'c', '\\x41'];
    expect(literalEval(hard.map(pyStr))).toEqual(hard);
  });

  it('round-trips arbitrary strings through ast.literal_eval (property)', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 300);
    // lone surrogates cannot cross JSON into Python intact; they are escaped by pyStr but
    // JSON.stringify would also change them, so compare on well-formed strings only
    const wellFormed = samples.filter((s) => s.isWellFormed());
    expect(literalEval(wellFormed.map(pyStr))).toEqual(wellFormed);
  });
});

describe('pyLiteral', () => {
  it('emits Python for JSON-like values', () => {
    const values = [null, true, false, 0, -3, 2.5, 'x', [1, 'a', null], { k: [true], 'q"': 1 }];
    expect(literalEval(values.map(pyLiteral))).toEqual(values);
  });
});

describe('pyIdent', () => {
  it('accepts identifiers and rejects keywords and injections', () => {
    expect(pyIdent('prompt')).toBe('prompt');
    for (const bad of ['class', 'a b', 'x; import os', '1a', '']) expect(() => pyIdent(bad)).toThrow();
  });
});
