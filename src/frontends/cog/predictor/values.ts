// Values in the predictor (defaults, choices, constraints): literals, folded where static, with
// names resolved to module-level constants of the same file or of a local module, and to
// class attributes (`Styles.NAMES` where `class Styles: NAMES = [...]`, also imported).

import type { LiteralValue } from '../../../ir/types.js';
import { evalLiteral, type LiteralResult, type NameResolver } from '../../../python/literal.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { unwrapExpr } from '../../../python/nodes.js';
import type { Ctx } from './context.js';

/** Class bodies nest a few levels at most (`Config.Styles.NAMES`); deeper is not followed. */
const MAX_CLASS_NESTING = 8;

interface ClassRef {
  module: PyModule;
  node: SyntaxNode;
}

/** The last `name = value` directly in a class body (what the class attribute is after the body ran). */
function classAssignment(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (a?.type !== 'assignment' || a.childForFieldName('left')?.type !== 'identifier' || a.childForFieldName('left')?.text !== name) continue;
    found = a.childForFieldName('right') ?? found;
  }
  return found;
}

function nestedClass(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'class_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return undefined;
}

/** The class an expression names: a module-level class (local or imported), or one nested in it. */
export function classNamed(ctx: Ctx, mod: PyModule, node: SyntaxNode, depth = 0): ClassRef | undefined {
  const n = unwrapExpr(node);
  const r = ctx.graph.resolve(mod, n);
  if (r?.kind === 'class') return { module: r.module, node: r.node };
  if (r || n.type !== 'attribute' || depth >= MAX_CLASS_NESTING) return undefined;
  const outer = classNamed(ctx, mod, n.childForFieldName('object')!, depth + 1);
  const inner = outer && nestedClass(outer.node, n.childForFieldName('attribute')!.text);
  return outer && inner ? { module: outer.module, node: inner } : undefined;
}

/**
 * Names inside a class body see the body's own earlier attributes first, then the module's
 * globals (`class S: NAMES = [...]; DEFAULT = NAMES[0]`).
 */
function classBodyResolver(ctx: Ctx, cls: ClassRef): NameResolver {
  const outer = resolverFor(ctx, cls.module);
  return (node) => {
    const value = node.type === 'identifier' ? classAssignment(cls.node, node.text) : undefined;
    return value ? { node: value, resolve: classBodyResolver(ctx, cls) } : outer(node);
  };
}

/** Resolves names in `mod` to the value expressions of module-level constants and class attributes. */
export function resolverFor(ctx: Ctx, mod: PyModule): NameResolver {
  return (node: SyntaxNode) => {
    const r = ctx.graph.resolve(mod, node);
    if (r?.kind === 'value') return { node: r.node, resolve: resolverFor(ctx, r.module) };
    if (r || node.type !== 'attribute') return undefined;
    const cls = classNamed(ctx, mod, node.childForFieldName('object')!);
    const value = cls && classAssignment(cls.node, node.childForFieldName('attribute')!.text);
    return cls && value ? { node: value, resolve: classBodyResolver(ctx, cls) } : undefined;
  };
}

export function literalOf(ctx: Ctx, mod: PyModule, node: SyntaxNode, resolve: NameResolver = resolverFor(ctx, mod)): LiteralResult {
  return evalLiteral(node, resolve);
}

export function isNumber(v: LiteralValue): v is number {
  return typeof v === 'number';
}
