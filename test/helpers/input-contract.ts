// The input contract of an OpenAPI document: for each input of a request schema, what a caller
// relies on (JSON type, items type, default, bounds, lengths, pattern, choices, required), with
// the spellings normalised ($ref/allOf wrappers, Optional's anyOf with null, inline or referenced
// enums), so that Cog's schema and a platform's generated one compare field by field. For tests
// of every target whose platform serves its own OpenAPI.

type Schema = Record<string, unknown>;

export interface InputContract {
  type?: string;
  items?: string;
  nullable: boolean;
  required: boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
}

const CONSTRAINTS = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'enum'] as const;

function resolve(s: Schema, components: Record<string, Schema>, seen = 0): Schema {
  if (seen > 10) return s;
  const ref = s['$ref'];
  if (typeof ref === 'string') {
    const target = components[ref.split('/').at(-1)!] ?? {};
    const { $ref: _, ...rest } = s;
    return resolve({ ...target, ...rest }, components, seen + 1);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = s[key];
    if (!Array.isArray(parts)) continue;
    const { [key]: _, ...rest } = s;
    const resolved = (parts as Schema[]).map((p) => resolve(p, components, seen + 1));
    const nonNull = resolved.filter((p) => p['type'] !== 'null');
    const merged: Schema = Object.assign({}, ...nonNull, rest);
    if (nonNull.length < resolved.length) merged['nullable'] = true;
    return resolve(merged, components, seen + 1);
  }
  return s;
}

/** The request body schema POSTed at `path`, or the named component (Cog's `Input`). */
export function requestSchema(doc: Schema, where: { path: string } | { component: string }): Schema | undefined {
  const components = ((doc['components'] as Schema | undefined)?.['schemas'] ?? {}) as Record<string, Schema>;
  if ('component' in where) return components[where.component];
  const post = ((doc['paths'] as Record<string, Schema> | undefined)?.[where.path]?.['post'] ?? {}) as Schema;
  const body = (((post['requestBody'] as Schema | undefined)?.['content'] as Schema | undefined)?.['application/json'] as Schema | undefined)?.['schema'] as Schema | undefined;
  return body ? resolve(body, components) : undefined;
}

export function inputContracts(doc: Schema, schema: Schema): Record<string, InputContract> {
  const components = ((doc['components'] as Schema | undefined)?.['schemas'] ?? {}) as Record<string, Schema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const out: Record<string, InputContract> = {};
  for (const [name, raw] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) {
    const p = resolve(raw, components);
    const c: InputContract = { nullable: p['nullable'] === true, required: required.has(name) };
    if (typeof p['type'] === 'string') c.type = p['type'];
    if (p['items']) {
      const items = resolve(p['items'] as Schema, components);
      if (typeof items['type'] === 'string') c.items = items['type'];
    }
    // `default: null` and no default say the same for an input that may be omitted: None.
    if ('default' in p && p['default'] !== null) c.default = p['default'];
    for (const k of CONSTRAINTS) if (p[k] !== undefined) (c as unknown as Record<string, unknown>)[k] = p[k];
    out[name] = c;
  }
  return out;
}
