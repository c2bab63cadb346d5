import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrixRows, renderConversionMatrix, reverseMatrixRows } from '../../src/docs/conversion-matrix-md.js';
import { codeSpec } from '../../src/findings/codes/index.js';

describe('conversion matrix', () => {
  it('every partial or ✗ cell names a finding code from the catalogue', () => {
    for (const row of matrixRows()) {
      for (const [target, cell] of Object.entries(row.cells)) {
        if (cell.status === 'partial' || cell.status === '✗') {
          expect(cell.code, `${row.concept} on ${target}`).toBeDefined();
        }
        if (cell.code) expect(() => codeSpec(cell.code!)).not.toThrow();
      }
    }
  });

  it('every partial or ✗ reverse row (fal/Modal app -> Cog) names a finding code from the catalogue', () => {
    expect(reverseMatrixRows().length).toBeGreaterThan(10);
    for (const row of reverseMatrixRows()) {
      for (const [platform, cell] of Object.entries({ fal: row.fal, modal: row.modal })) {
        if (cell.status === 'partial' || cell.status === '✗') expect(cell.code, `${row.concept} from ${platform}`).toBeDefined();
        if (cell.code) expect(() => codeSpec(cell.code!)).not.toThrow();
      }
    }
  });

  it('docs/conversion-matrix.md is up to date (regenerate with `npm run docs`)', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../docs/conversion-matrix.md'), 'utf8')).toBe(renderConversionMatrix());
  });
});
