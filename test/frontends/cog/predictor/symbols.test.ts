import { describe, expect, it } from 'vitest';
import { canonical } from '../../../../src/frontends/cog/predictor/symbols.js';

describe('canonical', () => {
  it('leaves an ordinary name alone', () => {
    expect(canonical('numpy.ndarray')).toBe('numpy.ndarray');
  });

  it('folds cog submodules onto cog', () => {
    expect(canonical('cog.types.Path')).toBe('cog.Path');
    expect(canonical('cog.predictor.BasePredictor')).toBe('cog.BasePredictor');
    expect(canonical('cog')).toBe('cog');
  });

  it('folds typing_extensions and collections.abc onto typing, and pydantic models onto pydantic.BaseModel', () => {
    expect(canonical('typing_extensions.Annotated')).toBe('typing.Annotated');
    expect(canonical('collections.abc.Iterator')).toBe('typing.Iterator');
    expect(canonical('pydantic.main.BaseModel')).toBe('pydantic.BaseModel');
  });
});
