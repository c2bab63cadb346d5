import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePython, type SyntaxNode } from '../../src/python/parse.js';

/** The expression of a one-line Python snippet, e.g. `expr('-1.5')`. */
export function expr(source: string): SyntaxNode {
  const parsed = parsePython(`${source}\n`, { full: true });
  if (!parsed.root || parsed.syntaxError) throw new Error(`bad test snippet: ${source}`);
  const stmt = parsed.root.namedChildren[0]!;
  return stmt.namedChildren[0]!;
}

/** Every .py file under `dir` (the fixtures, say), recursively, symlinks not followed into. */
export function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) pythonFiles(p, out);
    else if (st?.isFile() && name.endsWith('.py')) out.push(p);
  }
  return out;
}
