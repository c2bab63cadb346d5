// The Output (or TrainingOutput) component. Static Cog resolves output types recursively
// (SchemaType in pkg/schema/schema_type.go); Cog 0.19 knows a primitive, a list of one, an
// iterator of one, or a BaseModel whose fields it flattens to their primitive
// (OutputType.json_type in python/cog/_adt.py).

import type { IrType, ObjectField } from '../types.js';
import type { JsonObject } from './json.js';
import type { DialectRules } from './rules.js';
import type { OpenApiNote } from './notes.js';
import { fieldSchema, fieldTypeOf, primitiveOf, primitiveSchema, typeText } from './field-type.js';

type Note = (name: string | undefined, message: string) => void;
type Title = (name: string) => string;

export function buildOutputComponent(type: IrType, title: string, rules: DialectRules, role: 'predict' | 'train', notes: OpenApiNote[]): JsonObject {
  const note: Note = (name, message) => {
    notes.push({ kind: 'unsupported-type', role, ...(name !== undefined ? { name } : {}), message });
  };
  let top = type;
  if (top.kind === 'optional') {
    note(undefined, `output: Cog does not accept an Optional output (${typeText(top)}); written as ${typeText(top.inner)}`);
    top = top.inner;
  }
  const core = rules.recursiveOutputs ? staticSchema(top, note, rules.title) : pythonSchema(top, rules, note);
  return { title, ...core };
}

// ---------------------------------------------------------------------------------------------
// Static (Go) rules

function staticSchema(type: IrType, note: Note, title: Title): JsonObject {
  // Cog's static generator writes a typed dict's value schema; 0.19 wrote a bare object.
  if (type.kind === 'dict' && type.values) return { type: 'object', additionalProperties: staticSchema(nonOptional(type.values, note), note, title) };
  const primitive = primitiveOf(type);
  if (primitive) return primitiveSchema(primitive);
  switch (type.kind) {
    case 'list':
      return { type: 'array', items: staticSchema(nonOptional(type.items, note), note, title) };
    case 'iterator':
    case 'asyncIterator':
      return { type: 'array', items: staticSchema(nonOptional(type.items, note), note, title), 'x-cog-array-type': 'iterator' };
    case 'concatenateIterator':
    case 'asyncConcatenateIterator':
      if (type.items.kind !== 'str') note(undefined, `output: ${typeText(type)} must yield str; written as str`);
      return { type: 'array', items: { type: 'string' }, 'x-cog-array-type': 'iterator', 'x-cog-array-display': 'concatenate' };
    case 'object':
      return staticObject(type.fields, note, title);
    case 'optional':
      note(undefined, `output: ${typeText(type)} is not allowed here; written as ${typeText(type.inner)}`);
      return staticSchema(type.inner, note, title);
    default:
      return { type: 'object' };
  }
}

function nonOptional(type: IrType, note: Note): IrType {
  if (type.kind !== 'optional') return type;
  note(undefined, `output: ${typeText(type)} is not allowed inside a list or iterator; written as ${typeText(type.inner)}`);
  return type.inner;
}

function staticObject(fields: ObjectField[], note: Note, title: Title): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const field of fields) {
    const optional = field.type.kind === 'optional';
    const prop = staticSchema(field.type.kind === 'optional' ? field.type.inner : field.type, note, title);
    prop.title = title(field.name);
    if (optional) prop.nullable = true;
    else if (field.default === undefined) required.push(field.name);
    properties[field.name] = prop;
  }
  const schema: JsonObject = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Cog 0.19 rules

function pythonSchema(type: IrType, rules: DialectRules, note: Note): JsonObject {
  switch (type.kind) {
    case 'any':
      return rules.anyOutputUntyped ? {} : { type: 'object' };
    case 'iterator':
    case 'asyncIterator':
      return { type: 'array', items: pythonElement(type, note), 'x-cog-array-type': 'iterator' };
    case 'concatenateIterator':
    case 'asyncConcatenateIterator':
      if (type.items.kind !== 'str') note(undefined, `output: ${typeText(type)} must yield str; written as str`);
      return { type: 'array', items: { type: 'string' }, 'x-cog-array-type': 'iterator', 'x-cog-array-display': 'concatenate' };
    case 'object': {
      const properties: JsonObject = {};
      for (const field of type.fields) {
        const ft = fieldTypeOf(field.type);
        if (!ft) note(field.name, `output field ${field.name}: Cog 0.19 cannot describe ${typeText(field.type)}; written as a JSON object`);
        // 0.19 keeps only the primitive: a list[float] field reads as a number.
        properties[field.name] = { ...primitiveSchema(ft?.primitive ?? 'any'), title: rules.title(field.name) };
      }
      return { type: 'object', properties, required: type.fields.map((f) => f.name) };
    }
    default: {
      const ft = fieldTypeOf(type);
      if (!ft || ft.repetition === 'optional' || ft.repetition === 'optionalRepeated') {
        note(undefined, `output: Cog 0.19 cannot describe ${typeText(type)}; written as a JSON object`);
        return { type: 'object' };
      }
      return fieldSchema(ft);
    }
  }
}

function pythonElement(type: { items: IrType }, note: Note): JsonObject {
  const ft = fieldTypeOf(type.items);
  if (!ft || ft.repetition !== 'required') {
    note(undefined, `output: iterator element ${typeText(type.items)} must be a single primitive; written as a JSON object`);
    return { type: 'object' };
  }
  return primitiveSchema(ft.primitive);
}
