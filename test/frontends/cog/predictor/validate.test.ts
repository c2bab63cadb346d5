import { describe, expect, it } from 'vitest';
import { primitiveOf } from '../../../../src/frontends/cog/predictor/validate.js';

describe('primitiveOf', () => {
  it('is the type itself for a primitive', () => {
    expect(primitiveOf({ kind: 'str' })).toBe('str');
  });

  it('looks through Optional and List', () => {
    expect(primitiveOf({ kind: 'optional', inner: { kind: 'list', items: { kind: 'int' } } })).toBe('int');
  });
});
