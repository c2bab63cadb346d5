// Parsing Python with tree-sitter. One parser is shared (creating one per file costs more than
// parsing a typical predictor). Large files are parsed only in the parts an extractor can use,
// and every parse has a time budget, so a hostile 5 MB file fails fast instead of hanging.

import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { relevantRanges } from './segments.js';
import { blankComments } from './comments.js';
import { memoizeNodeTypes } from './node-type-memo.js';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

/** Files above this many characters are parsed only in their relevant top-level statements. */
export const LARGE_SOURCE_CHARS = 512 * 1024;
/** Default time budget for one parse. */
export const DEFAULT_PARSE_BUDGET_MS = 3_000;

export interface ParseOptions {
  /** Give up after this long (the result then has `timedOut`). */
  budgetMs?: number;
  /**
   * For large files: names of top-level functions to keep even when big (the predictor itself).
   * Classes, imports and small statements are always kept.
   */
  keepNames?: readonly string[];
  /** For large files: methods to keep inside a big kept class (`predict`, `setup`...). */
  keepMembers?: readonly string[];
  /** Parse everything regardless of size. */
  full?: boolean;
}

export interface SyntaxErrorInfo {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as tree-sitter's node binding counts them. */
  column: number;
  message: string;
}

export interface ParsedPython {
  /** The text as parsed: the source with its comments blanked out (same length and positions). */
  text: string;
  /** The text as read, comments included (the same string when it has none). */
  source: string;
  tree?: Tree;
  root?: SyntaxNode;
  /** First syntax error (an ERROR or MISSING node), if any. */
  syntaxError?: SyntaxErrorInfo;
  /** The parse ran out of its time budget; there is no tree. */
  timedOut?: boolean;
  /** Only parts of the file were parsed (large file); how many characters were skipped. */
  skippedChars?: number;
}

let shared: Parser | undefined;

function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
    memoizeNodeTypes(Python);
  }
  return shared;
}

/** Parses Python source text. Never throws for bad input. */
export function parsePython(source: string, options: ParseOptions = {}): ParsedPython {
  const text = blankComments(source);
  const p = parser();
  const budgetMs = options.budgetMs ?? DEFAULT_PARSE_BUDGET_MS;
  p.setTimeoutMicros(Math.max(1, Math.round(budgetMs * 1000)));
  let skippedChars = 0;
  let includedRanges: Parser.Range[] | undefined;
  if (!options.full && text.length > LARGE_SOURCE_CHARS) {
    const picked = relevantRanges(text, options.keepNames ?? [], options.keepMembers ?? []);
    skippedChars = picked.skippedChars;
    // An empty range list would mean "everything" to tree-sitter: keep one empty range instead.
    if (skippedChars > 0) includedRanges = picked.ranges.length ? picked.ranges : [{ startIndex: 0, endIndex: 0, startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: 0 } }];
  }
  let tree: Tree | undefined;
  try {
    tree = (includedRanges ? p.parse(text, null, { includedRanges }) : p.parse(text)) ?? undefined;
  } finally {
    p.setTimeoutMicros(0);
  }
  if (!tree) {
    p.reset();
    return { text, source, timedOut: true };
  }
  const root = tree.rootNode;
  const out: ParsedPython = { text, source, tree, root };
  if (skippedChars > 0) out.skippedChars = skippedChars;
  if (root.hasError) out.syntaxError = firstSyntaxError(root);
  return out;
}

/** The first ERROR or MISSING node in source order, described for a finding. */
export function firstSyntaxError(root: SyntaxNode): SyntaxErrorInfo | undefined {
  const cursor = root.walk();
  // Pre-order walk, descending only into subtrees that contain an error.
  for (;;) {
    const node = cursor.currentNode;
    if (node.isMissing) {
      return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `missing ${JSON.stringify(node.type)}` };
    }
    if (node.type === 'ERROR') {
      const first = node.text.split('\n')[0] ?? '';
      const snippet = first.length > 40 ? `${first.slice(0, 40)}…` : first;
      return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `invalid syntax near ${JSON.stringify(snippet)}` };
    }
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return undefined;
    }
  }
}
