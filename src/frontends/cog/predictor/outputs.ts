// The return annotation of predict()/train()/run() -> the IR output type, with Cog's output rules.

import type { IrType } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { report, type Ctx } from './context.js';
import { typeReader } from './types.js';

const ITERATOR_KINDS = new Set<IrType['kind']>(['iterator', 'asyncIterator', 'concatenateIterator', 'asyncConcatenateIterator']);

export function readOutput(ctx: Ctx, mod: PyModule, fn: SyntaxNode, what: string, required: boolean): IrType {
  const ann = fn.childForFieldName('return_type');
  if (!ann) {
    if (required) report(ctx, 'CM211', `${what}() has no return annotation; output read as Any`, mod, fn.childForFieldName('name') ?? fn);
    return { kind: 'any' };
  }
  const t = typeReader(ctx, mod).read(ann);
  if (t.kind === 'optional') report(ctx, 'CM222', `${what}() must not return Optional`, mod, ann);
  if (ITERATOR_KINDS.has(t.kind) && 'items' in t) {
    const items = t.items;
    const bare = ann.namedChildren[0];
    if (bare && (bare.type === 'identifier' || bare.type === 'attribute')) report(ctx, 'CM222', `${what}() iterator output needs an item type, e.g. Iterator[str]`, mod, ann);
    if (items.kind === 'optional' || items.kind === 'list') report(ctx, 'CM222', `${what}() iterator items must not be Optional or List`, mod, ann);
    if ((t.kind === 'concatenateIterator' || t.kind === 'asyncConcatenateIterator') && items.kind !== 'str' && items.kind !== 'any') {
      report(ctx, 'CM222', `${what}() ConcatenateIterator must yield str`, mod, ann);
    }
  }
  return t;
}
