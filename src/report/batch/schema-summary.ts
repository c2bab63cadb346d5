// The input and output of a model as the report page lists them, read from its OpenAPI document
// (choices behind `allOf: [$ref]`, constraints, defaults), so the page needs no schema logic.
import type { Json, JsonObject } from '../../ir/openapi.js';

export interface InputSummary {
  name: string;
  type: string;
  required: boolean;
  default?: string;
  constraints: string;
  description?: string;
}

export interface SchemaSummary {
  inputs: InputSummary[];
  output: string;
}

export function summarizeSchema(doc: JsonObject | undefined): SchemaSummary | undefined {
  const schemas = obj(obj(doc?.components)?.schemas);
  const input = obj(schemas?.Input);
  if (!schemas || !input) return undefined;
  const props = obj(input.properties) ?? {};
  const required = Array.isArray(input.required) ? input.required : [];
  const inputs = Object.entries(props)
    .map(([name, spec]) => ({ name, spec: obj(spec) ?? {} }))
    .sort((a, b) => num(a.spec['x-order']) - num(b.spec['x-order']))
    .map(({ name, spec }) => {
      const choice = Array.isArray(spec.allOf) ? deref(spec.allOf[0], schemas) : undefined;
      const c: string[] = [];
      if (choice && Array.isArray(choice.enum)) c.push(`one of ${choice.enum.map((v) => JSON.stringify(v)).join(', ')}`);
      for (const [k, label] of [['minimum', '>='], ['maximum', '<='], ['minLength', 'min length'], ['maxLength', 'max length'], ['pattern', 'matches']] as const) {
        if (spec[k] !== undefined) c.push(`${label} ${typeof spec[k] === 'string' ? spec[k] : JSON.stringify(spec[k])}`);
      }
      return {
        name,
        type: typeName(choice ?? spec, schemas),
        required: required.includes(name),
        ...('default' in spec ? { default: JSON.stringify(spec.default) } : {}),
        constraints: c.join('; '),
        ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      };
    });
  return { inputs, output: typeName(obj(schemas.Output) ?? {}, schemas) };
}

function typeName(s: JsonObject, schemas: JsonObject, depth = 0): string {
  if (depth > 6) return '...';
  const t = deref(s, schemas) ?? {};
  const base = typeof t.type === 'string' ? t.type : Array.isArray(t.anyOf) ? t.anyOf.map((x) => typeName(obj(x) ?? {}, schemas, depth + 1)).join(' | ') : 'any';
  const format = typeof t.format === 'string' ? ` (${t.format})` : '';
  if (t.type === 'array' && obj(t.items)) {
    const iter = t['x-cog-array-type'] === 'iterator' ? 'iterator' : 'array';
    return `${iter} of ${typeName(obj(t.items)!, schemas, depth + 1)}`;
  }
  if (t.type === 'object' && obj(t.properties)) return `object {${Object.keys(obj(t.properties)!).join(', ')}}`;
  return base + format;
}

function deref(v: Json | undefined, schemas: JsonObject): JsonObject | undefined {
  let cur = obj(v);
  for (let i = 0; i < 8 && cur && typeof cur.$ref === 'string'; i++) cur = obj(schemas[cur.$ref.replace('#/components/schemas/', '')]);
  return cur;
}

function obj(v: Json | undefined): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}

function num(v: Json | undefined): number {
  return typeof v === 'number' ? v : 1e9;
}
