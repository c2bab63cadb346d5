// What a name in the user's predictor means in Cog's terms: `CogPath`, `cog.Path` and
// `cog.types.Path` are all `cog.Path`; `typing.List`, `List` and `t.List` are `typing.List`.

import type { ModuleGraph, PyModule, Resolved } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { unwrapExpr } from '../../../python/nodes.js';

/** What `from cog import *` brings in (cog's __all__, across versions). */
const COG_EXPORTS = new Set(['BasePredictor', 'BaseRunner', 'BaseModel', 'Input', 'Path', 'File', 'Secret', 'ConcatenateIterator', 'AsyncConcatenateIterator', 'current_scope', 'emit_metric', 'CancelationException', 'ExperimentalFeatureWarning', 'Predictor', 'input']);

const BUILTINS = new Set(['str', 'int', 'float', 'bool', 'dict', 'list', 'tuple', 'set', 'bytes', 'object', 'type', 'None']);

export type Symbol =
  | { kind: 'name'; qname: string }
  | { kind: 'class'; module: PyModule; node: SyntaxNode; name: string }
  | { kind: 'other'; resolved?: Resolved };

/** Canonical dotted name for an external name. */
export function canonical(qname: string): string {
  if (qname === 'cog' || qname.startsWith('cog.')) {
    const parts = qname.split('.');
    return parts.length === 1 ? 'cog' : `cog.${parts[parts.length - 1]}`;
  }
  if (qname.startsWith('typing_extensions.')) return `typing.${qname.slice('typing_extensions.'.length)}`;
  if (qname.startsWith('collections.abc.')) return `typing.${qname.slice('collections.abc.'.length)}`;
  if (qname.startsWith('pydantic.') && qname.endsWith('.BaseModel')) return 'pydantic.BaseModel';
  // fal's FalBaseModel is a pydantic BaseModel (fal.toolkit.pydantic), however it was imported.
  if (qname.startsWith('fal.toolkit.') && qname.endsWith('.FalBaseModel')) return 'pydantic.BaseModel';
  return qname;
}

/** Resolves an identifier/attribute to a Cog-meaningful symbol. */
export function symbolOf(graph: ModuleGraph, mod: PyModule, node: SyntaxNode): Symbol {
  const n = unwrapExpr(node);
  if (n.type !== 'identifier' && n.type !== 'attribute') return { kind: 'other' };
  const resolved = graph.resolve(mod, n);
  if (!resolved) {
    if (n.type === 'identifier' && BUILTINS.has(n.text)) return { kind: 'name', qname: `builtins.${n.text}` };
    const first = n.type === 'identifier' ? n.text : undefined;
    if (first && COG_EXPORTS.has(first) && mod.starImports.some((m) => m === 'cog')) return { kind: 'name', qname: `cog.${first}` };
    if (first && mod.starImports.includes('typing')) return { kind: 'name', qname: `typing.${first}` };
    return { kind: 'other' };
  }
  if (resolved.kind === 'external') return { kind: 'name', qname: canonical(resolved.qname) };
  if (resolved.kind === 'class') return { kind: 'class', module: resolved.module, node: resolved.node, name: resolved.name };
  return { kind: 'other', resolved };
}

/** Canonical name of a node, or undefined when it is not an external name. */
export function qnameOf(graph: ModuleGraph, mod: PyModule, node: SyntaxNode): string | undefined {
  const s = symbolOf(graph, mod, node);
  return s.kind === 'name' ? s.qname : undefined;
}
