import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyIdent, pyLiteral, pyRawStr, pyStr } from '../../src/quote/python.js';

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

/**
 * Reads Python string literals the way Python reads a generated file: the expressions travel as
 * UTF-8 bytes, one per line (a lone surrogate left raw would already be U+FFFD there), and the
 * values come back as ASCII-escaped JSON, so any surrogate Python holds survives the way back.
 */
function readAsFile(exprs: string[]): string[] {
  const script = 'import ast, json, sys\nsrc = sys.stdin.buffer.read().decode("utf-8")\nprint(json.dumps([ast.literal_eval(e) for e in src.split("\\n")]))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: Buffer.from(exprs.join('\n'), 'utf8'), encoding: 'utf8' })) as string[];
}

describe('pyRawStr', () => {
  it('writes expressions raw where Python reads them back exactly, escaped where it cannot', () => {
    expect(pyRawStr(String.raw`^a\.b(?:/|\Z)`)).toBe(String.raw`r"^a\.b(?:/|\Z)"`);
    expect(pyRawStr('a"b')).toBe('"a\\"b"');
    expect(pyRawStr('a\\')).toBe('"a\\\\"');
    const hard = ['', String.raw`\d+\Z`, 'a"b', 'end\\', 'end\\\\', 'new\nline', 'é 漢字', '\u2028', String.raw`\"`, "it's"];
    expect(literalEval(hard.map(pyRawStr))).toEqual(hard);
    const samples = fc.sample(fc.string({ maxLength: 30 }), 300).filter((x) => x.isWellFormed());
    expect(literalEval(samples.map(pyRawStr))).toEqual(samples);
  });
});

describe('pyStr: lone surrogates (issue 18)', () => {
  const lone = ['\ud800', '\udfff', 'a\ud83d', '\ude00b', '\udc00\ud800', 'ok \ud83d\ude00 \ud800'];
  it('escapes them, so the literal is well-formed text a UTF-8 file can hold', () => {
    for (const s of lone) {
      expect(pyStr(s).isWellFormed(), JSON.stringify(s)).toBe(true);
      expect(pyStr(s), JSON.stringify(s)).toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
    }
    expect(pyStr('\ud800')).toBe('"\\ud800"');
  });
  it('Python reads the written bytes back as the same code units', () => {
    expect(readAsFile(lone.map(pyStr))).toEqual(lone);
  });
  it('keeps a surrogate pair as the one character it is', () => {
    expect(pyStr('\ud83d\ude00')).toBe('"\ud83d\ude00"');
  });
  it('any string, well-formed or not, gives a well-formed literal Python reads back (property)', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), 200);
    for (const s of samples) expect(pyStr(s).isWellFormed()).toBe(true);
    expect(readAsFile(samples.map(pyStr))).toEqual(samples);
  });
});

describe('pyStr: the literal itself (mutation run)', () => {
  it('holds no raw control character: NUL, ESC, DEL, C1 and the line separators are escapes', () => {
    const controls = ['\x00', '\x01', '\x1b', '\x1f', '\x7f', '\x80', '\x85', '\x9b', '\x9f', '\u2028', '\u2029', '\r'];
    for (const c of controls) expect(pyStr(`a${c}b`), JSON.stringify(c)).not.toMatch(/[\0-\x1f\x7f-\x9f\u2028\u2029]/);
    expect(literalEval(controls.map((c) => pyStr(`a${c}b`)))).toEqual(controls.map((c) => `a${c}b`));
  });
  it('writes \\xNN up to U+00FF and \\uNNNN above, always with every digit', () => {
    expect(pyStr('\x00\x1b\x7f\x80\x9f')).toBe('"\\x00\\x1b\\x7f\\x80\\x9f"');
    expect(pyStr('\u2028\u2029\ud800')).toBe('"\\u2028\\u2029\\ud800"');
    expect(pyStr('\u00a0\u00ff é')).toBe('"\u00a0\u00ff é"');
  });
});

describe('pyLiteral', () => {
  it('writes NaN and the infinities as float() calls Python evaluates back', () => {
    expect([Number.NaN, Infinity, -Infinity].map(pyLiteral)).toEqual(['float("nan")', 'float("inf")', '-float("inf")']);
    // Our own expressions, evaluated with nothing but float() in reach.
    const script = 'import json, math, sys\nvals = [eval(e, {"__builtins__": {}, "float": float}) for e in json.load(sys.stdin)]\nprint(json.dumps([("nan" if math.isnan(v) else v) for v in vals]))';
    expect(execFileSync('python3', ['-c', script], { input: JSON.stringify([Number.NaN, Infinity, -Infinity, 2.5].map(pyLiteral)), encoding: 'utf8' }).trim()).toBe('["nan", Infinity, -Infinity, 2.5]');
  });
  it('emits Python for JSON-like values', () => {
    const values = [null, true, false, 0, -3, 2.5, 'x', [1, 'a', null], { k: [true], 'q"': 1 }];
    expect(literalEval(values.map(pyLiteral))).toEqual(values);
  });
});

describe('pyIdent', () => {
  it('accepts identifiers and rejects keywords and injections', () => {
    expect(pyIdent('prompt')).toBe('prompt');
    for (const bad of ['class', 'a b', 'x; import os', '1a', '']) expect(() => pyIdent(bad)).toThrow(`not a safe Python identifier: ${JSON.stringify(bad)}`);
  });
});
