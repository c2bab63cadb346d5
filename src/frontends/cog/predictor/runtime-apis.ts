// Uses of Cog runtime APIs that a target has to map: current_scope(), emit_metric /
// record_metric, CancelationException. Import statements are not uses.

import type { RuntimeApiUse } from '../../../ir/types.js';
import type { ModuleGraph, PyModule } from '../../../python/modules.js';
import { descendantsOfTypes, locOf } from '../../../python/nodes.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { qnameOf } from './symbols.js';

const APIS: Record<string, RuntimeApiUse['api']> = {
  'cog.current_scope': 'current_scope',
  'cog.emit_metric': 'emit_metric',
  'cog.record_metric': 'record_metric',
  'cog.CancelationException': 'CancelationException',
};

const NODE_TYPES = new Set(['identifier', 'attribute']);
const NAMES = /current_scope|emit_metric|record_metric|CancelationException/;

function insideImport(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
    if (p.type === 'module' || p.type === 'block') return false;
  }
  return false;
}

export function runtimeApiUses(graph: ModuleGraph, mod: PyModule): RuntimeApiUse[] {
  const out: RuntimeApiUse[] = [];
  if (!NAMES.test(mod.parsed.text)) return out;
  for (const node of descendantsOfTypes(mod.root, NODE_TYPES)) {
    if (!NAMES.test(node.text) || insideImport(node)) continue;
    // The identifier inside `cog.current_scope` is visited too; only the outermost name counts.
    if (node.type === 'identifier' && node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id) {
      // `scope.record_metric(...)`: a method of the scope object, whatever it is called.
      if (node.text === 'record_metric' && node.parent.parent?.type === 'call') out.push({ api: 'record_metric', loc: locOf(node, mod.file) });
      continue;
    }
    const q = qnameOf(graph, mod, node);
    const api = q ? APIS[q] : undefined;
    if (api) out.push({ api, loc: locOf(node, mod.file) });
  }
  return out;
}
