// Classes: which Cog base a class reaches (directly, through a base class in the same file, or
// through one imported from a local module), and where an inherited method is defined.

import type { ModuleGraph, PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { definitionsIn } from '../../../python/nodes.js';
import { symbolOf } from './symbols.js';

export interface ClassRef {
  module: PyModule;
  node: SyntaxNode;
  name: string;
}

const MAX_BASE_DEPTH = 16;

/** Base class expressions (keyword arguments such as `metaclass=` are skipped). */
export function baseExpressions(cls: SyntaxNode): SyntaxNode[] {
  const list = cls.childForFieldName('superclasses');
  if (!list) return [];
  return list.namedChildren.filter((c) => c.type !== 'keyword_argument' && c.type !== 'comment' && c.type !== 'list_splat' && c.type !== 'dictionary_splat');
}

/** Local base classes, resolved, in declaration order. */
export function localBases(graph: ModuleGraph, cls: ClassRef): ClassRef[] {
  const out: ClassRef[] = [];
  for (const expr of baseExpressions(cls.node)) {
    const s = symbolOf(graph, cls.module, expr);
    if (s.kind === 'class') out.push({ module: s.module, node: s.node, name: s.name });
  }
  return out;
}

/**
 * Every external base name the class reaches through its local bases (canonical names such as
 * `cog.BasePredictor`), plus whether some base could not be followed.
 */
export function externalBases(graph: ModuleGraph, cls: ClassRef): { names: Set<string>; unresolved: boolean } {
  const names = new Set<string>();
  let unresolved = false;
  const seen = new Set<SyntaxNode['id']>();
  const visit = (c: ClassRef, depth: number) => {
    if (seen.has(c.node.id)) return;
    if (depth > MAX_BASE_DEPTH) { unresolved = true; return; }
    seen.add(c.node.id);
    for (const expr of baseExpressions(c.node)) {
      const s = symbolOf(graph, c.module, expr);
      if (s.kind === 'name') names.add(s.qname);
      else if (s.kind === 'class') visit({ module: s.module, node: s.node, name: s.name }, depth + 1);
      else unresolved = true;
    }
  };
  visit(cls, 0);
  return { names, unresolved };
}

/** A method defined on the class or inherited from a local base (depth-first, as simple MRO). */
export function findMethod(graph: ModuleGraph, cls: ClassRef, method: string): { owner: ClassRef; node: SyntaxNode } | undefined {
  const seen = new Set<SyntaxNode['id']>();
  const visit = (c: ClassRef, depth: number): { owner: ClassRef; node: SyntaxNode } | undefined => {
    if (depth > MAX_BASE_DEPTH || seen.has(c.node.id)) return undefined;
    seen.add(c.node.id);
    const body = c.node.childForFieldName('body');
    const fn = body ? definitionsIn(body).functions.get(method) : undefined;
    if (fn) return { owner: c, node: fn };
    for (const base of localBases(graph, c)) {
      const hit = visit(base, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  return visit(cls, 0);
}

/** True for classes that reach Cog's or pydantic's BaseModel (Output classes). */
export function isBaseModel(graph: ModuleGraph, cls: ClassRef): boolean {
  const { names } = externalBases(graph, cls);
  return names.has('cog.BaseModel') || names.has('pydantic.BaseModel');
}

/** Local classes in inheritance order (the class first, then bases depth-first). */
export function classChain(graph: ModuleGraph, cls: ClassRef): ClassRef[] {
  const out: ClassRef[] = [];
  const seen = new Set<SyntaxNode['id']>();
  const visit = (c: ClassRef, depth: number) => {
    if (depth > MAX_BASE_DEPTH || seen.has(c.node.id)) return;
    seen.add(c.node.id);
    out.push(c);
    for (const base of localBases(graph, c)) visit(base, depth + 1);
  };
  visit(cls, 0);
  return out;
}
