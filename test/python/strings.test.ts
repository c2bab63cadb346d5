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
