// A project's Python modules as a lazily loaded graph: reading (never leaving the project),
// parsing, import bindings, module-level definitions, and resolution of names to where they are
// defined — in a local module of the project, or outside it as a dotted name (`cog.Path`).

import { join, posix } from 'node:path';
import { statSync } from 'node:fs';
import { readProjectText, resolveProjectPath, type ReadProblem } from '../fs/project-files.js';
import { decodeDeclared } from './encoding.js';
import { parsePython, type ParsedPython, type SyntaxNode } from './parse.js';
import { descendantsOfTypes, dottedName, unwrapExpr } from './nodes.js';
import { IMPORT_TYPES, bindingsOf, indexModule } from './module-index.js';

export { bindingsOf, type BoundImport } from './module-index.js';

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

export interface LoadOptions {
  keepNames?: readonly string[];
  keepMembers?: readonly string[];
  budgetMs?: number;
}

const MAX_RESOLVE_DEPTH = 32;
const MAX_MODULES = 2000;

export class ModuleGraph {
  private readonly modules = new Map<string, PyModule | LoadProblem>();
  private readonly fileExists = new Map<string, boolean>();

  constructor(readonly root: string, private readonly options: LoadOptions = {}) {}

  /** Loads (once) a project file as a module. */
  load(file: string, options: LoadOptions = {}): PyModule | LoadProblem {
    const cached = this.modules.get(file);
    if (cached) return cached;
    if (this.modules.size >= MAX_MODULES) return { kind: 'read', file, problem: 'too-large', detail: `more than ${MAX_MODULES} local modules` };
    let read: ReturnType<typeof readProjectText>;
    try {
      read = readProjectText(this.root, file);
      if (!read.ok && read.problem === 'not-utf8') {
        const declared = decodeDeclared(this.root, file);
        read = declared.ok ? { ok: true, text: declared.text, path: file } : { ok: false, problem: 'not-utf8', detail: declared.detail };
      }
    } catch (err) {
      // An unreadable root or a file vanishing mid-read: bad input, not a bug.
      read = { ok: false, problem: 'missing', detail: `${file} cannot be read (${err instanceof Error ? err.message : String(err)})` };
    }
    let result: PyModule | LoadProblem;
    if (!read.ok) result = { kind: 'read', file, problem: read.problem, detail: read.detail };
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

  /** The module loaded for a file, if it loaded cleanly. */
  loaded(file: string): PyModule | undefined {
    const m = this.modules.get(file);
    return m && 'root' in m ? m : undefined;
  }

  /** Project-relative file for `module` imported at `level` from `fromFile`, if it is in the project. */
  moduleFile(fromFile: string, module: string, level: number): string | undefined {
    const parts = module ? module.split('.') : [];
    const bases: string[] = [];
    if (level > 0) {
      let dir = posix.dirname(fromFile);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      if (dir.startsWith('..')) return undefined;
      bases.push(dir);
    } else {
      // Cog runs from the project root; predictors in subfolders also see their own folder
      // when run as scripts, so that is tried second.
      bases.push('.');
      const own = posix.dirname(fromFile);
      if (own !== '.') bases.push(own);
    }
    for (const base of bases) {
      const stem = posix.normalize(posix.join(base, ...parts));
      if (stem.startsWith('..')) continue;
      for (const candidate of parts.length ? [`${stem}.py`, `${stem}/__init__.py`] : [`${stem}/__init__.py`]) {
        if (this.exists(candidate)) return posix.normalize(candidate);
      }
    }
    return undefined;
  }

  private exists(file: string): boolean {
    const hit = this.fileExists.get(file);
    if (hit !== undefined) return hit;
    let ok = false;
    try {
      // Most candidates (`torch.py`, `numpy/__init__.py`) do not exist: a plain stat settles those
      // cheaply; the full containment check runs only for files that are there.
      const quick = statSync(join(this.root, file), { throwIfNoEntry: false });
      if (quick) {
        const r = resolveProjectPath(this.root, file);
        ok = r.ok && statSync(r.path).isFile();
      }
    } catch {
      ok = false;
    }
    this.fileExists.set(file, ok);
    return ok;
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
    const dotted = dottedName(n);
    if (!dotted) return undefined;
    const parts = dotted.split('.');
    const binding = mod.imports.get(parts[0]!);
    if (!binding || binding.kind !== 'module' || binding.module !== parts[0] || mod.classes.has(parts[0]!) || mod.functions.has(parts[0]!)) return undefined;
    for (let i = parts.length - 1; i >= 1; i--) {
      const file = this.moduleFile(mod.file, parts.slice(0, i).join('.'), 0);
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
    if (b.kind === 'module') {
      const file = this.moduleFile(mod.file, b.module, 0);
      if (file) {
        const m = this.load(file);
        if ('root' in m) return { kind: 'module', module: m };
        return undefined;
      }
      return { kind: 'external', qname: b.module };
    }
    const file = this.moduleFile(mod.file, b.module, b.level);
    if (!file) {
      const sub = this.moduleFile(mod.file, b.module ? `${b.module}.${b.name}` : b.name, b.level);
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
   * discovery order, excluding `mod` itself. Problems loading them are returned, not thrown.
   */
  localImports(mod: PyModule): { files: string[]; problems: LoadProblem[] } {
    const seen = new Set<string>([mod.file]);
    const files: string[] = [];
    const problems: LoadProblem[] = [];
    const queue: PyModule[] = [mod];
    while (queue.length) {
      const current = queue.shift()!;
      for (const file of this.importedFiles(current)) {
        if (seen.has(file)) continue;
        seen.add(file);
        files.push(file);
        const loaded = this.load(file);
        if ('root' in loaded) queue.push(loaded);
        else problems.push(loaded);
      }
    }
    return { files, problems };
  }

  private importedFiles(mod: PyModule): string[] {
    const out: string[] = [];
    const add = (f: string | undefined) => { if (f && !out.includes(f)) out.push(f); };
    for (const stmt of descendantsOfTypes(mod.root, IMPORT_TYPES)) {
      for (const { binding: b, full } of bindingsOf(stmt)) {
        if (b.kind === 'module') {
          // `import a.b.c` loads a, a.b and a.b.c.
          for (let i = 1; i <= full.length; i++) add(this.moduleFile(mod.file, full.slice(0, i).join('.'), 0));
        } else {
          if (b.level === 0) for (let i = 1; i < full.length; i++) add(this.moduleFile(mod.file, full.slice(0, i).join('.'), 0));
          add(this.moduleFile(mod.file, b.module, b.level));
          // `from pkg import sub` may name a submodule (also in folders without __init__.py).
          add(this.moduleFile(mod.file, b.module ? `${b.module}.${b.name}` : b.name, b.level));
        }
      }
    }
    return out;
  }
}
