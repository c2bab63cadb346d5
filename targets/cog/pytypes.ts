// IR types -> the annotations and Input(...) arguments of a Cog predict(): what an expert writes
// by hand (`steps: int = Input(description="...", default=25, ge=1, le=50)`). Every user value
// passes through src/quote; names were checked to be identifiers when the app was read.

import type { Input, IrType, ObjectField } from '../../src/ir/types.js';
import { pyIdent, pyLiteral, pyStr } from '../../src/quote/index.js';

/** Names of `cog` and `typing` an annotation uses, collected while rendering. */
export interface Imports {
  cog: Set<string>;
  typing: Set<string>;
}

export function noImports(): Imports {
  return { cog: new Set(['BasePredictor']), typing: new Set() };
}

/** The annotation of a Cog input or output of type `t`. */
export function cogAnnotation(t: IrType, imports: Imports): string {
  switch (t.kind) {
    case 'str': case 'int': case 'float': case 'bool': return t.kind;
    case 'path': case 'file': imports.cog.add('Path'); return 'Path';
    case 'secret': imports.cog.add('Secret'); return 'Secret';
    case 'dict':
      if (!t.values) return 'dict';
      imports.typing.add('Dict');
      return `Dict[str, ${cogAnnotation(t.values, imports)}]`;
    case 'any': imports.typing.add('Any'); return 'Any';
    case 'list': imports.typing.add('List'); return `List[${cogAnnotation(t.items, imports)}]`;
    case 'optional': imports.typing.add('Optional'); return `Optional[${cogAnnotation(t.inner, imports)}]`;
    case 'iterator': imports.typing.add('Iterator'); return `Iterator[${cogAnnotation(t.items, imports)}]`;
    case 'asyncIterator': imports.typing.add('AsyncIterator'); return `AsyncIterator[${cogAnnotation(t.items, imports)}]`;
    case 'concatenateIterator': imports.cog.add('ConcatenateIterator'); return `ConcatenateIterator[${cogAnnotation(t.items, imports)}]`;
    case 'asyncConcatenateIterator': imports.cog.add('AsyncConcatenateIterator'); return `AsyncConcatenateIterator[${cogAnnotation(t.items, imports)}]`;
    case 'object': imports.cog.add('BaseModel'); return pyIdent(t.name);
  }
}

/** `Input(...)` for an input, every constraint kept; plain `= default` never loses anything Cog shows. */
export function inputCall(input: Input, imports: Imports): string {
  imports.cog.add('Input');
  const args: string[] = [];
  if (input.description !== undefined) args.push(`description=${pyStr(input.description)}`);
  if (input.default !== 'required') {
    // A default the app computes (default_factory, an expression) cannot be shown: None lets the
    // app's own model fill it in (the predictor leaves None out of the request).
    args.push(`default=${input.default.kind === 'literal' ? pyLiteral(input.default.value) : 'None'}`);
  }
  if (input.ge !== undefined) args.push(`ge=${pyLiteral(input.ge)}`);
  if (input.le !== undefined) args.push(`le=${pyLiteral(input.le)}`);
  if (input.minLength !== undefined) args.push(`min_length=${pyLiteral(input.minLength)}`);
  if (input.maxLength !== undefined) args.push(`max_length=${pyLiteral(input.maxLength)}`);
  if (input.regex !== undefined) args.push(`regex=${pyStr(input.regex)}`);
  if (input.choices?.kind === 'literal') args.push(`choices=${pyLiteral(input.choices.value)}`);
  if (input.deprecated === true) args.push('deprecated=True');
  return `Input(${args.join(', ')})`;
}

/** True when Cog hands the predictor objects the app does not take as they are (files, secrets). */
export function needsAppValue(t: IrType): boolean {
  if (t.kind === 'path' || t.kind === 'file' || t.kind === 'secret') return true;
  if (t.kind === 'list') return needsAppValue(t.items);
  if (t.kind === 'optional') return needsAppValue(t.inner);
  return false;
}

/** Output BaseModel classes an output type needs, nested ones first, each once. */
export function outputModels(t: IrType, seen = new Map<string, ObjectField[]>()): Map<string, ObjectField[]> {
  switch (t.kind) {
    case 'object':
      for (const f of t.fields) outputModels(f.type, seen);
      if (!seen.has(t.name)) seen.set(t.name, t.fields);
      return seen;
    case 'list': case 'iterator': case 'asyncIterator': case 'concatenateIterator': case 'asyncConcatenateIterator':
      return outputModels(t.items, seen);
    case 'optional':
      return outputModels(t.inner, seen);
    default:
      return seen;
  }
}
