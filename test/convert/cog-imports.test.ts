// The CM030 scan's fast path (src/convert/cog-imports.ts): a file whose every mention of `cog`
// is a one-line import of provided names is not parsed. It must never hide a finding: on every
// fixture's Python and on generated sources, the answer equals the full parse's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlyProvidedImports, scanCogNames, unprovidedCogNames } from '../../src/convert/cog-imports.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

function fixturePython(): string[] {
  return readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.py') && e.parentPath.includes(`${'/'}input`))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

describe('CM030 fast path', () => {
  it('takes the fast path for a typical predictor, and not for anything it cannot be sure of', () => {
    expect(onlyProvidedImports('from cog import BasePredictor, Input, Path as P\n\nclass Predictor(BasePredictor):\n    pass\n')).toBe(true);
    expect(onlyProvidedImports('import numpy\n')).toBe(true);
    for (const src of [
      'import cog\n', 'import os, cog\n', 'from cog import (\n    Path,\n)\n', 'from cog import Path, \\\n    Input\n',
      'from cog import *\n', 'from cog import Path  # cog\n', 'from cog import NotInCog\n', 'x = "cog"\n', 'from cog import Path; import cog\n',
    ]) expect(onlyProvidedImports(src), src).toBe(false);
  });

  it('gives the full scan\'s answer on every fixture file', () => {
    const sources = fixturePython();
    expect(sources.length).toBeGreaterThan(50);
    for (const src of sources) expect(unprovidedCogNames(src)).toEqual(scanCogNames(src));
  });

  it('gives the full scan\'s answer on generated sources', () => {
    const fragment = fc.constantFrom(
      'from cog import BasePredictor, Input', 'from cog import Secret as S', 'from cog.types import Path', 'from cog import NotAName',
      'from cog import (Path,', '    NoSuch)', 'import cog', 'cog.NoSuch()', 'cog.Path', 'from cog import \\', '    NoSuch',
      '# from cog import NoSuch', 's = "from cog import NoSuch"', '"""', 'def f():', '    from cog import NoSuch', 'x = 1', '\tfrom cog import Input',
      'from cog import Path; from cog import NoSuch', 'from  cog  import  Path ,Input', 'from cog import Path as',
    );
    fc.assert(fc.property(fc.array(fragment, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const src = lines.join(eol) + eol;
      expect(unprovidedCogNames(src)).toEqual(scanCogNames(src));
    }), { numRuns: 400 });
  });
});
