// Comprehensions and comparisons over literal data, for the literal evaluator (literal.ts):
// `[s["name"] for s in STYLES if s["enabled"]]`, `list(k for k, _ in PRESETS.items())`,
// `{k: v["label"] for k, v in MODELS.items()}`. Loop variables are bound as values through the
// resolver, so the body is evaluated by the same rules (and the same step and size bounds) as
// any other expression.

import type { LiteralValue } from '../ir/types.js';
import type { SyntaxNode } from './parse.js';
import { fail, MAX_FOLDED_SIZE, overLimit, type Evaluate, type LiteralResult, type NameResolver } from './literal.js';

type Bindings = Map<string, LiteralValue>;

/** Python's truth value of a literal. */
export function truthy(v: LiteralValue): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** The items a `for` clause walks: a list's items, a string's characters, a dict's keys. */
function iterItems(v: LiteralValue): LiteralValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (v && typeof v === 'object') return Object.keys(v);
  return undefined;
}

/** Binds a `for` target (`x`, `k, v`, `(k, v)`, `[k, v]`) to one item; false when it does not fit. */
function bind(target: SyntaxNode, item: LiteralValue, into: Bindings): boolean {
  if (target.type === 'identifier') {
    into.set(target.text, item);
    return true;
  }
  if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') {
    const parts = target.namedChildren.filter((c) => c.type !== 'comment');
    if (!Array.isArray(item) || item.length !== parts.length) return false;
    return parts.every((p, i) => bind(p, item[i]!, into));
  }
  return false;
}

function withBindings(outer: NameResolver | undefined, bound: Bindings): NameResolver {
  return (n) => (n.type === 'identifier' && bound.has(n.text) ? { value: bound.get(n.text)! } : outer?.(n));
}

/** List, generator (as a list) and dict comprehensions over literal iterables. */
export function comprehension(node: SyntaxNode, resolve: NameResolver | undefined, d: number, evaluate: Evaluate): LiteralResult {
  const body = node.childForFieldName('body');
  const clauses = node.namedChildren.filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
  if (!body || clauses[0]?.type !== 'for_in_clause') return fail(node, 'comprehension is not a literal');
  if (node.children.some((c) => c.type === 'async')) return fail(node, 'async comprehension');
  const isDict = node.type === 'dictionary_comprehension';
  const list: LiteralValue[] = [];
  const dict: { [k: string]: LiteralValue } = {};
  let count = 0;

  const emit = (scope: NameResolver): LiteralResult | undefined => {
    if (++count > MAX_FOLDED_SIZE) return overLimit(node, `the comprehension would make more than ${MAX_FOLDED_SIZE} items`);
    if (!isDict) {
      const v = evaluate(body, scope, d);
      if (!v.ok) return v;
      list.push(v.value);
      return undefined;
    }
    const k = evaluate(body.childForFieldName('key')!, scope, d);
    if (!k.ok) return k;
    if (typeof k.value !== 'string') return fail(body, 'dictionary key is not a string');
    const v = evaluate(body.childForFieldName('value')!, scope, d);
    if (!v.ok) return v;
    dict[k.value] = v.value;
    return undefined;
  };

  // Clauses nest left to right: each `for` loops over what the clauses before it bound.
  const run = (i: number, bound: Bindings): LiteralResult | undefined => {
    const scope = withBindings(resolve, bound);
    const clause = clauses[i];
    if (!clause) return emit(scope);
    if (clause.type === 'if_clause') {
      const cond = clause.namedChildren.find((c) => c.type !== 'comment');
      if (!cond) return fail(clause, 'empty if clause');
      const v = evaluate(cond, scope, d);
      if (!v.ok) return v;
      return truthy(v.value) ? run(i + 1, bound) : undefined;
    }
    const left = clause.childForFieldName('left');
    const right = clause.childForFieldName('right');
    if (!left || !right) return fail(clause, 'comprehension is not a literal');
    const iterable = evaluate(right, scope, d);
    if (!iterable.ok) return iterable;
    const items = iterItems(iterable.value);
    if (!items) return fail(right, 'the comprehension loops over a non-iterable');
    for (const item of items) {
      const next = new Map(bound);
      if (!bind(left, item, next)) return fail(left, 'the loop target does not fit the items');
      const r = run(i + 1, next);
      if (r) return r;
    }
    return undefined;
  };

  const failure = run(0, new Map());
  if (failure) return failure;
  return { ok: true, value: isDict ? dict : list };
}

function equal(a: LiteralValue, b: LiteralValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function contains(container: LiteralValue, item: LiteralValue): boolean | undefined {
  if (typeof container === 'string') return typeof item === 'string' ? container.includes(item) : undefined;
  if (Array.isArray(container)) return container.some((c) => equal(c, item));
  if (container && typeof container === 'object') return typeof item === 'string' ? Object.hasOwn(container, item) : false;
  return undefined;
}

function compareOne(op: string, a: LiteralValue, b: LiteralValue): boolean | undefined {
  switch (op) {
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case 'is': return a === null || b === null || typeof a === 'boolean' ? a === b : undefined;
    case 'is not': return a === null || b === null || typeof a === 'boolean' ? a !== b : undefined;
    case 'in': return contains(b, a);
    case 'not in': { const c = contains(b, a); return c === undefined ? undefined : !c; }
  }
  const ordered = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!ordered) return undefined;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  if (op === '>=') return a >= b;
  return undefined;
}

/** `a == b`, `k in ALLOWED`, `0 < x <= 10` (chained as Python does). */
export function comparison(node: SyntaxNode, resolve: NameResolver | undefined, d: number, evaluate: Evaluate): LiteralResult {
  const operands = node.namedChildren.filter((c) => c.type !== 'comment');
  const operators = node.children.filter((c) => !c.isNamed).map((c) => c.text.replace(/\s+/g, ' '));
  if (operators.length !== operands.length - 1) return fail(node, 'comparison is not a literal');
  let left = evaluate(operands[0]!, resolve, d);
  if (!left.ok) return left;
  for (let i = 0; i < operators.length; i++) {
    const right = evaluate(operands[i + 1]!, resolve, d);
    if (!right.ok) return right;
    const r = compareOne(operators[i]!, left.value, right.value);
    if (r === undefined) return fail(node, `cannot fold ${operators[i]}`);
    if (!r) return { ok: true, value: false };
    left = right;
  }
  return { ok: true, value: true };
}
