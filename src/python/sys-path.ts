// `sys.path.insert(0, "vendor/lib")`, `sys.path.append(os.path.join(os.path.dirname(__file__),
// "x"))`: the folders a module adds to Python's search path at its top (also under `if`/`try`),
// read statically into project folders, so that the module graph looks up the absolute imports
// after them there too, as Python would. Nothing is run: a path is read from string literals,
// `__file__`, module constants and the os.path / pathlib calls that only compute a path. A
// relative path is relative to the working folder, which is the project root under Cog (/src,
// so `/src/x` is the project's `x` too); a path leaving the project adds nothing to look in.

import { posix } from 'node:path';
import type { SyntaxNode } from './parse.js';
import type { PyModule, Resolved } from './modules.js';
import { moduleLevel } from './module-index.js';
import { callArguments, unwrapExpr } from './nodes.js';
import { stringValue } from './strings.js';

/** One folder added to sys.path, as a project folder. */
export interface SysPathEntry {
  /** Project-relative, POSIX; '.' is the root. */
  dir: string;
  /** `insert(0, ...)`: looked in before the project root; `append`/`extend`/other positions after. */
  first: boolean;
  /** 1-based line of the statement: imports on later lines see the folder. */
  line: number;
}

/** A sys.path statement whose path cannot be read statically. */
export interface SysPathProblem {
  file: string;
  line: number;
  column: number;
  /** The path expression as written. */
  text: string;
  reason: string;
}

/**
 * A path as Python would compute it inside the image: absolute, with the project at /src (what
 * `__file__` and os.getcwd() give there), or relative to the working folder, which is /src too.
 */
type Read = { ok: true; path: string } | { ok: false; reason: string; node: SyntaxNode };

/** What resolves names for the reader: the module graph's resolve, bound to one module. */
export type NameLookup = (mod: PyModule, node: SyntaxNode) => Resolved | undefined;

const MAX_DEPTH = 32;

/** Cog's working folder inside the image: the project root. */
const WORKDIR = '/src';

/** The project folder a path names, or undefined when it leaves the project. */
function projectFolder(path: string): string | undefined {
  const abs = posix.normalize(path.startsWith('/') ? path : posix.join(WORKDIR, path)).replace(/(.)\/+$/, '$1');
  if (abs === WORKDIR) return '.';
  return abs.startsWith(`${WORKDIR}/`) ? abs.slice(WORKDIR.length + 1) : undefined;
}

function joinPaths(parts: string[]): string {
  // os.path.join: an absolute part starts over.
  return parts.reduce((acc, p) => (p.startsWith('/') ? p : acc === '' ? p : posix.join(acc, p)), '');
}

/** Calls that only compute a path from their arguments, by qualified name. */
const IDENTITY = new Set(['os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'os.fspath', 'str', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath']);
const IDENTITY_METHODS = new Set(['resolve', 'absolute', 'as_posix']);

class PathReader {
  constructor(private readonly lookup: NameLookup) {}

  read(mod: PyModule, node: SyntaxNode, depth = 0): Read {
    const n = unwrapExpr(node);
    const fail = (reason: string, at: SyntaxNode = n): Read => ({ ok: false, reason, node: at });
    if (depth > MAX_DEPTH) return fail('nested too deeply');
    const d = depth + 1;
    if (n.type === 'string' || n.type === 'concatenated_string') {
      const s = stringValue(n);
      return s.ok ? { ok: true, path: s.value } : fail(s.reason);
    }
    if (n.type === 'identifier' && n.text === '__file__') return { ok: true, path: posix.join(WORKDIR, mod.file) };
    if (n.type === 'identifier' || n.type === 'attribute') return this.name(mod, n, d);
    if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '/') {
      // pathlib: `Path(__file__).parent / "vendor"`.
      const left = this.read(mod, n.childForFieldName('left')!, d);
      if (!left.ok) return left;
      const right = this.read(mod, n.childForFieldName('right')!, d);
      return right.ok ? { ok: true, path: joinPaths([left.path, right.path]) } : right;
    }
    if (n.type === 'call') return this.call(mod, n, d);
    return fail(`${n.type.replace(/_/g, ' ')} is not a path cog-migrate can read`);
  }

  private name(mod: PyModule, n: SyntaxNode, d: number): Read {
    // `Path(__file__).parent`: the folder above.
    if (n.type === 'attribute' && n.childForFieldName('attribute')?.text === 'parent') {
      const inner = this.read(mod, n.childForFieldName('object')!, d);
      return inner.ok ? { ok: true, path: posix.dirname(inner.path) } : inner;
    }
    const r = this.lookup(mod, n);
    if (r?.kind === 'value') return this.read(r.module, r.node, d);
    if (r?.kind === 'external' && (r.qname === 'os.curdir' || r.qname === 'os.path.curdir')) return { ok: true, path: '.' };
    return { ok: false, reason: `${n.text} is not a statically known path`, node: n };
  }

  private call(mod: PyModule, n: SyntaxNode, d: number): Read {
    const fn = n.childForFieldName('function')!;
    const { positional, keywords, splats } = callArguments(n);
    const fail = (reason: string): Read => ({ ok: false, reason, node: n });
    if (splats.length > 0 || keywords.length > 0) return fail('a call with unpacked or keyword arguments');
    const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')!.text : undefined;
    const r = this.lookup(mod, fn);
    // A builtin resolves to nothing in the module: `str(Path(__file__).parent)`.
    const qname = r?.kind === 'external' ? r.qname : !r && fn.type === 'identifier' && fn.text === 'str' ? 'str' : undefined;
    if (qname === 'os.getcwd' || qname === 'pathlib.Path.cwd') return positional.length === 0 ? { ok: true, path: WORKDIR } : fail('getcwd() takes no arguments');
    const args: string[] = [];
    for (const a of positional) {
      const v = this.read(mod, a, d);
      if (!v.ok) return v;
      args.push(v.path);
    }
    if (qname === 'os.path.join' && args.length > 0) return { ok: true, path: joinPaths(args) };
    if (qname === 'os.path.dirname' && args.length === 1) return { ok: true, path: posix.dirname(args[0]!) };
    if (qname && IDENTITY.has(qname) && args.length === 1) return { ok: true, path: args[0]! };
    if (!qname && method && IDENTITY_METHODS.has(method) && positional.length === 0) return this.read(mod, fn.childForFieldName('object')!, d);
    return fail(`${fn.text}() is not a path function cog-migrate can read`);
  }
}

/** A `sys.path.X(...)` call statement: which method, by the callee's qualified name. */
function sysPathMethod(lookup: NameLookup, mod: PyModule, call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const r = lookup(mod, fn);
  const m = r?.kind === 'external' ? /^sys\.path\.(insert|append|extend)$/.exec(r.qname) : undefined;
  return m?.[1];
}

/**
 * The folders `mod` adds to sys.path at module level, in statement order, and the statements
 * whose path cannot be read. Folders outside the project are left out (nothing local is there).
 */
export function readSysPath(mod: PyModule, lookup: NameLookup): { entries: SysPathEntry[]; problems: SysPathProblem[] } {
  const entries: SysPathEntry[] = [];
  const problems: SysPathProblem[] = [];
  // A cheap gate: most modules never touch sys.path.
  if (!mod.parsed.text.includes('path')) return { entries, problems };
  const reader = new PathReader(lookup);
  for (const { stmt } of moduleLevel(mod.root)) {
    const call = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (call?.type !== 'call') continue;
    const method = sysPathMethod(lookup, mod, call);
    if (!method) continue;
    const { positional } = callArguments(call);
    const line = call.startPosition.row + 1;
    const problem = (node: SyntaxNode, reason: string): void => {
      problems.push({ file: mod.file, line: node.startPosition.row + 1, column: node.startPosition.column + 1, text: node.text, reason });
    };
    let paths: SyntaxNode[] = [];
    let first = false;
    if (method === 'insert' && positional.length === 2) {
      const at = unwrapExpr(positional[0]!).text;
      first = at === '0';
      paths = [positional[1]!];
    } else if (method === 'append' && positional.length === 1) paths = [positional[0]!];
    else if (method === 'extend' && positional.length === 1) {
      const list = unwrapExpr(positional[0]!);
      if (list.type !== 'list' && list.type !== 'tuple') { problem(list, 'not a literal list of paths'); continue; }
      paths = list.namedChildren.filter((c) => c.type !== 'comment');
    } else continue;
    for (const p of paths) {
      const r = reader.read(mod, p);
      if (!r.ok) { problem(p, r.reason); continue; }
      const dir = projectFolder(r.path);
      if (dir !== undefined) entries.push({ dir, first, line });
    }
  }
  return { entries, problems };
}
