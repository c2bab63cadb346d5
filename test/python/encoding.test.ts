import { describe, expect, it } from 'vitest';
import { declaredEncoding, decodeDeclared } from '../../src/python/encoding.js';
import { tempProject } from '../frontends/cog/predictor/helpers.js';

describe('PEP 263 encodings', () => {
  it('finds no declaration in plain code', () => {
    expect(declaredEncoding(Buffer.from('import os\n# coding: latin-1\n'))).toBeUndefined();
  });

  it('finds a declaration on line 1 or, after a comment, on line 2', () => {
    expect(declaredEncoding(Buffer.from('# -*- coding: Latin-1 -*-\n'))).toBe('latin-1');
    expect(declaredEncoding(Buffer.from('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n'))).toBe('cp1252');
  });

  it('decodes a Latin-1 file through its declaration', () => {
    const root = tempProject({ 'a.py': Buffer.from('# coding: latin-1\nx = "caf\xe9"\n', 'latin1') });
    expect(decodeDeclared(root, 'a.py')).toMatchObject({ ok: true, text: '# coding: latin-1\nx = "café"\n' });
  });

  it('refuses an undeclared non-UTF-8 file and an unknown codec', () => {
    const root = tempProject({ 'a.py': Buffer.from('x = "caf\xe9"\n', 'latin1'), 'b.py': Buffer.from('# coding: klingon\nx = "\xe9"\n', 'latin1') });
    expect(decodeDeclared(root, 'a.py')).toMatchObject({ ok: false });
    expect(decodeDeclared(root, 'b.py')).toMatchObject({ ok: false, detail: expect.stringContaining('klingon') });
  });
});
