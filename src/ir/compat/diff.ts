// Compares two OpenAPI documents of a Cog model and lists every change with whether it breaks
// existing callers. The rules follow cog-safe-push (check_backwards_compatible in
// replicate/cog-safe-push's cog_safe_push/schema.py): a removed input, a changed type or format,
// a removed choice, an added or raised minimum, an added or lowered maximum, a new required input
// and a changed output type break; defaults may change. cog-migrate adds what that check does not
// look at but a caller trips over the same way: string length limits and patterns, an input that
// loses its default, changed item types of list outputs, removed fields of object outputs (new
// fields are listed as compatible).

import type { Json, JsonObject } from '../openapi.js';
import type { ChangeKind, SchemaChange } from './types.js';
import { pushAll } from '../../util/push-all.js';

export type { SchemaChange, ChangeKind } from './types.js';

const MODES = [
  { mode: 'predict', input: 'Input', output: 'Output' },
  { mode: 'train', input: 'TrainingInput', output: 'TrainingOutput' },
] as const;

const BREAKING: ReadonlySet<ChangeKind> = new Set<ChangeKind>([
  'input-removed', 'input-type-changed', 'input-format-changed', 'input-choices-removed', 'input-minimum-added',
  'input-minimum-raised', 'input-maximum-added', 'input-maximum-lowered', 'input-length-narrowed', 'input-pattern-changed',
  'input-added-required', 'input-became-required', 'output-removed', 'output-type-changed', 'mode-removed',
]);

type Mode = (typeof MODES)[number]['mode'];

export function isBreaking(kind: ChangeKind): boolean {
  return BREAKING.has(kind);
}

/** Every change from `before` to `after`, breaking ones first, then in schema order. */
export function diffSchemas(before: JsonObject, after: JsonObject): SchemaChange[] {
  const a = componentsOf(before);
  const b = componentsOf(after);
  const out: SchemaChange[] = [];
  for (const m of MODES) {
    const had = isObject(a[m.input]);
    const has = isObject(b[m.input]);
    if (had && !has) out.push(change('mode-removed', m.mode, `${m.mode === 'train' ? 'training' : 'prediction'} is no longer served`));
    else if (!had && has) out.push(change('mode-added', m.mode, `${m.mode === 'train' ? 'training' : 'prediction'} is now served`));
    if (!had || !has) continue;
    pushAll(out, diffInputs(m.mode, a[m.input] as JsonObject, b[m.input] as JsonObject, a, b));
    pushAll(out, diffOutput(m.mode, a[m.output], b[m.output], a, b));
  }
  return [...out.filter((c) => c.breaking), ...out.filter((c) => !c.breaking)];
}

function change(kind: ChangeKind, mode: Mode, message: string, extra: Partial<SchemaChange> = {}): SchemaChange {
  return { kind, breaking: isBreaking(kind), mode, message, ...extra };
}

interface InputView {
  type?: string;
  format?: string;
  items?: string;
  choices?: Json[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  hasDefault: boolean;
  default?: Json;
  required: boolean;
  description?: string;
  deprecated: boolean;
}

function diffInputs(mode: Mode, before: JsonObject, after: JsonObject, ca: JsonObject, cb: JsonObject): SchemaChange[] {
  const pa = propertiesOf(before);
  const pb = propertiesOf(after);
  const out: SchemaChange[] = [];
  for (const [name, spec] of Object.entries(pa)) {
    const old = viewInput(name, spec, before, ca);
    if (!(name in pb)) {
      out.push(change('input-removed', mode, `input ${name} was removed`, { input: name }));
      continue;
    }
    pushAll(out, compareInput(mode, name, old, viewInput(name, pb[name]!, after, cb)));
  }
  for (const [name, spec] of Object.entries(pb)) {
    if (name in pa) continue;
    const v = viewInput(name, spec, after, cb);
    out.push(v.required
      ? change('input-added-required', mode, `input ${name} is new and required`, { input: name })
      : change('input-added-optional', mode, `input ${name} is new (optional${v.hasDefault ? `, default ${show(v.default)}` : ''})`, { input: name }));
  }
  return out;
}

function compareInput(mode: Mode, name: string, a: InputView, b: InputView): SchemaChange[] {
  const out: SchemaChange[] = [];
  const add = (kind: ChangeKind, what: string, before?: unknown, after?: unknown) =>
    out.push(change(kind, mode, `input ${name}: ${what}`, { input: name, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }));

  const typeA = a.choices ? `choice of ${a.type ?? 'any'}` : describeType(a);
  const typeB = b.choices ? `choice of ${b.type ?? 'any'}` : describeType(b);
  if (a.type !== b.type || a.items !== b.items) {
    add('input-type-changed', `type changed from ${describeType(a)} to ${describeType(b)}`, a.type, b.type);
    return out;
  }
  if (!a.choices && b.choices) add('input-type-changed', `now limited to the choices ${show(b.choices)}`, typeA, typeB);
  else if (a.choices && !b.choices) add('input-range-widened', `no longer limited to choices`, a.choices, undefined);
  else if (a.choices && b.choices) {
    const removed = a.choices.filter((c) => !b.choices!.some((d) => same(c, d)));
    const added = b.choices.filter((c) => !a.choices!.some((d) => same(c, d)));
    if (removed.length > 0) add('input-choices-removed', `choices removed: ${removed.map(show).join(', ')}`, a.choices, b.choices);
    if (added.length > 0) add('input-choices-added', `choices added: ${added.map(show).join(', ')}`, a.choices, b.choices);
  }
  if ((a.format ?? '') !== (b.format ?? '')) add('input-format-changed', `format changed from ${a.format ?? 'none'} to ${b.format ?? 'none'}`, a.format, b.format);
  bound(add, 'minimum', a.minimum, b.minimum, 'input-minimum-added', 'input-minimum-raised', (x, y) => y > x);
  bound(add, 'maximum', a.maximum, b.maximum, 'input-maximum-added', 'input-maximum-lowered', (x, y) => y < x);
  bound(add, 'min_length', a.minLength, b.minLength, 'input-length-narrowed', 'input-length-narrowed', (x, y) => y > x);
  bound(add, 'max_length', a.maxLength, b.maxLength, 'input-length-narrowed', 'input-length-narrowed', (x, y) => y < x);
  if (a.pattern !== b.pattern) {
    if (b.pattern !== undefined) add('input-pattern-changed', a.pattern === undefined ? `now must match ${show(b.pattern)}` : `pattern changed from ${show(a.pattern)} to ${show(b.pattern)}`, a.pattern, b.pattern);
    else add('input-range-widened', `pattern ${show(a.pattern)} removed`, a.pattern, undefined);
  }
  if (!a.required && b.required) add('input-became-required', `is now required (${a.hasDefault ? `it had default ${show(a.default)}` : 'it was optional'})`, a.default, undefined);
  else if (a.required && !b.required) add('input-became-optional', `is now optional${b.hasDefault ? ` (default ${show(b.default)})` : ''}`, undefined, b.default);
  else if (a.hasDefault && b.hasDefault && !same(a.default!, b.default!)) add('input-default-changed', `default changed from ${show(a.default)} to ${show(b.default)}`, a.default, b.default);
  if ((a.description ?? '') !== (b.description ?? '')) add('input-description-changed', 'description changed', a.description, b.description);
  if (!a.deprecated && b.deprecated) add('input-deprecated', 'is now deprecated');
  return out;
}

/** A lower (or upper) bound: added or tightened breaks, removed or loosened is compatible. */
function bound(
  add: (kind: ChangeKind, what: string, before?: unknown, after?: unknown) => void,
  name: string, a: number | undefined, b: number | undefined,
  added: ChangeKind, tightened: ChangeKind, tighter: (a: number, b: number) => boolean,
): void {
  if (a === b) return;
  if (a === undefined && b !== undefined) add(added, `${name} ${b} added`, undefined, b);
  else if (a !== undefined && b === undefined) add('input-range-widened', `${name} ${a} removed`, a, undefined);
  else if (a !== undefined && b !== undefined) {
    if (tighter(a, b)) add(tightened, `${name} ${name.startsWith('min') ? 'raised' : 'lowered'} from ${a} to ${b}`, a, b);
    else add('input-range-widened', `${name} ${name.startsWith('min') ? 'lowered' : 'raised'} from ${a} to ${b}`, a, b);
  }
}

function diffOutput(mode: Mode, a: Json | undefined, b: Json | undefined, ca: JsonObject, cb: JsonObject): SchemaChange[] {
  if (a === undefined) return [];
  if (b === undefined) return [change('output-removed', mode, 'the output is no longer declared')];
  const out: SchemaChange[] = [];
  compareOutput(mode, 'output', deref(a, ca), deref(b, cb), ca, cb, out, 0);
  const da = isObject(a) ? a.description : undefined;
  const db = isObject(b) ? b.description : undefined;
  if (out.length === 0 && da !== db) out.push(change('output-description-changed', mode, 'output description changed', { before: da, after: db }));
  return out;
}

function compareOutput(mode: Mode, path: string, a: Json, b: Json, ca: JsonObject, cb: JsonObject, out: SchemaChange[], depth: number): void {
  if (depth > 16 || !isObject(a) || !isObject(b)) return;
  const ta = outputType(a);
  const tb = outputType(b);
  if (ta !== tb) {
    out.push(change('output-type-changed', mode, `${path}: type changed from ${ta} to ${tb}`, { before: ta, after: tb }));
    return;
  }
  if (a.items !== undefined && b.items !== undefined) compareOutput(mode, `${path} items`, deref(a.items, ca), deref(b.items, cb), ca, cb, out, depth + 1);
  const fa = isObject(a.properties) ? a.properties : undefined;
  const fb = isObject(b.properties) ? b.properties : undefined;
  if (fa && fb) {
    for (const [k, v] of Object.entries(fa)) {
      if (!(k in fb)) out.push(change('output-type-changed', mode, `${path} field ${k} was removed`));
      else compareOutput(mode, `${path} field ${k}`, deref(v, ca), deref(fb[k]!, cb), ca, cb, out, depth + 1);
    }
    // A caller that reads the fields it knows is not affected by new ones; a reviewer still sees them.
    for (const k of Object.keys(fb)) if (!(k in fa)) out.push(change('output-field-added', mode, `${path} field ${k} is new`));
  }
}

function outputType(s: JsonObject): string {
  const t = typeof s.type === 'string' ? s.type : 'any';
  return typeof s.format === 'string' ? `${t} (${s.format})` : t;
}

function viewInput(name: string, spec: Json, component: JsonObject, components: JsonObject): InputView {
  const s = isObject(spec) ? spec : {};
  const choiceRef = Array.isArray(s.allOf) && s.allOf.length > 0 ? deref(s.allOf[0]!, components) : undefined;
  const base = isObject(choiceRef) ? choiceRef : s;
  const items = isObject(base.items) ? deref(base.items, components) : undefined;
  // JSON Schema: no `required` list means nothing is required (pydantic, so the cog 0.19 SDK, leaves
  // the list out when it is empty; an Optional input there has no default either).
  const required = Array.isArray(component.required) && component.required.includes(name);
  const num = (v: Json | undefined) => (typeof v === 'number' ? v : undefined);
  return {
    ...(typeof base.type === 'string' ? { type: base.type } : {}),
    ...(typeof s.format === 'string' ? { format: s.format } : typeof base.format === 'string' ? { format: base.format } : {}),
    ...(isObject(items) ? { items: `${typeof items.type === 'string' ? items.type : 'any'}${typeof items.format === 'string' ? ` (${items.format})` : ''}` } : {}),
    ...(Array.isArray(base.enum) ? { choices: base.enum } : Array.isArray(s.enum) ? { choices: s.enum } : {}),
    ...optional('minimum', num(s.minimum)), ...optional('maximum', num(s.maximum)),
    ...optional('minLength', num(s.minLength)), ...optional('maxLength', num(s.maxLength)),
    ...(typeof s.pattern === 'string' ? { pattern: s.pattern } : {}),
    hasDefault: 'default' in s,
    ...('default' in s ? { default: s.default } : {}),
    required,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    deprecated: s.deprecated === true,
  };
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

function describeType(v: InputView): string {
  const t = v.type ?? 'any';
  if (v.items) return `${t} of ${v.items}`;
  return v.format ? `${t} (${v.format})` : t;
}

function componentsOf(doc: JsonObject): JsonObject {
  const c = doc.components;
  if (!isObject(c) || !isObject(c.schemas)) return {};
  return c.schemas;
}

function propertiesOf(component: JsonObject): JsonObject {
  return isObject(component.properties) ? component.properties : {};
}

/** Follows `#/components/schemas/X` references (a bounded number of times: refs may loop). */
function deref(v: Json, components: JsonObject): Json {
  let cur = v;
  for (let i = 0; i < 8 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(cur.$ref);
    const next = m ? components[m[1]!] : undefined;
    if (next === undefined) return {};
    cur = next;
  }
  return cur;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? 'none';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
