// What the generator could not write exactly as Cog would. Plain data: the caller (the CLI,
// a target's report) turns a note into a finding in its own stage's words.

import type { SourceLocation } from '../types.js';

export type OpenApiNoteKind =
  /** A default kept as source text: the schema omits it (and does not list the input as required). */
  | 'source-default'
  /** `choices=` that is not a literal list: the input is written without its enum. */
  | 'source-choices'
  /** A type Cog rejects in this position (nested lists, Optional outputs, objects as inputs ...). */
  | 'unsupported-type'
  /** The IR has neither a predict nor a train predictor: the document has empty Input/Output. */
  | 'no-predictor';

export interface OpenApiNote {
  kind: OpenApiNoteKind;
  role: 'predict' | 'train';
  /** The input or output field the note is about, when there is one. */
  name?: string;
  message: string;
  loc?: SourceLocation;
}
