// The import statements of a Python source, found by a lexical scan instead of a parse. The
// module graph follows a project's local imports through these (for the IR's `localImports`, the
// .dockerignore and CM030 checks) and parses a module only when a name has to be resolved in it:
// most local modules are imported, never looked into, and tree-sitter costs ten times this scan.
// The scan skips strings and comments, joins bracketed and backslash-continued lines, splits
// `a; b` and `if x: import y`, and knows which statements sit inside a function (deferred
// imports) and which inside a `try:` whose handler catches the ImportError (guarded imports: the
// setuptools-scm `try: from ._version import version` / `except ImportError:` fallback). On a file that parses, it finds what tree-sitter finds (test/python/import-scan.test.ts
// holds it to bindingsOf over every fixture); on one that does not, it still finds the imports.

import { skipString } from './segments.js';

/** One import statement: what `bindingsOf` reads from the tree, without the tree. */
export type ScannedImport =
  /** `import a.b, c as d`: each dotted module in full. */
  | ({ kind: 'import'; modules: string[][] } & ImportPlace)
  /** `from ..m.n import x, y as z` (module '' for `from . import x`); `names` empty for `*`. */
  | ({ kind: 'from'; module: string; level: number; names: string[]; star: boolean } & ImportPlace);

interface ImportPlace {
  line: number;
  column: number;
  /** Inside a function body: runs when the function is called, not when the module loads. */
  deferred: boolean;
  /** Inside the body of a `try:` with an `except` that catches ImportError: a missing module takes the fallback. */
  guarded: boolean;
}

const COMPOUND = /^(?:if|elif|else|while|for|try|except|finally|with|class|def|async|match|case)\b/;
const DEF = /^(?:async[ \t]+)?def\b/;
const TRY = /^try[ \t]*:/;
const EXCEPT = /^except\b/;
const CLAUSE = /^(?:except|else|finally)\b/;
/** Exception names whose handler catches an ImportError (ModuleNotFoundError is one). */
const CATCHES_IMPORT_ERROR = /\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b/;

/** A `try:` statement being read: whether a handler seen so far catches ImportError. */
interface TryBlock { catchesImportError: boolean }

/** True when the text of an `except ...:` clause (up to its colon) catches an ImportError. */
function handlerCatchesImportError(clause: string): boolean {
  const what = clause.replace(/^except\*?/, '').trim();
  return what === '' || CATCHES_IMPORT_ERROR.test(what);
}
const NAME = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*$/u;
const DOTTED = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*(?:\.[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)*$/u;

/** Every import statement of `text` (1-based line and column, columns in UTF-16 units), in source order. */
export function scanImports(text: string): ScannedImport[] {
  // A cheap gate: a file without the word has no import to find.
  if (!text.includes('import')) return [];
  const out: ScannedImport[] = [];
  const defIndents: number[] = [];
  // The try statements whose suites the current line may be in, innermost last: `body` for the
  // `try:` suite, else an except/else/finally suite. Handlers come after the body, so whether an
  // import is guarded is settled once the whole text is read.
  const open: { indent: number; block: TryBlock; body: boolean }[] = [];
  const inTryBodies: { found: ScannedImport; blocks: TryBlock[] }[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // Start of a physical line that begins a logical line.
    const lineStart = i;
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) i++;
    const c = text[i];
    if (c === undefined) break;
    if (c === '\n' || c === '\r' || c === '#') {
      while (i < n && text[i] !== '\n') i++;
      i++;
      line++;
      continue;
    }
    const indent = i - lineStart;
    while (defIndents.length && defIndents[defIndents.length - 1]! >= indent) defIndents.pop();
    const deferredHere = defIndents.length > 0;
    // A line at a try's own indent ends the suite it was in (an except/else/finally there continues it).
    let sameLevel: { indent: number; block: TryBlock; body: boolean } | undefined;
    while (open.length && open[open.length - 1]!.indent >= indent) sameLevel = open.pop();
    if (sameLevel && sameLevel.indent !== indent) sameLevel = undefined;
    // One logical line: statement starts (offset, line, column) and the offset where it ends.
    const starts: { at: number; line: number; column: number }[] = [{ at: i, line, column: i - lineStart + 1 }];
    const head = text.slice(i, i + 12);
    const compound = COMPOUND.test(head);
    if (DEF.test(head)) defIndents.push(indent);
    const headIsExcept = EXCEPT.test(head);
    const headIsTry = TRY.test(head);
    let depth = 0;
    let rowStart = lineStart;
    let colonSeen = false;
    const ends: number[] = [];
    for (;;) {
      if (i >= n) { ends.push(n); break; }
      const ch = text[i]!;
      if (ch === '\n') {
        if (depth === 0) { ends.push(i); i++; line++; break; }
        i++; line++; rowStart = i;
        continue;
      }
      if (ch === '#') { while (i < n && text[i] !== '\n') i++; continue; }
      if (ch === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
        i += text[i + 1] === '\n' ? 2 : 3; line++; rowStart = i;
        continue;
      }
      if (ch === '"' || ch === "'") {
        const end = skipString(text, i);
        for (let k = i; k < end; k++) if (text[k] === '\n') { line++; rowStart = k + 1; }
        i = end;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') { if (depth > 0) depth--; }
      else if (depth === 0 && (ch === ';' || (ch === ':' && compound && !colonSeen && text[i + 1] !== '='))) {
        if (ch === ':') colonSeen = true;
        ends.push(i);
        let k = i + 1;
        while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
        starts.push({ at: k, line, column: k - rowStart + 1 });
      }
      i++;
    }
    if (sameLevel && CLAUSE.test(head)) {
      if (headIsExcept && handlerCatchesImportError(text.slice(starts[0]!.at, ends[0] ?? n))) sameLevel.block.catchesImportError = true;
      open.push({ indent, block: sameLevel.block, body: false });
    }
    if (headIsTry) open.push({ indent, block: { catchesImportError: false }, body: true });
    for (let s = 0; s < starts.length; s++) {
      const start = starts[s]!;
      const at = start.at;
      const found = text.startsWith('import', at) || text.startsWith('from', at) ? importAt(text.slice(at, ends[s] ?? n)) : undefined;
      // After `def f():` the rest of the line is the function's body.
      const deferred = deferredHere || (s > 0 && DEF.test(head));
      if (!found) continue;
      const scanned = { ...found, line: start.line, column: start.column, deferred, guarded: false } as ScannedImport;
      out.push(scanned);
      // The line's head sits in the suites opened before it; what follows its colon in the one it opens.
      const blocks = open.filter((o) => o.body && (o.indent < indent || s > 0)).map((o) => o.block);
      if (blocks.length) inTryBodies.push({ found: scanned, blocks });
    }
  }
  for (const { found, blocks } of inTryBodies) found.guarded = blocks.some((b) => b.catchesImportError);
  return out;
}

type Found =
  | { kind: 'import'; modules: string[][] }
  | { kind: 'from'; module: string; level: number; names: string[]; star: boolean };

/** Reads one simple statement as an import, if it is one. */
function importAt(stmt: string): Found | undefined {
  // No string can sit in an import statement, so every `#` here starts a comment.
  const flat = stmt.replace(/#[^\n]*/g, ' ').replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.startsWith('import ')) {
    const modules: string[][] = [];
    for (const item of flat.slice(7).split(',')) {
      const m = /^\s*([^\s]+)(?:\s+as\s+(\S+))?\s*$/.exec(item.replace(/\s*\.\s*/g, '.'));
      if (m && DOTTED.test(m[1]!) && (m[2] === undefined || NAME.test(m[2]))) modules.push(m[1]!.split('.'));
    }
    return modules.length ? { kind: 'import', modules } : undefined;
  }
  const m = /^from(?=[\s.])\s*((?:\.\s*)*)([^\s.(][^\s(]*(?:\s*\.\s*[^\s.(]+)*)?\s*import\b\s*(.*)$/.exec(flat);
  if (!m) return undefined;
  const level = m[1]!.replace(/\s+/g, '').length;
  const module = (m[2] ?? '').replace(/\s+/g, '');
  if (module && !DOTTED.test(module)) return undefined;
  if (!module && level === 0) return undefined;
  if (module === '__future__') return undefined;
  let rest = m[3]!.trim();
  if (rest === '*') return { kind: 'from', module, level, names: [], star: true };
  if (rest.startsWith('(')) rest = rest.replace(/^\(|\)$/g, '');
  const names: string[] = [];
  for (const item of rest.split(',')) {
    const t = item.trim();
    if (!t) continue;
    const im = /^(\S+)(?:\s+as\s+(\S+))?$/.exec(t);
    if (im && DOTTED.test(im[1]!) && (im[2] === undefined || NAME.test(im[2]))) names.push(im[1]!);
  }
  return names.length ? { kind: 'from', module, level, names, star: false } : undefined;
}
