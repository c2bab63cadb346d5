// Hostile shapes that once overflowed the stack or ran out of memory: each must give findings,
// not an internal error, and quickly.

import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';

function predictorWith(param: string, prelude = ''): string {
  return `from cog import BasePredictor\nfrom typing import List\n${prelude}\nclass Predictor(BasePredictor):\n    def predict(self, ${param}) -> str:\n        return ""\n`;
}

const cases: { what: string; source: string; codes: string[] }[] = [
  { what: 'a 30,000-member union annotation', source: predictorWith(`x: ${Array(30_000).fill('int').join(' | ')}`), codes: ['CM209'] },
  { what: 'a 30,000-long attribute chain', source: predictorWith(`x: a${'.b'.repeat(30_000)}`, 'import a'), codes: ['CM209'] },
  { what: 'a 30,000-term default expression', source: predictorWith(`x: int = ${Array(30_000).fill('1').join(' + ')}`), codes: ['CM204'] },
  { what: 'a list default nested 5,000 deep', source: predictorWith(`x: list = ${'['.repeat(5_000)}${']'.repeat(5_000)}`), codes: ['CM204'] },
  { what: 'a generic nested 3,000 deep', source: predictorWith(`x: ${'List['.repeat(3_000)}int${']'.repeat(3_000)}`), codes: ['CM209'] },
  {
    what: 'a 3,000-class inheritance chain',
    source: `from cog import BasePredictor\n${Array.from({ length: 3_000 }, (_, i) => `class C${i + 1}(${i === 0 ? 'BasePredictor' : `C${i}`}):\n    pass\n`).join('')}class Predictor(C3000):\n    def predict(self) -> str:\n        return ""\n`,
    codes: ['CM207'],
  },
];

describe('hostile predictors', () => {
  it('reads an ordinary predictor with no findings', () => {
    expect(extract(predictorWith('x: int')).codes).toEqual([]);
  });

  for (const c of cases) {
    it(`gives ${c.codes.join(', ')} for ${c.what}, without an internal error`, () => {
      const e = extract(c.source);
      expect(e.codes).toEqual(c.codes);
      expect(e.predictor).toBeDefined();
    });
  }
});
