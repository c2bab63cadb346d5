// IR types -> Python annotations and value conversions of the fal adapter's inputs, and what
// inputs and outputs share (helper needs, field names). Every name that comes from the user's
// project passes through pyIdent here; the fragments returned are Python code, assembled into
// app.py by the templates. Outputs: outputs.ts.

import type { IrType } from '../../src/ir/types.js';
import { isPyIdentifier, pyIdent } from '../../src/quote/index.js';

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
      return `open_file(_download(${expr}, tmp))`;
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

export function isStreaming(t: IrType): t is Extract<IrType, { kind: 'iterator' | 'concatenateIterator' | 'asyncIterator' | 'asyncConcatenateIterator' }> {
  return t.kind === 'iterator' || t.kind === 'concatenateIterator' || t.kind === 'asyncIterator' || t.kind === 'asyncConcatenateIterator';
}

export function isAsyncStream(t: IrType): boolean {
  return t.kind === 'asyncIterator' || t.kind === 'asyncConcatenateIterator';
}
