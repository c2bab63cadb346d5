// A project's Python modules as a lazily loaded graph: reading (never leaving the project),
// parsing, import bindings, module-level definitions, and resolution of names to where they are
// defined — in a local module of the project, or outside it as a dotted name (`cog.Path`).
// A module is parsed only when a name has to be resolved in it; following the imports of the
// project (localImports) only reads the files and scans them lexically (import-scan.ts). Each file
// is read, stat'ed and parsed at most once per graph, and a graph lives for one extraction.

import type { ReadProblem } from '../fs/project-files.js';
import { ModuleFiles, type SearchPath } from './module-files.js';
import { readSysPath, type SysPathEntry, type SysPathProblem } from './sys-path.js';
import { parsePython, type ParsedPython, type SyntaxNode } from './parse.js';
import { dottedName, unwrapExpr } from './nodes.js';
import { indexModule } from './module-index.js';
import { scanImports } from './import-scan.js';
import { pushAll } from '../util/push-all.js';

export { bindingsOf, type BoundImport } from './module-index.js';
export type { SysPathEntry, SysPathProblem } from './sys-path.js';

export type ImportBinding =
  /** `import a.b` binds `a` to module `a`; `import a.b as x` binds `x` to module `a.b`. */
  | { kind: 'module'; module: string; level: 0; node: SyntaxNode }
  /** `from .m import n as x` binds `x` to `n` of module `m` at level 1. */
  | { kind: 'from'; module: string; level: number; name: string; node: SyntaxNode };

export interface PyModule {
  /** Project-relative, POSIX. */
  file: string;
  parsed: ParsedPython;
  root: SyntaxNode;
  imports: Map<string, ImportBinding>;
  classes: Map<string, SyntaxNode>;
  functions: Map<string, SyntaxNode>;
  /** Module-level `NAME = value` / `NAME: T = value`, every assignment in source order. */
  assignments: Map<string, SyntaxNode[]>;
  /** Modules star-imported at module level (`from cog import *`), as written (level 0 only). */
  starImports: string[];
}

export type Resolved =
  | { kind: 'external'; qname: string }
  | { kind: 'module'; module: PyModule }
  | { kind: 'class'; module: PyModule; name: string; node: SyntaxNode }
  | { kind: 'function'; module: PyModule; name: string; node: SyntaxNode }
  | { kind: 'value'; module: PyModule; name: string; node: SyntaxNode };

export type LoadProblem =
  | { kind: 'read'; file: string; problem: ReadProblem; detail: string }
  | { kind: 'timeout'; file: string }
  | { kind: 'syntax'; file: string; line: number; column: number; message: string };

/** Where an import statement is, 1-based. */
export interface ImportSite {
  file: string;
  line: number;
  column: number;
  /** The import sits inside a function body: it runs when that function is called, not at import. */
  deferred?: boolean;
  /** The import sits in a `try:` whose `except` catches ImportError: a missing module takes the fallback. */
  guarded?: boolean;
}

export interface ImportProblem {
  problem: LoadProblem;
  at: ImportSite;
}

export interface LoadOptions {
  keepNames?: readonly string[];
  keepMembers?: readonly string[];
  budgetMs?: number;
  /**
   * Project files (a folder ends in `/`) that imports do not see: for a predictor inside
   * cog-migrate's own output, the shipped `cog` compatibility package is not the Cog SDK the
   * predictor imports.
   */
  hiddenPaths?: readonly string[];
}

const MAX_RESOLVE_DEPTH = 32;
/** A module that may add to sys.path (`sys.path.insert`, `from sys import path`). */
const SYS_PATH_USE = /\bsys\s*\.\s*path\b|\bfrom\s+sys\s+import\b[^\n]*\bpath\b/;
const MAX_MODULES = 2000;

export class ModuleGraph {
  private readonly modules = new Map<string, PyModule | LoadProblem>();
  private readonly files: ModuleFiles;
  private readonly sysPaths = new Map<string, SysPathEntry[]>();
  private readonly sysPathIssues: SysPathProblem[] = [];
  private entryFile?: string;
  constructor(readonly root: string, private readonly options: LoadOptions = {}) {
    this.files = new ModuleFiles(root, options.hiddenPaths ?? [], MAX_MODULES);
  }

  /**
   * Project-relative file for `module` imported at `level` from `fromFile`, if it is in the
   * project. `line`: where the import is (1-based; undefined inside a function, which runs after
   * the module's top): an absolute import also looks in the folders sys.path gained before it.
   */
  moduleFile(fromFile: string, module: string, level: number, line?: number): string | undefined {
    return this.files.moduleFile(fromFile, module, level, level === 0 ? this.searchPath(fromFile, line) : undefined);
  }

  /**
   * The module Cog imports first (the predictor's file). The folders it adds to sys.path are
   * seen by the imports after them in it, and by every import of the other local modules (most
   * are imported after the insert; one imported before it is read as if after).
   */
  setEntry(file: string): void {
    this.entryFile = file;
  }

  /** The project folders `file` adds to sys.path at its top, in statement order. */
  sysPathEntries(file: string): readonly SysPathEntry[] {
    return this.sysPathOf(file);
  }

  /** Statements adding to sys.path whose path cannot be read, in the modules looked at so far (the entry always). */
  sysPathProblems(): SysPathProblem[] {
    if (this.entryFile !== undefined) this.sysPathOf(this.entryFile);
    return this.sysPathIssues;
  }

  /** The sys.path folders an import in `file` at `line` sees, or undefined when there are none. */
  private searchPath(file: string, line: number | undefined): SearchPath | undefined {
    const own = this.sysPathOf(file).filter((e) => line === undefined || e.line < line);
    const entry = this.entryFile !== undefined && this.entryFile !== file ? this.sysPathOf(this.entryFile) : [];
    if (own.length === 0 && entry.length === 0) return undefined;
    const first: string[] = [];
    const last: string[] = [];
    // insert(0, ...) puts each folder before the ones inserted earlier.
    for (const e of [...entry, ...own]) {
      if (e.first) first.unshift(e.dir);
      else last.push(e.dir);
    }
    return { first, last };
  }

  /** The folders a module adds to sys.path at its top (it is parsed only when it mentions sys.path). */
  private sysPathOf(file: string): SysPathEntry[] {
    const known = this.sysPaths.get(file);
    if (known) return known;
    // Reading the statements resolves `os` and `sys`: those lookups must not ask for this again.
    this.sysPaths.set(file, []);
    const read = this.files.source(file);
    if (read.kind !== 'text' || !SYS_PATH_USE.test(read.text)) return [];
    const mod = this.load(file);
    if (!('root' in mod)) return [];
    const { entries, problems } = readSysPath(mod, (m, node) => this.resolve(m, node));
    pushAll(this.sysPathIssues, problems);
    this.sysPaths.set(file, entries);
    return entries;
  }

  /** Loads (once) a project file as a module: read, parsed and indexed. */
  load(file: string, options: LoadOptions = {}): PyModule | LoadProblem {
    const cached = this.modules.get(file);
    if (cached) return cached;
    const read = this.files.source(file);
    let result: PyModule | LoadProblem;
    if (read.kind !== 'text') result = read;
    else {
      const parsed = parsePython(read.text, {
        keepNames: options.keepNames ?? this.options.keepNames ?? [],
        keepMembers: options.keepMembers ?? this.options.keepMembers ?? [],
        ...(options.budgetMs ?? this.options.budgetMs ? { budgetMs: options.budgetMs ?? this.options.budgetMs } : {}),
      });
      if (!parsed.root) result = { kind: 'timeout', file };
      else if (parsed.syntaxError) result = { kind: 'syntax', file, ...parsed.syntaxError };
      else result = indexModule(file, parsed, parsed.root);
    }
    this.modules.set(file, result);
    return result;
  }

  /**
   * Modules that a name was resolved in (so they were parsed) and that have a syntax error or ran
   * out of their parse budget. A module nothing resolves a name in is never parsed here: its
   * syntax is checked by `verify --level static`, as Python would check it.
   */
  parseProblems(): Extract<LoadProblem, { kind: 'syntax' | 'timeout' }>[] {
    const out: Extract<LoadProblem, { kind: 'syntax' | 'timeout' }>[] = [];
    for (const m of this.modules.values()) if ('kind' in m && m.kind !== 'read') out.push(m);
    return out;
  }

  /** A project file's text (read once, shared with `load`), so a caller can look before parsing. */
  text(file: string): string | undefined {
    const read = this.files.source(file);
    return read.kind === 'text' ? read.text : undefined;
  }

  /** The module loaded for a file, if it loaded cleanly. */
  loaded(file: string): PyModule | undefined {
    const m = this.modules.get(file);
    return m && 'root' in m ? m : undefined;
  }

  /** Resolves an identifier/attribute expression as seen from module `mod`. */
  resolve(mod: PyModule, node: SyntaxNode, depth = 0): Resolved | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    const n = unwrapExpr(node);
    if (n.type === 'identifier') return this.lookup(mod, n.text, depth + 1);
    if (n.type === 'attribute') {
      const obj = n.childForFieldName('object');
      const attr = n.childForFieldName('attribute')?.text;
      if (!obj || !attr) return undefined;
      const viaPackage = this.resolveThroughImportedPackage(mod, n, depth + 1);
      if (viaPackage) return viaPackage;
      const base = this.resolve(mod, obj, depth + 1);
      if (!base) return undefined;
      if (base.kind === 'external') return { kind: 'external', qname: `${base.qname}.${attr}` };
      if (base.kind === 'module') return this.lookup(base.module, attr, depth + 1) ?? this.submodule(base.module, attr);
      return undefined;
    }
    return undefined;
  }

  /**
   * `import utils.base` then `utils.base.X`: the longest dotted prefix that is a local module file,
   * which also covers folders without __init__.py (namespace packages).
   */
  private resolveThroughImportedPackage(mod: PyModule, n: SyntaxNode, depth: number): Resolved | undefined {
    // Real module paths are short; a hostile `a.b.b.b...` chain must not cost quadratic time.
    const dotted = dottedName(n, MAX_RESOLVE_DEPTH);
    if (!dotted) return undefined;
    const parts = dotted.split('.');
    const binding = mod.imports.get(parts[0]!);
    if (!binding || binding.kind !== 'module' || binding.module !== parts[0] || mod.classes.has(parts[0]!) || mod.functions.has(parts[0]!)) return undefined;
    const line = lineOf(binding.node);
    for (let i = parts.length - 1; i >= 1; i--) {
      const file = this.moduleFile(mod.file, parts.slice(0, i).join('.'), 0, line);
      if (!file) continue;
      const m = this.load(file);
      if (!('root' in m)) return undefined;
      let current: Resolved | undefined = { kind: 'module', module: m };
      for (const part of parts.slice(i)) {
        if (current?.kind !== 'module') return current?.kind === 'external' ? { kind: 'external', qname: `${current.qname}.${part}` } : undefined;
        current = this.lookup(current.module, part, depth + 1) ?? this.submodule(current.module, part);
      }
      return current;
    }
    return undefined;
  }

  /** What `name` means at module level of `mod` (definitions, then imports, then builtins). */
  lookup(mod: PyModule, name: string, depth = 0): Resolved | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    const cls = mod.classes.get(name);
    if (cls) return { kind: 'class', module: mod, name, node: cls };
    const fn = mod.functions.get(name);
    if (fn) return { kind: 'function', module: mod, name, node: fn };
    const values = mod.assignments.get(name);
    if (values && values.length) return { kind: 'value', module: mod, name, node: values[values.length - 1]! };
    const binding = mod.imports.get(name);
    if (binding) return this.resolveBinding(mod, binding, depth + 1);
    return undefined;
  }

  private resolveBinding(mod: PyModule, b: ImportBinding, depth: number): Resolved | undefined {
    const line = lineOf(b.node);
    if (b.kind === 'module') {
      const file = this.moduleFile(mod.file, b.module, 0, line);
      if (file) {
        const m = this.load(file);
        if ('root' in m) return { kind: 'module', module: m };
        return undefined;
      }
      return { kind: 'external', qname: b.module };
    }
    const file = this.moduleFile(mod.file, b.module, b.level, line);
    if (!file) {
      const sub = this.moduleFile(mod.file, b.module ? `${b.module}.${b.name}` : b.name, b.level, line);
      if (sub) {
        const m = this.load(sub);
        return 'root' in m ? { kind: 'module', module: m } : undefined;
      }
      if (b.level > 0) return undefined;
      return { kind: 'external', qname: `${b.module}.${b.name}` };
    }
    const m = this.load(file);
    if (!('root' in m)) return undefined;
    if (m === mod && b.level > 0 && !b.module) return this.submodule(m, b.name);
    return this.lookup(m, b.name, depth + 1) ?? this.submodule(m, b.name);
  }

  /** `pkg.sub` where `pkg` is a local package (its __init__.py) and `sub` a module file beside it. */
  private submodule(pkg: PyModule, name: string): Resolved | undefined {
    if (!pkg.file.endsWith('__init__.py')) return undefined;
    const file = this.moduleFile(pkg.file, name, 1);
    if (!file) return undefined;
    const m = this.load(file);
    return 'root' in m ? { kind: 'module', module: m } : undefined;
  }

  /**
   * Local module files imported anywhere in `mod` (also inside functions), transitively, in
   * discovery order, excluding `mod` itself. The files are read and scanned for imports, not
   * parsed. Problems are returned, not thrown: files that cannot be read, relative imports that
   * name nothing in the project, and module files that may not be read (symlinks leaving it),
   * each with the import statement that asked for it.
   */
  localImports(mod: PyModule): { files: string[]; problems: ImportProblem[] } {
    const seen = new Set<string>([mod.file]);
    const files: string[] = [];
    const problems: ImportProblem[] = [];
    const queue: { file: string; text: string }[] = [{ file: mod.file, text: mod.parsed.text }];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { found, missing } = this.importedFiles(next.file, next.text);
      pushAll(problems, missing);
      for (const { file, at } of found) {
        if (seen.has(file)) continue;
        seen.add(file);
        files.push(file);
        const read = this.files.source(file);
        if (read.kind === 'text') queue.push({ file, text: read.text });
        else problems.push({ problem: read, at });
      }
    }
    return { files, problems };
  }

  private importedFiles(fromFile: string, text: string): { found: { file: string; at: ImportSite }[]; missing: ImportProblem[] } {
    const found: { file: string; at: ImportSite }[] = [];
    const missing: ImportProblem[] = [];
    for (const stmt of scanImports(text)) {
      const at: ImportSite = { file: fromFile, line: stmt.line, column: stmt.column };
      const line = stmt.deferred ? undefined : stmt.line;
      if (stmt.deferred) at.deferred = true;
      if (stmt.guarded) at.guarded = true;
      const add = (f: string | undefined) => { if (f && !found.some((x) => x.file === f)) found.push({ file: f, at }); return f; };
      const refusedAmong = (module: string, level: number) => this.files.candidates(fromFile, module, level, level === 0 ? this.searchPath(fromFile, line) : undefined).find((c) => this.files.refused.has(c));
      const refusal = (file: string): ImportProblem => ({ problem: { kind: 'read', file, problem: 'outside', detail: this.files.refused.get(file)! }, at });
      if (stmt.kind === 'import') {
        for (const full of stmt.modules) {
          // `import a.b.c` loads a, a.b and a.b.c.
          for (let i = 1; i <= full.length; i++) add(this.moduleFile(fromFile, full.slice(0, i).join('.'), 0, line));
          const refused = refusedAmong(full[0]!, 0);
          if (refused) missing.push(refusal(refused));
        }
        continue;
      }
      const full = stmt.module ? stmt.module.split('.') : [];
      for (const name of stmt.names) {
        if (stmt.level === 0) for (let i = 1; i < full.length; i++) add(this.moduleFile(fromFile, full.slice(0, i).join('.'), 0, line));
        const pkg = add(this.moduleFile(fromFile, stmt.module, stmt.level, line));
        // `from pkg import sub` may name a submodule (also in folders without __init__.py).
        const subName = stmt.module ? `${stmt.module}.${name}` : name;
        const sub = add(this.moduleFile(fromFile, subName, stmt.level, line));
        const refused = refusedAmong(stmt.module, stmt.level) ?? refusedAmong(subName, stmt.level);
        if (refused) missing.push(refusal(refused));
        else if (stmt.level > 0 && !pkg && !sub) {
          const dots = '.'.repeat(stmt.level);
          missing.push({ problem: { kind: 'read', file: fromFile, problem: 'missing', detail: `from ${dots}${stmt.module} import ${name}: no such module in the project` }, at });
        }
      }
    }
    return { found, missing };
  }


}

function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}
