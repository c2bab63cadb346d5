// IR types -> Python annotations and value conversions of the fal adapter's inputs, and what
// inputs and outputs share (helper needs). Field names come from names.ts, annotations from
// annotation.ts (closed vocabulary); the fragments returned are Python code, assembled into
// app.py by the templates. Outputs: outputs.ts.

import type { IrType } from '../../src/ir/types.js';
import { ann, type Annotation } from './annotation.js';
import type { MediaKind } from '../../src/ir/media.js';

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
  /** Output files declared as fal.toolkit Image / Video / Audio (`_to_image` ...). */
  mediaOutputs: Record<MediaKind, boolean>;
  /** File inputs shown with ImageField / VideoField / AudioField. */
  mediaFields: Record<MediaKind, boolean>;
}

export function noNeeds(): Needs {
  return {
    download: false, openFile: false, toFile: false, any: false, dict: false, list: false,
    optional: false, literal: false, annotated: false, secret: false, fileField: false, asyncio: false,
    mediaOutputs: { image: false, video: false, audio: false },
    mediaFields: { image: false, video: false, audio: false },
  };
}

/** The annotation of an input field (what the request carries: files are URLs). */
export function inputAnnotation(t: IrType, needs: Needs): Annotation {
  switch (t.kind) {
    case 'str': return ann('str');
    case 'int': return ann('int');
    case 'float': return ann('float');
    case 'bool': return ann('bool');
    case 'path':
    case 'file':
      needs.fileField = true;
      return ann('str');
    case 'secret':
      needs.secret = true;
      return ann('SecretStr');
    case 'dict':
      needs.dict = true; needs.any = true;
      return ann('Dict', ann('str'), ann('Any'));
    case 'list':
      needs.list = true;
      return ann('List', inputAnnotation(t.items, needs));
    case 'optional':
      needs.optional = true;
      return ann('Optional', inputAnnotation(t.inner, needs));
    default:
      needs.any = true;
      return ann('Any');
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
