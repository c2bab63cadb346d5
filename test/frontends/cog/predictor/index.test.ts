// extractPredictor end to end: reference forms and bad input. Bad input never throws.

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPredictor } from '../../../../src/frontends/cog/predictor/index.js';
import { extract, predictorOf, refOf, tempProject } from './helpers.js';

const MINIMAL = `
  from cog import BasePredictor

  class Predictor(BasePredictor):
      def predict(self) -> str:
          return "hi"
`;

describe('extractPredictor: reference forms', () => {
  it('reads a minimal predictor with no inputs and no findings', () => {
    const e = extract(MINIMAL);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e)).toMatchObject({
      role: 'predict', ref: 'predict.py:Predictor', file: 'predict.py', name: 'Predictor', kind: 'class',
      method: 'predict', isAsync: false, inputs: [], output: { kind: 'str' }, localImports: [], runtimeApis: [],
      loc: { file: 'predict.py', line: 3, column: 7 },
    });
    expect(predictorOf(e).setup).toBeUndefined();
  });

  it('reads a predictor in a subfolder with a hyphenated file name', () => {
    const e = extract(MINIMAL, { ref: 'sub/dir/my-model.py:Predictor' });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e)).toMatchObject({ file: 'sub/dir/my-model.py', loc: { file: 'sub/dir/my-model.py' } });
  });

  it('accepts a leading ./ in the reference', () => {
    const e = extract(MINIMAL, { ref: './predict.py:Predictor' });
    expect(predictorOf(e).file).toBe('predict.py');
  });

  it('takes the class named in the reference from a file with many classes', () => {
    const e = extract(`
      from cog import BasePredictor
      class Helper:
          pass
      class Fast(BasePredictor):
          def predict(self, a: int) -> int:
              return a
      class Slow(BasePredictor):
          def predict(self, b: str) -> str:
              return b
    `, { ref: 'predict.py:Slow' });
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['b']);
    expect(predictorOf(e).name).toBe('Slow');
  });

  it('reads a function predictor: every parameter is an input and there is no method', () => {
    const e = extract(`
      from cog import Input, Path
      def predict(image: Path, scale: float = Input(default=1.5, ge=0)) -> Path:
          return image
    `, { ref: 'predict.py:predict' });
    const p = predictorOf(e);
    expect(p.kind).toBe('function');
    expect(p.method).toBeUndefined();
    expect(p.inputs.map((i) => [i.name, i.type.kind, i.order])).toEqual([['image', 'path', 0], ['scale', 'float', 1]]);
  });

  it('reads an async function predictor', () => {
    const e = extract(`
      async def predict(prompt: str) -> str:
          return prompt
    `, { ref: 'predict.py:predict' });
    expect(predictorOf(e)).toMatchObject({ kind: 'function', isAsync: true });
  });

  it('reads a BaseRunner class with run() as kind runner', () => {
    const e = extract(`
      from cog import BaseRunner, Input
      class Runner(BaseRunner):
          def setup(self) -> None:
              pass
          def run(self, prompt: str = Input(description="p")) -> str:
              return prompt
    `, { ref: 'run.py:Runner', key: 'run' });
    expect(predictorOf(e)).toMatchObject({ kind: 'runner', method: 'run', inputs: [{ name: 'prompt', description: 'p' }] });
  });

  it('reads a top-level run.py:run function', () => {
    const e = extract(`
      def run(text: str) -> str:
          return text
    `, { ref: 'run.py:run', key: 'run' });
    expect(predictorOf(e)).toMatchObject({ kind: 'function', name: 'run', inputs: [{ name: 'text' }] });
  });

  it('reads train references with method train', () => {
    const e = extract(`
      from cog import BasePredictor, Input, Path
      class Trainer(BasePredictor):
          def train(self, data: Path = Input(description="zip"), epochs: int = 3) -> Path:
              return data
    `, { ref: 'train.py:Trainer', role: 'train', key: 'train' });
    expect(predictorOf(e)).toMatchObject({ role: 'train', method: 'train', kind: 'class' });
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['data', 'epochs']);
  });

  it('reads a train function', () => {
    const e = extract(`
      from cog import Path
      def train(steps: int = 10) -> Path:
          ...
    `, { ref: 'train.py:train', role: 'train', key: 'train' });
    expect(predictorOf(e)).toMatchObject({ role: 'train', kind: 'function' });
  });

  it('reads async predict and async setup', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          async def setup(self) -> None:
              pass
          async def predict(self, x: int) -> int:
              return x
    `);
    expect(predictorOf(e)).toMatchObject({ isAsync: true, setup: { isAsync: true } });
  });

  it('follows a predictor class re-exported from a local module', () => {
    const e = extract(`
      from impl.model import Predictor
    `, { extraFiles: { 'impl/model.py': MINIMAL } });
    const p = predictorOf(e);
    expect(p.file).toBe('predict.py');
    expect(p.loc.file).toBe('impl/model.py');
    expect(p.localImports).toEqual(['impl/model.py']);
  });
});

describe('extractPredictor: bad input gives findings, never throws', () => {
  it('reports a missing predictor file as CM201 at the cog.yaml reference', () => {
    const e = extract(undefined, { ref: 'nope.py:Predictor' });
    expect(e.predictor).toBeUndefined();
    expect(e.findings).toMatchObject([{ code: 'CM201', severity: 'error', file: 'cog.yaml', line: 1, column: 1 }]);
    expect(e.findings[0]!.message).toContain('does not exist');
  });

  it('refuses a path that climbs out of the project (CM201)', () => {
    const e = extract(undefined, { ref: '../x.py:Predictor' });
    expect(e.codes).toEqual(['CM201']);
    expect(e.findings[0]!.message).toContain('outside');
  });

  it('refuses an absolute path (CM201)', () => {
    const e = extract(undefined, { ref: '/etc/passwd.py:Predictor' });
    expect(e.codes).toEqual(['CM201']);
  });

  it('refuses a symlink that leaves the project (CM201)', () => {
    const outside = tempProject({ 'predict.py': MINIMAL });
    const e = extract(undefined, { ref: 'predict.py:Predictor', symlinks: { 'predict.py': join(outside, 'predict.py') } });
    expect(e.codes).toEqual(['CM201']);
    expect(e.findings[0]!.message).toContain('symlink');
  });

  it('follows a symlink that stays inside the project', () => {
    const e = extract(undefined, { ref: 'predict.py:Predictor', extraFiles: { 'real/predict.py': MINIMAL }, symlinks: { 'predict.py': 'real/predict.py' } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).name).toBe('Predictor');
  });

  it('reports a binary predict.py as CM201', () => {
    const e = extract(undefined, { extraFiles: { 'predict.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]) } });
    expect(e.codes).toEqual(['CM201']);
    expect(e.findings[0]!.message).toContain('binary');
  });

  it('reports a non-UTF-8 predict.py as CM201', () => {
    const e = extract(undefined, { extraFiles: { 'predict.py': Buffer.from('x = "caf\xe9"\n', 'latin1') } });
    expect(e.codes).toEqual(['CM201']);
    expect(e.findings[0]!.message).toContain('UTF-8');
  });

  it('reports a directory named like the predictor as CM201', () => {
    const e = extract(undefined, { extraFiles: { 'predict.py/x.txt': 'x' } });
    expect(e.codes).toEqual(['CM201']);
  });

  it('reports a Python syntax error as CM202 with the line and column of the first error', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self, x: int -> int:
              return x
    `);
    expect(e.predictor).toBeUndefined();
    expect(e.findings).toMatchObject([{ code: 'CM202', severity: 'error', file: 'predict.py', line: 3 }]);
    expect(e.findings[0]!.column).toBeGreaterThan(0);
  });

  it('reports a missing class as CM203', () => {
    const e = extract(MINIMAL, { ref: 'predict.py:Missing' });
    expect(e.codes).toEqual(['CM203']);
    expect(e.findings[0]!.message).toContain('Missing');
  });

  it('reports a reference without a colon as CM206', () => {
    const e = extract(MINIMAL, { ref: 'predict.py' });
    expect(e.codes).toEqual(['CM206']);
  });

  it('reports a reference whose name is not a Python name as CM206', () => {
    const e = extract(MINIMAL, { ref: 'predict.py:my-class' });
    expect(e.codes).toEqual(['CM206']);
  });

  it('reports a class without predict() as CM208', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def setup(self):
              pass
    `);
    expect(e.predictor).toBeUndefined();
    expect(e.codes).toEqual(['CM208']);
  });

  it('reports a project root that does not exist instead of throwing', () => {
    const r = extractPredictor('/nonexistent/cog-migrate/root', refOf('predict.py:Predictor'));
    expect(r.predictor).toBeUndefined();
    expect(r.findings.map((f) => f.code)).toEqual(['CM201']);
  });

  it('reads an empty predict.py as a missing class', () => {
    const e = extract('');
    expect(e.codes).toEqual(['CM203']);
  });

  it('reads a file with a UTF-8 BOM and CRLF line endings', () => {
    const root = tempProject({});
    writeFileSync(join(root, 'predict.py'), '\ufefffrom cog import BasePredictor\r\nclass Predictor(BasePredictor):\r\n    def predict(self, s: str = "a\\\r\nb") -> str:\r\n        return s\r\n');
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.findings).toEqual([]);
    expect(r.predictor!.inputs[0]!.default).toEqual({ kind: 'literal', value: 'ab' });
  });
});

describe('extractPredictor: source encodings', () => {
  it('decodes a Latin-1 predict.py that declares its encoding (PEP 263)', () => {
    const e = extract(undefined, { extraFiles: { 'predict.py': Buffer.from('# -*- coding: latin-1 -*-\nfrom cog import BasePredictor, Input\nclass Predictor(BasePredictor):\n    def predict(self, s: str = Input(default="caf\xe9", description="\xe0 r\xe9sumer")) -> str:\n        return s\n', 'latin1') } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).inputs[0]).toMatchObject({ default: { kind: 'literal', value: 'café' }, description: 'à résumer' });
  });
});
