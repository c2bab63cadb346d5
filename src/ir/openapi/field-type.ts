// Cog's flat view of an input (and of an output field in 0.19): one primitive plus a
// repetition. Both generations reduce `dict`, `Dict[...]` and `Any` to an opaque JSON object.

import type { IrType } from '../types.js';
import type { JsonObject } from './json.js';

export type Primitive = 'bool' | 'float' | 'int' | 'str' | 'path' | 'file' | 'secret' | 'any';
export type Repetition = 'required' | 'optional' | 'repeated' | 'optionalRepeated';

export interface FieldType {
  primitive: Primitive;
  repetition: Repetition;
}

export function primitiveOf(type: IrType): Primitive | undefined {
  switch (type.kind) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
    case 'path':
    case 'file':
    case 'secret':
    case 'any':
      return type.kind;
    case 'dict':
      return 'any';
    default:
      return undefined;
  }
}

/** The field type Cog accepts for an input, or undefined when Cog rejects the annotation. */
export function fieldTypeOf(type: IrType): FieldType | undefined {
  const direct = primitiveOf(type);
  if (direct) return { primitive: direct, repetition: 'required' };
  if (type.kind === 'list') {
    const item = primitiveOf(type.items);
    return item ? { primitive: item, repetition: 'repeated' } : undefined;
  }
  if (type.kind === 'optional') {
    const inner = fieldTypeOf(type.inner);
    if (!inner || inner.repetition === 'optional' || inner.repetition === 'optionalRepeated') return undefined;
    return { primitive: inner.primitive, repetition: inner.repetition === 'repeated' ? 'optionalRepeated' : 'optional' };
  }
  return undefined;
}

export function isNullable(ft: FieldType): boolean {
  return ft.repetition === 'optional' || ft.repetition === 'optionalRepeated';
}

export function isRepeated(ft: FieldType): boolean {
  return ft.repetition === 'repeated' || ft.repetition === 'optionalRepeated';
}

/** The JSON Schema of one primitive, in Cog's key order. */
export function primitiveSchema(p: Primitive): JsonObject {
  switch (p) {
    case 'bool':
      return { type: 'boolean' };
    case 'float':
      return { type: 'number' };
    case 'int':
      return { type: 'integer' };
    case 'str':
      return { type: 'string' };
    case 'path':
    case 'file':
      return { type: 'string', format: 'uri' };
    case 'secret':
      return { type: 'string', format: 'password', writeOnly: true, 'x-cog-secret': true };
    case 'any':
      return { type: 'object' };
  }
}

export function fieldSchema(ft: FieldType): JsonObject {
  return isRepeated(ft) ? { type: 'array', items: primitiveSchema(ft.primitive) } : primitiveSchema(ft.primitive);
}

/** How a type reads in Python, for notes. */
export function typeText(type: IrType): string {
  switch (type.kind) {
    case 'list':
      return `list[${typeText(type.items)}]`;
    case 'optional':
      return `Optional[${typeText(type.inner)}]`;
    case 'iterator':
      return `Iterator[${typeText(type.items)}]`;
    case 'asyncIterator':
      return `AsyncIterator[${typeText(type.items)}]`;
    case 'concatenateIterator':
      return `ConcatenateIterator[${typeText(type.items)}]`;
    case 'asyncConcatenateIterator':
      return `AsyncConcatenateIterator[${typeText(type.items)}]`;
    case 'object':
      return type.name;
    case 'path':
      return 'Path';
    case 'file':
      return 'File';
    case 'secret':
      return 'Secret';
    case 'any':
      return 'Any';
    default:
      return type.kind;
  }
}
