// Predictor classes: BasePredictor directly, through a base class in the same file, or through
// one in a local module; inherited methods; setup signatures.

import { describe, expect, it } from 'vitest';
import { extract, predictorOf } from './helpers.js';

const BASE = `
  from cog import BasePredictor, Input

  class Base(BasePredictor):
      def setup(self):
          self.ready = True
      def predict(self, prompt: str = Input(description="from base")) -> str:
          return prompt
`;

describe('predictor classes', () => {
  it('reads a subclass of BasePredictor with no findings', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).kind).toBe('class');
  });

  it('follows a base class in the same file and its inherited predict()', () => {
    const e = extract(`${BASE.replace(/^\n/, '')}
  class Predictor(Base):
      pass
`);
    expect(e.codes).toEqual([]);
    const p = predictorOf(e);
    expect(p.kind).toBe('class');
    expect(p.inputs[0]).toMatchObject({ name: 'prompt', description: 'from base' });
    expect(p.setup).toBeDefined();
  });

  it('follows `from .base import Base` into a local module', () => {
    const e = extract(`
      from .base import Base
      class Predictor(Base):
          def predict(self, n: int = 2) -> int:
              return n
    `, { extraFiles: { 'base.py': BASE } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e)).toMatchObject({ kind: 'class', inputs: [{ name: 'n' }], localImports: ['base.py'] });
  });

  it('follows `from base import Base` from a predictor in a subfolder', () => {
    const e = extract(`
      from base import Base
      class Predictor(Base):
          pass
    `, { ref: 'models/sd/predict.py:Predictor', extraFiles: { 'base.py': BASE } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).localImports).toEqual(['base.py']);
  });

  it('follows `import utils.base` and `utils.base.Base`', () => {
    const e = extract(`
      import utils.base
      class Predictor(utils.base.Base):
          pass
    `, { extraFiles: { 'utils/base.py': BASE } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['prompt']);
    expect(predictorOf(e).localImports).toEqual(['utils/base.py']);
  });

  it('follows a package __init__ that re-exports the base', () => {
    const e = extract(`
      from lib import Base
      class Predictor(Base):
          pass
    `, { extraFiles: { 'lib/__init__.py': 'from .core import Base\n', 'lib/core.py': BASE } });
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).localImports).toEqual(['lib/__init__.py', 'lib/core.py']);
  });

  it('warns CM207 when the base class comes from a third-party package', () => {
    const e = extract(`
      from somelib import Thing
      class Predictor(Thing):
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual(['CM207']);
    expect(predictorOf(e).kind).toBe('class');
  });

  it('reads a try/except fallback for BasePredictor as cog\'s', () => {
    const e = extract(`
      try:
          from cog import BasePredictor, Path
      except ImportError:
          BasePredictor = object
          class Path:
              pass
      class Predictor(BasePredictor):
          def predict(self, p: Path) -> Path:
              return p
    `);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e)).toMatchObject({ kind: 'class', inputs: [{ type: { kind: 'path' } }], output: { kind: 'path' } });
  });

  it('reads a predict() wrapped in a decorator', () => {
    const e = extract(`
      import torch
      from cog import BasePredictor
      class Predictor(BasePredictor):
          @torch.inference_mode()
          def predict(self, n: int) -> int:
              return n
    `);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['n']);
  });

  it('warns CM207 when the class has no base at all', () => {
    const e = extract(`
      class Predictor:
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual(['CM207']);
  });

  it('does not loop on a cyclic class hierarchy across modules', () => {
    const e = extract(`
      from a import A
      class Predictor(A):
          def predict(self) -> str:
              return ""
    `, { extraFiles: { 'a.py': 'from b import B\nclass A(B):\n    pass\n', 'b.py': 'from a import A\nclass B(A):\n    pass\n' } });
    expect(predictorOf(e).localImports).toEqual(['a.py', 'b.py']);
  });
});

describe('setup()', () => {
  it('reads setup(self, weights: Path = None) as the weights parameter', () => {
    const e = extract(`
      from cog import BasePredictor, Path
      from typing import Optional
      class Predictor(BasePredictor):
          def setup(self, weights: Optional[Path] = None) -> None:
              pass
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).setup).toEqual({
      isAsync: false,
      loc: { file: 'predict.py', line: 4, column: 9 },
      weightsParameter: { name: 'weights', type: { kind: 'optional', inner: { kind: 'path' } }, loc: { file: 'predict.py', line: 4, column: 21 } },
    });
  });

  it('reads setup(self, weights=None) without annotation as Any', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def setup(self, weights=None):
              pass
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).setup!.weightsParameter).toMatchObject({ name: 'weights', type: { kind: 'any' } });
  });

  it('reports a setup() parameter Cog cannot pass as error CM218', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def setup(self, model_name, device="cuda"):
              pass
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual(['CM218']);
  });
});

describe('method signatures Cog refuses', () => {
  it('reports a predict() without self as error CM216', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          @staticmethod
          def predict(x: int) -> int:
              return x
    `);
    expect(e.codes).toEqual(['CM216']);
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['x']);
  });

  it('reports a setup() that returns something as error CM218', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def setup(self) -> bool:
              return True
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual(['CM218']);
  });

  it('accepts setup() -> None', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def setup(self) -> None:
              pass
          def predict(self) -> str:
              return ""
    `);
    expect(e.codes).toEqual([]);
  });
});
