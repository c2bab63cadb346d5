import { describe, expect, it } from 'vitest';
import { parseRef } from '../../../../src/frontends/cog/predictor/locate.js';
import type { Ctx } from '../../../../src/frontends/cog/predictor/context.js';
import { ModuleGraph } from '../../../../src/python/modules.js';

const AT = { file: 'cog.yaml', line: 2, column: 10 };
function parse(ref: string) {
  const ctx: Ctx = { graph: new ModuleGraph('/nonexistent'), findings: [] };
  return { ref: parseRef(ctx, ref, AT), codes: ctx.findings.map((f) => f.code), findings: ctx.findings };
}

describe('parseRef', () => {
  it('splits a plain reference', () => {
    expect(parse('predict.py:Predictor')).toMatchObject({ ref: { file: 'predict.py', name: 'Predictor' }, codes: [] });
  });

  it('normalises ./ and backslashes, and keeps subfolders and hyphens', () => {
    expect(parse(' ./sub\\dir/my-model.py : Predictor ').ref).toEqual({ file: 'sub/dir/my-model.py', name: 'Predictor' });
  });

  it('keeps `..` and absolute paths as written so the reader can refuse them', () => {
    expect(parse('../x.py:P').ref).toEqual({ file: '../x.py', name: 'P' });
    expect(parse('/abs/x.py:P').ref).toEqual({ file: '/abs/x.py', name: 'P' });
  });

  it('reports malformed references as CM206 at the cog.yaml location', () => {
    for (const bad of ['predict.py', ':Predictor', 'predict.py:', 'predict.py:1abc', 'predict.py:a.b']) {
      const r = parse(bad);
      expect(r.ref).toBeUndefined();
      expect(r.findings).toMatchObject([{ code: 'CM206', ...AT }]);
    }
  });
});
