import { describe, expect, it } from 'vitest';
import { expand, fromLines, instructions } from '../../../src/verify/build/from-lines.js';

describe('fromLines', () => {
  it('reads a plain FROM with its line', () => {
    expect(fromLines('# c\nFROM python:3.11-slim\nRUN x\n')).toEqual([{ line: 2, raw: 'python:3.11-slim', image: 'python:3.11-slim', vars: [], internal: false }]);
  });

  it('resolves a global ARG default, and a build argument overrides it', () => {
    const df = 'ARG BASE_IMAGE=nvidia/cuda:12.1.1-devel\nFROM ${BASE_IMAGE}\n';
    expect(fromLines(df)[0]?.image).toBe('nvidia/cuda:12.1.1-devel');
    expect(fromLines(df, { BASE_IMAGE: 'python:3.11-slim' })[0]?.image).toBe('python:3.11-slim');
  });

  it('leaves the image undefined when a variable has no value', () => {
    const [f] = fromLines('ARG TAG\nFROM python:${TAG}\n');
    expect(f?.image).toBeUndefined();
    expect(f?.vars).toEqual(['TAG']);
  });

  it('knows earlier stages and scratch, and skips --platform', () => {
    const froms = fromLines('FROM --platform=linux/amd64 python:3.11 AS build\nFROM build\nFROM scratch\n');
    expect(froms.map((f) => [f.image, f.stage, f.internal])).toEqual([
      ['python:3.11', 'build', false], ['build', undefined, true], ['scratch', undefined, true],
    ]);
  });

  it('ignores ARGs declared after the first FROM', () => {
    expect(fromLines('FROM a\nARG X=b\nFROM ${X}\n')[1]?.image).toBeUndefined();
  });

  it('joins continuation lines and skips comments inside them', () => {
    expect(instructions('RUN a \\\n# note\n  b\nFROM \\\n  x\n')).toEqual([
      { line: 1, keyword: 'RUN', args: 'a    b' }, { line: 4, keyword: 'FROM', args: 'x' },
    ]);
  });
});

describe('expand', () => {
  it('handles :- and :+ forms', () => {
    const vars = new Map([['A', 'x'], ['E', '']]);
    expect(expand('${A:-d}/${E:-d}/${A:+y}/${E:+y}/$A', vars).value).toBe('x/d/y//x');
  });
});
