// Indexing one parsed module: the names its imports bind, and its module-level classes,
// functions and assignments.

import type { ParsedPython, SyntaxNode } from './parse.js';
import { definitionOf, nameOf, statements } from './nodes.js';
import type { ImportBinding, PyModule } from './modules.js';

export const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

/** One name an import statement binds; `full` is the whole dotted module it loads (`import a.b` binds `a`). */
export interface BoundImport {
  local: string;
  binding: ImportBinding;
  full: string[];
}

/** The bindings one import statement makes. `from x import *` binds nothing nameable. */
export function bindingsOf(stmt: SyntaxNode): BoundImport[] {
  const out: BoundImport[] = [];
  if (stmt.type === 'import_statement') {
    for (const item of stmt.namedChildren) {
      if (item.type === 'dotted_name') {
        const parts = item.namedChildren.map((c) => c.text);
        out.push({ local: parts[0]!, binding: { kind: 'module', module: parts[0]!, level: 0, node: stmt }, full: parts });
      } else if (item.type === 'aliased_import') {
        const nameNode = item.childForFieldName('name');
        const alias = item.childForFieldName('alias')?.text;
        if (!nameNode || !alias) continue;
        const module = nameNode.text.replace(/\s+/g, '');
        out.push({ local: alias, binding: { kind: 'module', module, level: 0, node: stmt }, full: module.split('.') });
      }
    }
    return out;
  }
  if (stmt.type !== 'import_from_statement') return out;
  const modNode = stmt.childForFieldName('module_name');
  if (!modNode) return out;
  let level = 0;
  let module = '';
  if (modNode.type === 'relative_import') {
    const prefix = modNode.namedChildren.find((c) => c.type === 'import_prefix');
    level = prefix ? prefix.text.replace(/\s+/g, '').length : 0;
    module = modNode.namedChildren.find((c) => c.type === 'dotted_name')?.text.replace(/\s+/g, '') ?? '';
  } else module = modNode.text.replace(/\s+/g, '');
  const full = module ? module.split('.') : [];
  for (const item of stmt.childrenForFieldName('name')) {
    let name: string | undefined;
    let local: string | undefined;
    if (item.type === 'dotted_name') { name = item.text; local = item.text; }
    else if (item.type === 'aliased_import') { name = item.childForFieldName('name')?.text; local = item.childForFieldName('alias')?.text; }
    if (name && local) out.push({ local, binding: { kind: 'from', module, level, name, node: stmt }, full });
  }
  return out;
}

const NESTING = new Set(['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block']);

/**
 * Module-level statements, looking inside if/try/with blocks (where conditional imports live).
 * Statements under `except` are fallbacks: `try: from cog import BasePredictor` /
 * `except ImportError: BasePredictor = object` means cog's, whenever cog is installed.
 */
export function moduleLevel(block: SyntaxNode, out: { stmt: SyntaxNode; fallback: boolean }[] = [], fallback = false): { stmt: SyntaxNode; fallback: boolean }[] {
  for (const stmt of statements(block)) {
    if (NESTING.has(stmt.type)) {
      moduleLevel(stmt, out, fallback || stmt.type === 'except_clause');
      continue;
    }
    out.push({ stmt, fallback });
  }
  return out;
}

export function indexModule(file: string, parsed: ParsedPython, root: SyntaxNode): PyModule {
  const mod: PyModule = { file, parsed, root, imports: new Map(), classes: new Map(), functions: new Map(), assignments: new Map(), starImports: [] };
  const bound = (name: string) => mod.imports.has(name) || mod.classes.has(name) || mod.functions.has(name) || mod.assignments.has(name);
  for (const { stmt, fallback } of moduleLevel(root)) {
    const name0 = stmt.type === 'expression_statement' ? stmt.namedChildren[0]?.childForFieldName('left')?.text : nameOf(definitionOf(stmt));
    if (fallback && name0 && bound(name0)) continue;
    if (stmt.type === 'import_statement' || stmt.type === 'import_from_statement') {
      // Definitions win over imports in lookup(), which matches the common "try import / fallback".
      for (const b of bindingsOf(stmt)) if (!(fallback && bound(b.local))) mod.imports.set(b.local, b.binding);
      if (stmt.type === 'import_from_statement' && stmt.namedChildren.some((c) => c.type === 'wildcard_import')) {
        const m = stmt.childForFieldName('module_name');
        if (m && m.type === 'dotted_name') mod.starImports.push(m.text.replace(/\s+/g, ''));
      }
      continue;
    }
    const def = definitionOf(stmt);
    const name = nameOf(def);
    if (def.type === 'class_definition' && name) { mod.classes.set(name, def); continue; }
    if (def.type === 'function_definition' && name) { mod.functions.set(name, def); continue; }
    if (stmt.type === 'expression_statement') {
      const a = stmt.namedChildren[0];
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type === 'identifier' && right) {
        const list = mod.assignments.get(left.text) ?? [];
        list.push(right);
        mod.assignments.set(left.text, list);
      }
    }
  }
  return mod;
}
