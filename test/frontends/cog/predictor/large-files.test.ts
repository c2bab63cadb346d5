// A 5 MB predict.py must still work, or fail cleanly and fast. Timings are asserted loosely
// (a slow CI machine must not fail them) but the budget is what keeps them bounded.

import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';
import { extractPredictor } from '../../../../src/frontends/cog/predictor/index.js';
import { refOf, tempProject } from './helpers.js';

const HEAD = `from cog import BasePredictor, Input
DEFAULT = 3
class Predictor(BasePredictor):
    def predict(self, x: int = Input(default=DEFAULT, ge=-1)) -> str:
        return "a"
`;

// Speed is measured by `npm run bench`, not asserted here; vitest's per-test timeout is the bound
// that catches a hang or an exponential blow-up.

describe('large predictor files', () => {
  it('reads a small file whole, with no CM225', () => {
    const e = extract(HEAD);
    expect(e.codes).toEqual([]);
  });

  const shapes: Record<string, string> = {
    'an embedded 5 MB string': `${HEAD}DATA = "${'a'.repeat(5_000_000)}"\n`,
    'a 5 MB list literal': `${HEAD}DATA = [${'123456, '.repeat(600_000)}]\n`,
    '900k small statements reassigning a mentioned name': HEAD + 'x = 1\n'.repeat(900_000),
    '130k helper functions': HEAD + 'def f(a, b=2):\n    return a + b * 3\n\n'.repeat(130_000),
    'a 5 MB unrelated class': `${HEAD}class Big:\n${'    def f(self, a, b=2):\n        return a + b * 3\n'.repeat(110_000)}`,
  };
  for (const [what, text] of Object.entries(shapes)) {
    it(`extracts the predictor from a file with ${what}, and says it parsed in part (CM225)`, () => {
      const root = tempProject({ 'predict.py': Buffer.from(text) });
      const r = extractPredictor(root, refOf('predict.py:Predictor'));
      expect(r.findings.map((f) => f.code)).toEqual(['CM225']);
      expect(r.predictor!.inputs[0]).toMatchObject({ name: 'x', default: { kind: 'literal', value: 3 }, ge: -1 });
    });
  }

  it('reads a 5 MB predictor class: predict and setup are kept, other methods skipped', () => {
    const text = `from cog import BasePredictor, Input\nclass Predictor(BasePredictor):\n    def predict(self, x: int = 1) -> str:\n        return "a"\n${'    def f(self, a, b=2):\n        return a + b * 3\n'.repeat(110_000)}    async def setup(self):\n        pass\n`;
    const root = tempProject({ 'predict.py': Buffer.from(text) });
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.predictor).toMatchObject({ inputs: [{ name: 'x' }], setup: { isAsync: true, loc: { line: 220_005 } } });
  });

  it('reads a 6 MB predict() body: the signature is enough', () => {
    const text = `from cog import BasePredictor\nclass Predictor(BasePredictor):\n    def predict(self, x: int = 1) -> str:\n${'        y = x + 1\n'.repeat(350_000)}`;
    const root = tempProject({ 'predict.py': Buffer.from(text) });
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.predictor!.inputs.map((i) => i.name)).toEqual(['x']);
  });

  it('fails cleanly with CM219 when parsing exceeds the time budget', () => {
    const e = extract(`${HEAD}${'def f(a, b=2):\n    return a + b * 3\n\n'.repeat(10_000)}`);
    expect(e.codes).toEqual([]);
    const r = extractPredictor(e.root, refOf('predict.py:Predictor'), { parseBudgetMs: 0.001 });
    expect(r.predictor).toBeUndefined();
    expect(r.findings).toMatchObject([{ code: 'CM219', severity: 'error', file: 'predict.py', line: 1 }]);
  });

  it('keeps a constant defined after a skipped big statement', () => {
    const text = `${HEAD.replace('DEFAULT = 3\n', '')}BLOB = "${'z'.repeat(1_000_000)}"\nDEFAULT = 4\n`;
    const root = tempProject({ 'predict.py': Buffer.from(text) });
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.predictor!.inputs[0]!.default).toEqual({ kind: 'literal', value: 4 });
  });

  it('still reads the predictor when a syntax error sits in a part of a large file it does not need', () => {
    const text = `${HEAD}DATA = [${'1, '.repeat(300_000)}]\ndef broken(:\n    pass\n`;
    const root = tempProject({ 'predict.py': Buffer.from(text) });
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.findings.map((f) => f.code)).toEqual(['CM225']);
    expect(r.predictor!.inputs[0]!.name).toBe('x');
  });

  it('reports a syntax error in the parsed part of a large file with its line and column', () => {
    const text = `${HEAD.replace('def predict(self, x', 'def predict(self x')}DATA = [${'1, '.repeat(300_000)}]\n`;
    const root = tempProject({ 'predict.py': Buffer.from(text) });
    const r = extractPredictor(root, refOf('predict.py:Predictor'));
    expect(r.predictor).toBeUndefined();
    expect(r.findings).toMatchObject([{ code: 'CM202', file: 'predict.py', line: 4 }]);
  });
});
