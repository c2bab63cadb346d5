// The literals Cog's current static schema generator reads (pkg/schema/python/literals.go,
// v0.22), as values: where it reads one, and what it reads. Its rules are not Python's: a tuple
// keeps only the items it can read (`(1, compute(), 3)` is [1, 3], `(A, 2)` is [2] even when A
// is a constant), while a list or a set is read whole or not at all (a comment inside one is an
// item it cannot read, so the list is unreadable); a dict keeps the pairs whose key and value
// it reads. Names are never read inside a literal. Strings are read only without f, b or u
// prefixes; we write a string's Python value where Go keeps its escapes raw (docs/openapi.md).

import type { LiteralValue } from '../../../ir/types.js';
import { evalLiteral } from '../../../python/literal.js';
import type { SyntaxNode } from '../../../python/parse.js';

/** Go's parseStringLiteral: plain or r-prefixed quotes only (no f, b or u prefix). */
export function cogString(node: SyntaxNode): boolean {
  return (node.type === 'string' || node.type === 'concatenated_string') && /^r?["']/.test(node.text);
}

/** Go's parseNumberLiteral: the text as a float, so never a name. */
export function cogNumber(node: SyntaxNode): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(node.text.trim());
}

/** A scalar's value as Python has it (numbers fold the same in both readers). */
function scalar(node: SyntaxNode): LiteralValue | undefined {
  const r = evalLiteral(node);
  return r.ok ? r.value : undefined;
}

/**
 * Whether a comment sits between the items of a list or set. Go's tree (go-tree-sitter) has it
 * among the named children, as an item it cannot read; ours is parsed with comments blanked
 * (parse.ts), so `source`, the text as read, is looked at between the items.
 */
export function commentBetweenItems(node: SyntaxNode, source: string): boolean {
  if (node.type !== 'list' && node.type !== 'set') return false;
  let from = node.startIndex + 1;
  for (const item of [...node.namedChildren, undefined]) {
    const to = item ? item.startIndex : node.endIndex - 1;
    if (source.slice(from, to).includes('#')) return true;
    if (item) from = item.endIndex;
  }
  return false;
}

/** Deeper literals are not followed (Go's stack grows; ours must not overflow on hostile input). */
const MAX_DEPTH = 64;

/** Go's parseDefaultValue: the value it reads from an expression, or undefined (it reads none). */
export function cogDefault(node: SyntaxNode, source: string, depth = 0): LiteralValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const d = depth + 1;
  switch (node.type) {
    case 'none': return null;
    case 'true': return true;
    case 'false': return false;
    case 'integer': case 'float': return scalar(node);
    case 'string': case 'concatenated_string': return cogString(node) ? scalar(node) : undefined;
    case 'unary_operator': return cogNumber(node) ? scalar(node) : undefined;
    case 'list': case 'set': {
      if (commentBetweenItems(node, source)) return undefined;
      const out: LiteralValue[] = [];
      for (const item of node.namedChildren) {
        const v = cogDefault(item, source, d);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    // Its comments are items it cannot read, so they drop out with the rest.
    case 'tuple': return node.namedChildren.map((i) => cogDefault(i, source, d)).filter((v): v is LiteralValue => v !== undefined);
    case 'dictionary': {
      const out: { [k: string]: LiteralValue } = {};
      for (const pair of node.namedChildren) {
        if (pair.type !== 'pair') continue;
        const k = cogDefault(pair.childForFieldName('key')!, source, d);
        const v = cogDefault(pair.childForFieldName('value')!, source, d);
        // JSON keys are strings; a dict default with other keys is not one Cog's schema can hold.
        if (typeof k === 'string' && v !== undefined) out[k] = v;
      }
      return out;
    }
    default: return undefined;
  }
}

/** Whether Go reads any value from the expression (parseDefaultValue succeeds). */
export function cogLiteral(node: SyntaxNode, source: string): boolean {
  return cogDefault(node, source) !== undefined;
}

/** Whether the expression is (or holds) a tuple some of whose items Go does not read. */
export function partialTuple(node: SyntaxNode, source: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === 'tuple') return node.namedChildren.some((i) => cogDefault(i, source, depth) === undefined || partialTuple(i, source, depth + 1));
  if (node.type === 'list' || node.type === 'set') return node.namedChildren.some((i) => partialTuple(i, source, depth + 1));
  return false;
}
