// Values in the predictor (defaults, choices, constraints): literals, folded where static, with
// names resolved to module-level constants of the same file or of a local module.

import type { LiteralValue } from '../../../ir/types.js';
import { evalLiteral, type LiteralResult, type NameResolver } from '../../../python/literal.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import type { Ctx } from './context.js';

/** Resolves names in `mod` to the value expressions of module-level constants. */
export function resolverFor(ctx: Ctx, mod: PyModule): NameResolver {
  return (node: SyntaxNode) => {
    const r = ctx.graph.resolve(mod, node);
    if (!r || r.kind !== 'value') return undefined;
    return { node: r.node, resolve: resolverFor(ctx, r.module) };
  };
}

export function literalOf(ctx: Ctx, mod: PyModule, node: SyntaxNode): LiteralResult {
  return evalLiteral(node, resolverFor(ctx, mod));
}

export function isNumber(v: LiteralValue): v is number {
  return typeof v === 'number';
}
