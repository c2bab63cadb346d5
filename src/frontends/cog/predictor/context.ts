// State shared by the extractor's steps: the module graph and the findings being collected.

import type { Finding } from '../../../findings/types.js';
import { finding } from '../../../findings/finding.js';
import type { ModuleGraph, PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { locOf } from '../../../python/nodes.js';
import type { IrType, SourceLocation } from '../../../ir/types.js';

export interface Ctx {
  graph: ModuleGraph;
  findings: Finding[];
  /**
   * Types known beyond Cog's own, by canonical name (the fal and Modal frontends add
   * `fal.toolkit.File` and friends); the Cog frontend leaves it empty.
   */
  extraTypes?: (qname: string) => IrType | undefined;
}

/** Adds a finding pointing at `node` in `mod`'s file. */
export function report(ctx: Ctx, code: string, message: string, mod: PyModule, node: SyntaxNode, hint?: string): void {
  ctx.findings.push(finding(code, message, locOf(node, mod.file), hint ? { hint } : {}));
}

export function reportAt(ctx: Ctx, code: string, message: string, loc: SourceLocation | { file: string }, hint?: string): void {
  ctx.findings.push(finding(code, message, loc, hint ? { hint } : {}));
}

/** Source text of a node, shortened for messages. */
export function excerpt(node: SyntaxNode, max = 60): string {
  const t = node.text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
