import { describe, expect, it } from 'vitest';
import { decodeEscapes, stringValue } from '../../src/python/strings.js';
import { expr } from './helpers.js';

const str = (src: string) => {
  const r = stringValue(expr(src));
  return r.ok ? r.value : `FAIL: ${r.reason}`;
};

describe('stringValue', () => {
  it('reads plain strings in every quote style', () => {
    expect(str(`"a"`)).toBe('a');
    expect(str(`'a'`)).toBe('a');
    expect(str(`"""a\nb"""`)).toBe('a\nb');
    expect(str(`'''it's'''`)).toBe("it's");
    expect(str(`""`)).toBe('');
  });

  it('decodes every escape', () => {
    expect(str(String.raw`"\n\t\r\\\"\'\a\b\f\v\0\101\x41\u00e9\U0001F600"`)).toBe('\n\t\r\\"\'\x07\b\f\v\0AAé😀');
    expect(str(String.raw`"\d\w"`)).toBe('\\d\\w');
  });

  it('keeps raw strings raw', () => {
    expect(str(String.raw`r"\d+\n"`)).toBe('\\d+\\n');
    expect(str(String.raw`R'\\'`)).toBe('\\\\');
  });

  it('reads u-strings and f-strings without interpolation', () => {
    expect(str(`u"x"`)).toBe('x');
    expect(str(`f"{{x}}"`)).toBe('{x}');
  });

  it('joins implicit concatenation', () => {
    expect(str(`"a" 'b' r"\\c"`)).toBe('ab\\c');
  });

  it('refuses bytes, interpolation and named escapes', () => {
    expect(str(`b"x"`)).toMatch(/^FAIL: bytes/);
    expect(str(`f"{x}"`)).toMatch(/^FAIL: f-string/);
    expect(str(String.raw`"\N{BULLET}"`)).toMatch(/^FAIL/);
  });

  it('keeps non-ASCII text as is', () => {
    expect(str(`"日本語 ✓ 😀"`)).toBe('日本語 ✓ 😀');
  });
});

describe('decodeEscapes', () => {
  it('drops backslash-newline continuations', () => {
    expect(decodeEscapes('a\\\nb')).toEqual({ ok: true, value: 'ab' });
  });
  it('refuses a bad \\x escape', () => {
    expect(decodeEscapes('\\xZZ').ok).toBe(false);
  });
});

describe('stringValue on plain literals (the fast path), against CPython', () => {
  it('gives what ast.literal_eval gives for generated quote-style literals', async () => {
    const { execFileSync } = await import('node:child_process');
    const fc = (await import('fast-check')).default;
    const bodies = fc.sample(fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '{', '}', 'é', '\n', '#', 'x'), maxLength: 8 }), { numRuns: 300, seed: 9 });
    const literals: string[] = [];
    for (const b of bodies) {
      for (const q of ['"', "'", '"""', "'''"]) {
        const lit = `${q}${b}${q}`;
        const parsed = parsePythonOk(lit);
        if (parsed) literals.push(lit);
      }
    }
    expect(literals.length).toBeGreaterThan(300);
    // CPython is the judge of which are literals at all (a newline inside '...' is not).
    const py = [
      'import ast, json, sys',
      'def value(s):',
      '    try:',
      '        return ast.literal_eval(s)',
      '    except SyntaxError:',
      '        return None',
      'print(json.dumps([value(s) for s in json.load(sys.stdin)]))',
    ].join('\n');
    const expected = JSON.parse(execFileSync('python3', ['-I', '-c', py], { input: JSON.stringify(literals), encoding: 'utf8' })) as (string | null)[];
    const valid = literals.filter((_, i) => expected[i] !== null);
    expect(valid.length).toBeGreaterThan(200);
    expect(valid.map(str)).toEqual(expected.filter((v) => v !== null));
  });
});

/** True when CPython would accept `lit` as one string literal statement (tree-sitter agrees with no error). */
function parsePythonOk(lit: string): boolean {
  try {
    const node = expr(lit);
    return node.type === 'string';
  } catch {
    return false;
  }
}
