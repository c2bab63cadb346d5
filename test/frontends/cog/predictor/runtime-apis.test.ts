// Cog runtime APIs a target must map, and local imports.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extract, predictorOf, tempProject } from './helpers.js';

describe('runtime APIs', () => {
  it('finds none in a plain predictor', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).runtimeApis).toEqual([]);
  });

  it('finds current_scope, record_metric, emit_metric and CancelationException, not their imports', () => {
    const e = extract(`
      import cog
      from cog import BasePredictor, current_scope, CancelationException
      from cog import emit_metric
      class Predictor(BasePredictor):
          def predict(self) -> str:
              try:
                  current_scope().record_metric("steps", 3)
                  emit_metric("x", 1)
                  cog.current_scope()
              except CancelationException:
                  raise
              return ""
    `);
    expect(predictorOf(e).runtimeApis.map((u) => [u.api, u.loc.line])).toEqual([
      ['current_scope', 7], ['record_metric', 7], ['emit_metric', 8], ['current_scope', 9], ['CancelationException', 10],
    ]);
  });

  it('ignores a local function that happens to be called current_scope', () => {
    const e = extract(`
      from cog import BasePredictor
      def current_scope():
          return None
      class Predictor(BasePredictor):
          def predict(self) -> str:
              current_scope()
              return ""
    `);
    expect(predictorOf(e).runtimeApis).toEqual([]);
  });
});

describe('local imports', () => {
  it('lists local modules transitively, including imports inside functions, and not third-party ones', () => {
    const e = extract(`
      import torch
      from cog import BasePredictor
      from helpers.io import load
      class Predictor(BasePredictor):
          def setup(self):
              import model
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'helpers/io.py': 'from . import fmt\n', 'helpers/fmt.py': 'X = 1\n', 'model.py': 'import helpers.io\n' } });
    expect(predictorOf(e).localImports).toEqual(['helpers/io.py', 'model.py', 'helpers/fmt.py']);
    expect(e.codes).toEqual([]);
  });

  it('warns CM220 for a syntax error in a local module a name is resolved in', () => {
    const e = extract(`
      from cog import BasePredictor, Input
      from broken import DEFAULT
      class Predictor(BasePredictor):
          def predict(self, n: int = Input(default=DEFAULT)) -> str:
              return ""
    `, { extraFiles: { 'broken.py': 'DEFAULT = 3\ndef f(:\n' } });
    expect(e.codes).toContain('CM220');
    expect(e.findings.find((f) => f.code === 'CM220')).toMatchObject({ file: 'broken.py', line: 2 });
  });

  it('does not parse a local module nothing resolves a name in: its syntax error is for verify --level static', () => {
    const e = extract(`
      from cog import BasePredictor
      import broken
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'broken.py': 'import helpers\ndef f(:\n', 'helpers.py': 'X = 1\n' } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).localImports).toEqual(['broken.py', 'helpers.py']);
  });
});

describe('local imports that cannot be followed', () => {
  it('warns CM220 at the import for a relative import naming nothing in the project', () => {
    const e = extract(`
      from cog import BasePredictor
      from .missing import helper
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `);
    expect(e.findings).toMatchObject([{ code: 'CM220', file: 'predict.py', line: 2, column: 1 }]);
    expect(predictorOf(e).localImports).toEqual([]);
  });

  it('notes (not warns) CM220 for a missing module imported inside a function, which fails only when called (QA P6)', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self) -> str:
              from .embeddings import rotate
              return ""
    `);
    expect(e.findings).toMatchObject([{ code: 'CM220', severity: 'info', file: 'predict.py', line: 4, column: 9 }]);
    expect(e.findings[0]?.hint).toContain('inside a function');
  });

  it('warns CM220 at the import for a local module that is a symlink leaving the project', () => {
    const outside = tempProject({ 'helpers.py': 'X = 1\n' });
    const e = extract(`
      from cog import BasePredictor
      import helpers
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `, { symlinks: { 'helpers.py': join(outside, 'helpers.py') } });
    expect(e.findings).toMatchObject([{ code: 'CM220', file: 'predict.py', line: 2 }]);
    expect(e.findings[0]!.message).toContain('symlink');
    expect(predictorOf(e).localImports).toEqual([]);
  });

  it('warns CM220 at the import for a binary local module', () => {
    const e = extract(`
      from cog import BasePredictor
      import blob
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'blob.py': Buffer.from([0, 1, 2]) } });
    expect(e.findings).toMatchObject([{ code: 'CM220', file: 'predict.py', line: 2 }]);
    expect(predictorOf(e).localImports).toEqual(['blob.py']);
  });
});
