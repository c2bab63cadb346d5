// Typed dict outputs (issue 9): the static generator writes the value type as
// additionalProperties; Cog 0.19 and a bare `dict` give a plain object.
import { describe, expect, it } from 'vitest';
import { toOpenApi, type JsonObject } from '../../src/ir/openapi.js';
import type { IrType } from '../../src/ir/types.js';
import { predictIr, t } from './helpers/ir-builder.js';

const output = (type: IrType, dialect?: 'python-0.19') =>
  ((toOpenApi(predictIr([], type), dialect ? { dialect } : {}).components as JsonObject).schemas as JsonObject).Output;

describe('typed dict outputs', () => {
  it('a bare dict is an object without additionalProperties', () => {
    expect(output(t.dict())).toEqual({ title: 'Output', type: 'object' });
  });
  it('dict[str, str] and dict[str, dict[str, str]] carry their value types', () => {
    expect(output({ kind: 'dict', values: t.str() })).toEqual({ title: 'Output', type: 'object', additionalProperties: { type: 'string' } });
    expect(output({ kind: 'dict', values: { kind: 'dict', values: t.str() } })).toEqual({
      title: 'Output', type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    });
  });
  it('Dict[str, Any] has an object value schema, as Cog writes it', () => {
    expect(output({ kind: 'dict', values: t.any() })).toEqual({ title: 'Output', type: 'object', additionalProperties: { type: 'object' } });
  });
  it('the 0.19 dialect writes a plain object', () => {
    expect(output({ kind: 'dict', values: t.str() }, 'python-0.19')).toEqual({ title: 'Output', type: 'object' });
  });
});
