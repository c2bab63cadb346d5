// The first YAML document of cog.yaml, composed with a bound on errors. The library's
// parseDocument keeps composing after any number of errors and builds an Error (with a stack
// trace) for each one: a line of 200,000 `[` costs a minute and more than a gigabyte. Here the
// composer's error sink counts and stops the composition once the file is clearly not YAML.

import { Composer, Parser, type Document, type LineCounter, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

export interface YamlProblem {
  offset: number;
  message: string;
}

export type FirstDocument =
  | { ok: true; doc: Document.Parsed; moreDocuments: boolean; secondOffset: number }
  | { ok: false; errors: YamlProblem[]; stoppedEarly: boolean };

class TooManyErrors extends Error {}

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type ErrorSink = (source: unknown, code: string, message: string, warning?: boolean) => void;

/**
 * Composes the first document (and notices a second one, which Cog ignores). Fails with the
 * first `maxErrors` errors when there are more than that; a document with a few errors comes
 * back as ok with them in `doc.errors`, as parseDocument would give it.
 */
export function composeFirstDocument(text: string, options: Options, lines: LineCounter, maxErrors: number): FirstDocument {
  const composer = new Composer(options);
  const kept: YamlProblem[] = [];
  // onError is the composer's (private) sink for every error; it has kept that shape since
  // yaml 2.0. If it ever changes, composing fails loudly here, and the hostile suite's flood case.
  const sink = composer as unknown as { onError: ErrorSink };
  const record = sink.onError;
  if (typeof record !== 'function') throw new Error('yaml Composer has no onError sink: update composeFirstDocument');
  let count = 0;
  sink.onError = (source, code, message, warning) => {
    if (!warning && ++count > maxErrors) throw new TooManyErrors();
    if (!warning) kept.push({ offset: offsetOf(source), message });
    record(source, code, message, warning);
  };
  const parser = new Parser(lines.addNewLine);
  let first: Document.Parsed | undefined;
  try {
    for (const doc of composer.compose(parser.parse(text), true, text.length)) {
      if (first) return { ok: true, doc: first, moreDocuments: true, secondOffset: doc.range[0] };
      first = doc;
    }
  } catch (e) {
    if (e instanceof TooManyErrors) return { ok: false, errors: kept, stoppedEarly: true };
    // The library's parser recurses per nesting level and lets a stack overflow out (found by
    // the fuzzer: a mapping nested a few thousand levels deep by indentation).
    if (e instanceof RangeError) return { ok: false, errors: [...kept, { offset: 0, message: 'cog.yaml is nested too deeply to read' }], stoppedEarly: false };
    throw e;
  }
  // compose(..., forceDoc = true) always yields a document at the end.
  return { ok: true, doc: first!, moreDocuments: false, secondOffset: 0 };
}

function offsetOf(source: unknown): number {
  if (typeof source === 'number') return source;
  if (Array.isArray(source)) return Number(source[0]) || 0;
  if (source && typeof source === 'object' && 'offset' in source) return Number((source as { offset: number }).offset) || 0;
  return 0;
}
