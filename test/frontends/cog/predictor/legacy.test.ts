// The pre-1.0 API: cog.Predictor with @cog.input decorators.

import { describe, expect, it } from 'vitest';
import { extract, predictorOf } from './helpers.js';

describe('legacy @cog.input predictors', () => {
  it('reads a legacy predictor with one decorator', () => {
    const e = extract(`
      import cog
      from pathlib import Path

      class Predictor(cog.Predictor):
          def setup(self):
              pass

          @cog.input("image", type=Path, help="Input image")
          def predict(self, image):
              return image
    `);
    expect(e.codes).toEqual([]);
    const p = predictorOf(e);
    expect(p.kind).toBe('legacy');
    expect(p.output).toEqual({ kind: 'any' });
    expect(p.inputs).toEqual([{
      name: 'image', type: { kind: 'path' }, default: 'required', description: 'Input image', order: 0,
      spelling: 'decorator', loc: { file: 'predict.py', line: 8, column: 16 },
    }]);
  });

  it('maps help to description, min/max to ge/le and options to choices', () => {
    const e = extract(`
      import cog
      class Predictor(cog.Predictor):
          @cog.input("scale", type=float, default=1.5, min=0, max=10, help="Scale")
          @cog.input("mode", type=str, default="fast", options=["fast", "slow"])
          def predict(self, scale, mode):
              return scale
    `);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).inputs).toMatchObject([
      { name: 'scale', type: { kind: 'float' }, default: { kind: 'literal', value: 1.5 }, ge: 0, le: 10, description: 'Scale', order: 0 },
      { name: 'mode', choices: { kind: 'literal', value: ['fast', 'slow'] }, order: 1 },
    ]);
  });

  it('orders inputs by predict() signature, not by decorator order', () => {
    const e = extract(`
      import cog
      class Predictor(cog.Predictor):
          @cog.input("b", type=int, default=1)
          @cog.input("a", type=int, default=2)
          @cog.input("stray", type=int, default=3)
          def predict(self, a, b):
              return a
    `);
    expect(e.codes).toEqual(['CM224']);
    expect(predictorOf(e).inputs.map((i) => [i.name, i.order])).toEqual([['a', 0], ['b', 1], ['stray', 2]]);
  });

  it('reads decorators written as `from cog import input`', () => {
    const e = extract(`
      from cog import Predictor as P, input
      class Predictor(P):
          @input("n", type=int, default=1)
          def predict(self, n):
              return n
    `);
    expect(predictorOf(e)).toMatchObject({ kind: 'legacy', inputs: [{ name: 'n', type: { kind: 'int' } }] });
  });

  it('keeps non-literal options as source text and warns CM205', () => {
    const e = extract(`
      import cog
      class Predictor(cog.Predictor):
          @cog.input("m", type=str, default="a", options=load())
          def predict(self, m):
              return m
    `);
    expect(e.codes).toEqual(['CM205']);
    expect(predictorOf(e).inputs[0]!.choices).toEqual({ kind: 'source', text: 'load()' });
  });

  it('reports a Path with a default as error CM221, as the old SDK refused it', () => {
    const e = extract(`
      import cog
      from pathlib import Path
      class Predictor(cog.Predictor):
          @cog.input("image", type=Path, default="x.png")
          def predict(self, image):
              return image
    `);
    expect(e.codes).toEqual(['CM221']);
  });

  it('warns CM224 when a decorator names no parameter', () => {
    const e = extract(`
      import cog
      class Predictor(cog.Predictor):
          @cog.input("other", type=str)
          def predict(self, m):
              return m
    `);
    expect(e.codes).toEqual(['CM224']);
  });

  it('reports an unknown decorator keyword as error CM212', () => {
    const e = extract(`
      import cog
      class Predictor(cog.Predictor):
          @cog.input("m", type=str, description="new style")
          def predict(self, m):
              return m
    `);
    expect(e.codes).toEqual(['CM212']);
  });

  it('reads the 2021 pre-release cog.Model with run() as legacy', () => {
    const e = extract(`
      import cog
      from pathlib import Path
      class Model(cog.Model):
          def setup(self):
              self.foo = "foo"
          @cog.input("text", type=str, help="Text")
          @cog.input("path", type=Path, help="A file")
          def run(self, text, path):
              return text
    `, { ref: 'infer.py:Model', key: 'model' });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e)).toMatchObject({ kind: 'legacy', method: 'run', inputs: [{ name: 'text' }, { name: 'path' }] });
  });
});
