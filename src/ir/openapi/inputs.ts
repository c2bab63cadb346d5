// The Input (or TrainingInput) component and the enum components of `choices=` inputs.
// Rules: Cog's buildInputSchema (pkg/schema/openapi_spec.go) and to_json_input/to_json_enums
// (python/cog/_schemas.py, 0.19).

import type { Input, LiteralValue, Predictor } from '../types.js';
import type { Json, JsonObject } from './json.js';
import type { DialectRules } from './rules.js';
import type { OpenApiNote } from './notes.js';
import { fieldSchema, fieldTypeOf, isNullable, isRepeated, primitiveSchema, typeText, type FieldType } from './field-type.js';

export interface InputComponents {
  input: JsonObject;
  /** Enum components named after their input, in signature order. */
  enums: [string, JsonObject][];
}

export function buildInputComponent(predictor: Predictor, title: string, rules: DialectRules, notes: OpenApiNote[]): InputComponents {
  const properties: JsonObject = {};
  const required: string[] = [];
  const enums: [string, JsonObject][] = [];

  for (const resolved of predictor.inputs) {
    const input = rules.readsAsStaticCog ? asStaticCogReads(resolved) : resolved;
    const note = (kind: OpenApiNote['kind'], message: string): void => {
      notes.push({ kind, role: predictor.role, name: input.name, message, loc: input.loc });
    };
    let ft = fieldTypeOf(input.type);
    if (!ft) {
      note('unsupported-type', `input ${input.name}: Cog does not accept ${typeText(input.type)} as an input type; written as a JSON object`);
      ft = { primitive: 'any', repetition: 'required' };
    }

    const prop: JsonObject = { 'x-order': input.order };
    const choices = literalChoices(input, note);
    if (choices && choices.length > 0) {
      prop.allOf = [{ $ref: `#/components/schemas/${input.name}` }];
      enums.push([input.name, enumSchema(input.name, choices, ft, rules)]);
    } else {
      prop.title = rules.title(input.name);
      Object.assign(prop, fieldSchema(ft));
    }

    const { hasDefault, value, nullable, required: isRequired } = defaultOf(input, ft, rules, note);
    if (isRequired) required.push(input.name);
    if (hasDefault) prop.default = value;
    if (nullable) prop.nullable = true;
    if (input.description !== undefined) prop.description = input.description;
    if (input.ge !== undefined) prop.minimum = input.ge;
    if (input.le !== undefined) prop.maximum = input.le;
    if (input.minLength !== undefined) prop.minLength = input.minLength;
    if (input.maxLength !== undefined) prop.maxLength = input.maxLength;
    if (input.regex !== undefined) prop.pattern = input.regex;
    if (input.deprecated === true || (input.deprecated === false && rules.deprecatedFalse)) prop.deprecated = input.deprecated;
    properties[input.name] = prop;
  }

  const schema: JsonObject = { title, type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return { input: schema, enums };
}

/** The input as Cog's static generator reads it (see Input.staticCog). */
function asStaticCogReads(input: Input): Input {
  const reads = input.staticCog?.reads;
  const noDefault = input.staticCog?.noDefault === true;
  if (!reads && !noDefault) return input;
  const out: Input = { ...input };
  if (noDefault) out.default = 'required';
  for (const [keyword, value] of Object.entries(reads ?? {})) {
    if (keyword === 'default') {
      out.default = { kind: 'literal', value };
      continue;
    }
    if (keyword === 'choices') {
      // Fewer choices than the model has (possibly none: then no enum at all).
      if (Array.isArray(value) && value.length > 0) out.choices = { kind: 'literal', value };
      else delete out.choices;
      continue;
    }
    const key = keyword === 'min_length' ? 'minLength' : keyword === 'max_length' ? 'maxLength' : (keyword as 'description' | 'ge' | 'le' | 'regex' | 'deprecated');
    if (value === null) delete out[key];
    else (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

function literalChoices(input: Input, note: (kind: 'source-choices', message: string) => void): LiteralValue[] | undefined {
  if (input.choices === undefined) return undefined;
  if (input.choices.kind === 'literal' && Array.isArray(input.choices.value)) return input.choices.value;
  const text = input.choices.kind === 'source' ? input.choices.text : JSON.stringify(input.choices.value);
  note('source-choices', `input ${input.name}: choices ${text} are not a literal list; written without its enum`);
  return undefined;
}

function enumSchema(name: string, choices: LiteralValue[], ft: FieldType, rules: DialectRules): JsonObject {
  // Only the primitive's `type`: 0.19 copied the whole primitive schema, but it rejected Path,
  // File and Secret choices, so for every enum it wrote the two agree.
  return {
    title: name,
    description: 'An enumeration.',
    enum: choices.map((c) => coerce(c, ft.primitive, rules)),
    type: primitiveSchema(ft.primitive).type ?? 'string',
  };
}

interface DefaultResult {
  hasDefault: boolean;
  value: Json;
  nullable: boolean;
  required: boolean;
}

function defaultOf(input: Input, ft: FieldType, rules: DialectRules, note: (kind: 'source-default', message: string) => void): DefaultResult {
  let nullable = isNullable(ft);
  const requirable = ft.repetition === 'required' || ft.repetition === 'repeated';
  const d = input.default;
  if (d === 'required') return { hasDefault: false, value: null, nullable, required: requirable };
  if (d.kind === 'source') {
    // Static Cog reads an Input(default=...) it cannot resolve as no default: required. 0.19 knew
    // the value (it imported the module), so the input was optional with a default we cannot show.
    const required = rules.unresolvedDefaultRequired && input.spelling !== 'plain' && requirable;
    note('source-default', `input ${input.name}: default ${d.text} is not a literal; the schema omits it${required ? ' and, as static Cog does, makes the input required' : ''}`);
    return { hasDefault: false, value: null, nullable, required };
  }
  if (d.value === null) {
    // `x: int = Input(default=None)` means "no default" to Cog; `Optional[x] = None` does not.
    if (rules.secretNoneIsOptional && ft.primitive === 'secret' && ft.repetition === 'required') nullable = true;
    if (rules.nullDefaultOnNullable && nullable) return { hasDefault: true, value: null, nullable, required: false };
    return { hasDefault: false, value: null, nullable, required: requirable };
  }
  const value = isRepeated(ft) && Array.isArray(d.value) ? d.value.map((v) => coerce(v, ft.primitive, rules)) : coerce(d.value, ft.primitive, rules);
  return { hasDefault: true, value, nullable, required: false };
}

/** 0.19 runs each default through the input type (`int("3")`, `bool(1)`); static writes it as is. */
function coerce(value: LiteralValue, primitive: FieldType['primitive'], rules: DialectRules): Json {
  if (!rules.coerceDefaults) return value;
  if ((primitive === 'int' || primitive === 'float') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return primitive === 'int' ? Math.trunc(Number(value)) : Number(value);
  }
  if (primitive === 'bool' && typeof value === 'number') return value !== 0;
  return value;
}
