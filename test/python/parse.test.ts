import { describe, expect, it } from 'vitest';
import { LARGE_SOURCE_CHARS, firstSyntaxError, parsePython } from '../../src/python/parse.js';

describe('parsePython', () => {
  it('parses an empty file to an empty module', () => {
    const p = parsePython('');
    expect(p.root!.type).toBe('module');
    expect(p.syntaxError).toBeUndefined();
  });

  it('reports the first ERROR node with a 1-based line and column', () => {
    const p = parsePython('x = 1\ny = (2\nz = 3\nclass:\n');
    expect(p.syntaxError).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(p.syntaxError!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a MISSING node', () => {
    const p = parsePython('def f(:\n    pass\n');
    expect(p.syntaxError).toMatchObject({ line: 1 });
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const p = parsePython('s = "é😀"; t = )\n');
    expect(p.syntaxError).toMatchObject({ line: 1 });
  });

  it('has no syntax error for valid code', () => {
    expect(firstSyntaxError(parsePython('async def f(x: int = 1) -> str:\n    return f"{x}"\n').root!)).toBeUndefined();
  });

  it('parses large files in part and says how much it skipped', () => {
    const text = `import cog\nclass P:\n    pass\nBLOB = "${'x'.repeat(LARGE_SOURCE_CHARS)}"\n`;
    const p = parsePython(text, { keepNames: ['P'] });
    expect(p.skippedChars).toBeGreaterThan(LARGE_SOURCE_CHARS);
    expect(p.root!.namedChildren.map((n) => n.type)).toEqual(['import_statement', 'class_definition']);
  });

  it('gives up after its time budget and says so', () => {
    const text = 'def f(a, b=2):\n    return a + b\n'.repeat(20_000);
    const p = parsePython(text, { budgetMs: 0.001, full: true });
    expect(p.timedOut).toBe(true);
    expect(p.root).toBeUndefined();
    // The shared parser is usable again afterwards.
    expect(parsePython('x = 1\n').root!.type).toBe('module');
  });
});

describe('parsePython and comments', () => {
  it('blanks comments (not # inside strings) and keeps every position', () => {
    const src = 'x = "a # not a comment"  # real\ny = 1\n';
    const p = parsePython(src);
    expect(p.text).toBe('x = "a # not a comment"        \ny = 1\n');
    expect(p.text.length).toBe(src.length);
    expect(p.root!.namedChildren[1]!.startPosition).toEqual({ row: 1, column: 0 });
  });

  it('parses 5 MB of comment lines in linear time (tree-sitter-python is quadratic on them)', () => {
    const text = 'x = 1\n' + '# filler line to make the file large\n'.repeat(140_000);
    const p = parsePython(text, { full: true });
    expect(p.timedOut).toBeUndefined();
    expect(p.syntaxError).toBeUndefined();
  });
});
