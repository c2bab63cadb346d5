// IR types -> Python annotations and value conversions for the fal adapter. Every name that
// comes from the user's project passes through pyStr/pyIdent here; the fragments returned are
// Python code, assembled into app.py by the templates.

import type { IrType, ObjectField } from '../../src/ir/types.js';
import { isPyIdentifier, pyIdent, pyStr } from '../../src/quote/index.js';

/** The helper functions of app.py a conversion needs; the template emits only those. */
export interface Needs {
  download: boolean;
  openFile: boolean;
  toFile: boolean;
  any: boolean;
  dict: boolean;
  list: boolean;
  optional: boolean;
  literal: boolean;
  annotated: boolean;
  secret: boolean;
  fileField: boolean;
  /** Blocking downloads/uploads moved off the event loop in async endpoints. */
  asyncio: boolean;
}

export function noNeeds(): Needs {
  return {
    download: false, openFile: false, toFile: false, any: false, dict: false, list: false,
    optional: false, literal: false, annotated: false, secret: false, fileField: false, asyncio: false,
  };
}

/** A generated Pydantic output model for a Cog BaseModel output (or a nested one). */
export interface OutputModelView {
  name: string;
  cogName: string;
  fields: { ident: string; alias?: string; annotation: string }[];
}

/** Collects output models so nested objects get one class each, in first-use order. */
export class OutputModels {
  readonly models: OutputModelView[] = [];
  private readonly byName = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  classFor(t: Extract<IrType, { kind: 'object' }>, needs: Needs, topLevelName?: string): string {
    const existing = this.byName.get(t.name);
    if (existing) return existing;
    const name = topLevelName ?? this.uniqueName(`${this.prefix}${safeClassPart(t.name)}`);
    this.byName.set(t.name, name);
    const view: OutputModelView = { name, cogName: t.name, fields: [] };
    this.models.push(view);
    for (const field of fieldNames(t.fields)) {
      view.fields.push({ ...field.names, annotation: outputAnnotation(field.field.type, needs, this) });
    }
    return name;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.models.some((m) => m.name === name); i++) name = `${base}${i}`;
    return name;
  }
}

function safeClassPart(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return isPyIdentifier(cleaned) ? cleaned : `Model_${cleaned}`;
}

// Names a Pydantic model field cannot take without an alias: BaseModel's own attributes,
// private (leading underscore) and the protected `model_` namespace, and Python keywords.
const PYDANTIC_RESERVED = new Set([
  'copy', 'dict', 'json', 'schema', 'schema_json', 'construct', 'validate', 'fields', 'parse_obj',
  'parse_raw', 'parse_file', 'from_orm', 'update_forward_refs', 'FIELD_ORDERS', 'SCHEMA_IGNORES',
]);

export function needsAlias(name: string): boolean {
  return !isPyIdentifier(name) || name.startsWith('_') || name.startsWith('model_') || PYDANTIC_RESERVED.has(name);
}

/** Python identifiers for a list of names: unchanged when possible, else `name_` with an alias. */
export function fieldNames<F extends { name: string }>(fields: F[]): { field: F; names: { ident: string; alias?: string } }[] {
  const taken = new Set(fields.filter((f) => !needsAlias(f.name)).map((f) => f.name));
  return fields.map((field) => {
    if (!needsAlias(field.name)) return { field, names: { ident: pyIdent(field.name) } };
    let base = field.name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
    if (base === '' || /^[0-9]/.test(base)) base = `field_${base}`;
    if (base.startsWith('model_')) base = `field_${base}`;
    let ident = `${base}_`;
    for (let i = 2; taken.has(ident) || !isPyIdentifier(ident); i++) ident = `${base}_${i}`;
    taken.add(ident);
    return { field, names: { ident: pyIdent(ident), alias: field.name } };
  });
}

/** The annotation of an input field (what the request carries: files are URLs). */
export function inputAnnotation(t: IrType, needs: Needs): string {
  switch (t.kind) {
    case 'str': return 'str';
    case 'int': return 'int';
    case 'float': return 'float';
    case 'bool': return 'bool';
    case 'path':
    case 'file':
      needs.fileField = true;
      return 'str';
    case 'secret':
      needs.secret = true;
      return 'SecretStr';
    case 'dict':
      needs.dict = true; needs.any = true;
      return 'Dict[str, Any]';
    case 'list':
      needs.list = true;
      return `List[${inputAnnotation(t.items, needs)}]`;
    case 'optional':
      needs.optional = true;
      return `Optional[${inputAnnotation(t.inner, needs)}]`;
    default:
      needs.any = true;
      return 'Any';
  }
}

/** True when the input (or its items) is a file that arrives as a URL. */
export function isFileInput(t: IrType): boolean {
  if (t.kind === 'path' || t.kind === 'file') return true;
  if (t.kind === 'list') return isFileInput(t.items);
  if (t.kind === 'optional') return isFileInput(t.inner);
  return false;
}

/** Python expression turning the request value `expr` into what predict() expects. */
export function inputConversion(t: IrType, expr: string, needs: Needs, depth = 0): string {
  switch (t.kind) {
    case 'path':
      needs.download = true;
      return `_download(${expr}, tmp)`;
    case 'file':
      needs.download = true; needs.openFile = true;
      return `_open(_download(${expr}, tmp))`;
    case 'list': {
      if (!isFileInput(t.items)) return expr;
      const v = `item${depth === 0 ? '' : depth}`;
      return `[${inputConversion(t.items, v, needs, depth + 1)} for ${v} in ${expr}]`;
    }
    case 'optional':
      if (!isFileInput(t.inner)) return expr;
      return `None if ${expr} is None else ${inputConversion(t.inner, expr, needs, depth)}`;
    default:
      return expr;
  }
}

/** The annotation of an output value (files become fal.toolkit.File). */
export function outputAnnotation(t: IrType, needs: Needs, models: OutputModels): string {
  switch (t.kind) {
    case 'str': return 'str';
    case 'int': return 'int';
    case 'float': return 'float';
    case 'bool': return 'bool';
    case 'path':
    case 'file':
      needs.toFile = true;
      return 'File';
    case 'secret': return 'str';
    case 'dict':
      needs.dict = true; needs.any = true;
      return 'Dict[str, Any]';
    case 'list':
    case 'iterator':
    case 'concatenateIterator':
    case 'asyncIterator':
    case 'asyncConcatenateIterator': {
      needs.list = true;
      const items = t.kind === 'list' ? t.items : t.items;
      return `List[${outputAnnotation(items, needs, models)}]`;
    }
    case 'optional':
      needs.optional = true;
      return `Optional[${outputAnnotation(t.inner, needs, models)}]`;
    case 'object':
      return models.classFor(t, needs);
    default:
      needs.any = true;
      return 'Any';
  }
}

function hasFiles(t: IrType): boolean {
  switch (t.kind) {
    case 'path': case 'file': case 'object': return true;
    case 'list': return hasFiles(t.items);
    case 'optional': return hasFiles(t.inner);
    default: return false;
  }
}

/** How an output file is converted: `_to_file(x)`, or off the event loop in async endpoints. */
export type FileCall = (expr: string) => string;
export const syncFileCall: FileCall = (e) => `_to_file(${e})`;
export const asyncFileCall: FileCall = (e) => `await asyncio.to_thread(_to_file, ${e})`;

/** Python expression turning the predictor's value `expr` into the output annotation's type. */
export function outputConversion(
  t: IrType, expr: string, needs: Needs, models: OutputModels, fileCall: FileCall = syncFileCall, depth = 0,
): string {
  const inner = (u: IrType, e: string) => outputConversion(u, e, needs, models, fileCall, depth + 1);
  switch (t.kind) {
    case 'path':
    case 'file':
      needs.toFile = true;
      if (fileCall === asyncFileCall) needs.asyncio = true;
      return fileCall(expr);
    case 'secret':
      return `str(${expr})`;
    case 'list': {
      if (!hasFiles(t.items)) return expr;
      const v = `item${depth === 0 ? '' : depth}`;
      return `[${inner(t.items, v)} for ${v} in ${expr}]`;
    }
    case 'optional':
      if (!hasFiles(t.inner)) return expr;
      return `None if ${expr} is None else ${outputConversion(t.inner, expr, needs, models, fileCall, depth)}`;
    case 'object': {
      const cls = models.classFor(t, needs);
      const fields = fieldNames(t.fields);
      const value = (f: ObjectField) => inner(f.type, isPyIdentifier(f.name) ? `${expr}.${pyIdent(f.name)}` : `getattr(${expr}, ${pyStr(f.name)})`);
      if (fields.every(({ names }) => names.alias === undefined)) {
        return `${cls}(${fields.map(({ field, names }) => `${names.ident}=${value(field)}`).join(', ')})`;
      }
      // Aliased names (keywords, Pydantic-reserved) are set through a dict keyed by alias.
      return `${cls}.model_validate({${fields.map(({ field, names }) => `${pyStr(names.alias ?? names.ident)}: ${value(field)}`).join(', ')}})`;
    }
    default:
      return expr;
  }
}

export function isStreaming(t: IrType): t is Extract<IrType, { kind: 'iterator' | 'concatenateIterator' | 'asyncIterator' | 'asyncConcatenateIterator' }> {
  return t.kind === 'iterator' || t.kind === 'concatenateIterator' || t.kind === 'asyncIterator' || t.kind === 'asyncConcatenateIterator';
}

export function isAsyncStream(t: IrType): boolean {
  return t.kind === 'asyncIterator' || t.kind === 'asyncConcatenateIterator';
}

/** True when the type (anywhere inside) is too loose to describe (CM410). */
export function isLoose(t: IrType): boolean {
  switch (t.kind) {
    case 'any': return true;
    case 'list': case 'iterator': case 'concatenateIterator': case 'asyncIterator': case 'asyncConcatenateIterator':
      return isLoose(t.items);
    case 'optional': return isLoose(t.inner);
    case 'object': return t.fields.some((f: ObjectField) => isLoose(f.type));
    default: return false;
  }
}
