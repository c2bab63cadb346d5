import { describe, expect, it } from 'vitest';
import { bindingsOf } from '../../src/python/module-index.js';
import { parsePython } from '../../src/python/parse.js';

function bindings(src: string) {
  const root = parsePython(`${src}\n`).root!;
  return bindingsOf(root.namedChildren[0]!).map((b) => ({ local: b.local, full: b.full, ...b.binding, node: undefined }));
}

describe('bindingsOf', () => {
  it('binds nothing for a star import', () => {
    expect(bindings('from cog import *')).toEqual([]);
  });

  it('binds the first name of a dotted import and remembers the whole path', () => {
    expect(bindings('import a.b.c')).toMatchObject([{ local: 'a', kind: 'module', module: 'a', full: ['a', 'b', 'c'] }]);
  });

  it('binds aliases', () => {
    expect(bindings('import numpy as np')).toMatchObject([{ local: 'np', module: 'numpy' }]);
    expect(bindings('from cog import Path as P, Input')).toMatchObject([
      { local: 'P', kind: 'from', module: 'cog', name: 'Path', level: 0 },
      { local: 'Input', name: 'Input' },
    ]);
  });

  it('counts relative levels', () => {
    expect(bindings('from ..pkg.mod import x')).toMatchObject([{ local: 'x', module: 'pkg.mod', level: 2 }]);
    expect(bindings('from . import y')).toMatchObject([{ local: 'y', module: '', level: 1 }]);
  });

  it('reads parenthesised import lists', () => {
    expect(bindings('from m import (\n    a,\n    b as c,\n)').map((b) => b.local)).toEqual(['a', 'c']);
  });
});
