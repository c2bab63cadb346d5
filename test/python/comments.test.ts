import { describe, expect, it } from 'vitest';
import { blankComments } from '../../src/python/comments.js';

describe('blankComments', () => {
  it('returns text without comments unchanged', () => {
    const s = 'x = 1\ny = "#"\n';
    expect(blankComments(s)).toBe(s);
  });

  it('replaces comments with spaces up to the end of the line, CRLF included', () => {
    expect(blankComments('a = 1 # c\r\n# d\nb = 2\n')).toBe('a = 1    \r\n   \nb = 2\n');
  });

  it('leaves # in single, triple-quoted, raw and escaped strings alone', () => {
    const s = `a = '#'\nb = """\n# not a comment\n"""\nc = r"\\#"\nd = "\\"#"\n`;
    expect(blankComments(s)).toBe(s);
  });
});
