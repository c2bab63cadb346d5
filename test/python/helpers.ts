import { parsePython, type SyntaxNode } from '../../src/python/parse.js';

/** The expression of a one-line Python snippet, e.g. `expr('-1.5')`. */
export function expr(source: string): SyntaxNode {
  const parsed = parsePython(`${source}\n`, { full: true });
  if (!parsed.root || parsed.syntaxError) throw new Error(`bad test snippet: ${source}`);
  const stmt = parsed.root.namedChildren[0]!;
  return stmt.namedChildren[0]!;
}
