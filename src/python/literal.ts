// Static evaluation of Python expressions to JSON-compatible literals: numbers, strings, bools,
// None, lists/tuples, dicts with string keys, unary minus, simple arithmetic and concatenation,
// comprehensions over literal data, and names through a caller-supplied resolver (module
// constants, imported constants, class attributes). Anything else fails with a reason; callers
// keep the source text and report it.

import type { LiteralValue } from '../ir/types.js';
import type { SyntaxNode } from './parse.js';
import { stringValue } from './strings.js';
import { comparison, comprehension, truthy } from './literal-comprehension.js';

export type LiteralResult = { ok: true; value: LiteralValue } | { ok: false; reason: string; node: SyntaxNode; overLimit?: true };

/**
 * Resolves a name or dotted name to the expression node that defines it (and that node's
 * resolver), or to a value already known (a comprehension's loop variable).
 */
export type NameResolver = (node: SyntaxNode) => { node: SyntaxNode; resolve: NameResolver } | { value: LiteralValue } | undefined;

/** One evaluation step, for the helpers in sibling modules (comprehensions). */
export type Evaluate = (node: SyntaxNode, resolve: NameResolver | undefined, depth: number) => LiteralResult;

const MAX_DEPTH = 64;
/** Folded values larger than this (characters, or items) are refused: a default is a few words. */
export const MAX_FOLDED_SIZE = 64 * 1024;
/** Evaluation steps for one top-level value. */
const MAX_STEPS = 20_000;

/**
 * One top-level evaluation: constants defined from each other (`X2 = X1 + X1` ... `X30`) are
 * folded once each (memo by defining node), and the work and the size of what is built are
 * bounded, where a naive fold is exponential in time and in the size of the value.
 */
interface EvalState {
  steps: number;
  memo: Map<number, LiteralResult>;
}
let state: EvalState | undefined;

export function evalLiteral(node: SyntaxNode, resolve?: NameResolver): LiteralResult {
  const outer = state;
  state = outer ?? { steps: 0, memo: new Map() };
  try {
    return evaluate(node, resolve, 0);
  } finally {
    state = outer;
  }
}

export function overLimit(node: SyntaxNode, reason: string): LiteralResult {
  return { ok: false, reason, node, overLimit: true };
}

export function sizeOf(v: LiteralValue): number {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.length;
  if (v && typeof v === 'object') return Object.keys(v).length;
  return 1;
}

export function fail(node: SyntaxNode, reason: string): LiteralResult {
  return { ok: false, reason, node };
}

function evaluate(node: SyntaxNode, resolve: NameResolver | undefined, depth: number): LiteralResult {
  if (depth > MAX_DEPTH) return fail(node, 'expression too deeply nested');
  if (state && ++state.steps > MAX_STEPS) return overLimit(node, `folding it takes more than ${MAX_STEPS} steps`);
  const d = depth + 1;
  switch (node.type) {
    case 'integer': return parseInteger(node);
    case 'float': return parseFloatLiteral(node);
    case 'true': return { ok: true, value: true };
    case 'false': return { ok: true, value: false };
    case 'none': return { ok: true, value: null };
    case 'string':
    case 'concatenated_string': {
      const s = stringValue(node);
      return s.ok ? { ok: true, value: s.value } : fail(node, s.reason);
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.filter((c) => c.type !== 'comment');
      return inner.length === 1 ? evaluate(inner[0]!, resolve, d) : fail(node, 'unsupported expression');
    }
    case 'list':
    case 'tuple': {
      const out: LiteralValue[] = [];
      for (const item of node.namedChildren) {
        if (item.type === 'comment') continue;
        const v = evaluate(item, resolve, d);
        if (!v.ok) return v;
        out.push(v.value);
      }
      return { ok: true, value: out };
    }
    case 'dictionary': {
      const out: { [k: string]: LiteralValue } = {};
      for (const pair of node.namedChildren) {
        if (pair.type === 'comment') continue;
        if (pair.type !== 'pair') return fail(pair, 'dictionary unpacking');
        const k = evaluate(pair.childForFieldName('key')!, resolve, d);
        if (!k.ok) return k;
        if (typeof k.value !== 'string') return fail(pair, 'dictionary key is not a string');
        const v = evaluate(pair.childForFieldName('value')!, resolve, d);
        if (!v.ok) return v;
        out[k.value] = v.value;
      }
      return { ok: true, value: out };
    }
    case 'unary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const arg = evaluate(node.childForFieldName('argument')!, resolve, d);
      if (!arg.ok) return arg;
      if (typeof arg.value !== 'number') return fail(node, `unary ${op} on a non-number`);
      // JSON has no negative zero; -0 would only surprise comparisons later.
      if (op === '-') return { ok: true, value: arg.value === 0 ? 0 : -arg.value };
      if (op === '+') return arg;
      return fail(node, `unary ${op}`);
    }
    case 'binary_operator': return binary(node, resolve, d);
    case 'identifier':
    case 'attribute': return name(node, resolve, d);
    case 'call': return call(node, resolve, d);
    case 'subscript': return subscript(node, resolve, d);
    case 'list_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension': return comprehension(node, resolve, d, evaluate);
    case 'comparison_operator': return comparison(node, resolve, d, evaluate);
    case 'not_operator': {
      const arg = evaluate(node.childForFieldName('argument')!, resolve, d);
      return arg.ok ? { ok: true, value: !truthy(arg.value) } : arg;
    }
    default: return fail(node, `${node.type.replace(/_/g, ' ')} is not a literal`);
  }
}

function parseInteger(node: SyntaxNode): LiteralResult {
  const text = node.text.replace(/_/g, '').toLowerCase();
  if (/[jl]$/.test(text)) return fail(node, 'complex or long literal');
  let big: bigint;
  try {
    big = BigInt(/^0[0-7]+$/.test(text) ? `0o${text.slice(1)}` : text);
  } catch {
    return fail(node, 'malformed integer');
  }
  const value = Number(big);
  if (!Number.isSafeInteger(value)) return fail(node, 'integer too large for an exact JSON number');
  return { ok: true, value };
}

function parseFloatLiteral(node: SyntaxNode): LiteralResult {
  const text = node.text.replace(/_/g, '');
  if (/j$/i.test(text)) return fail(node, 'complex literal');
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : fail(node, 'float out of range');
}

function binary(node: SyntaxNode, resolve: NameResolver | undefined, d: number): LiteralResult {
  const op = node.childForFieldName('operator')?.text;
  const l = evaluate(node.childForFieldName('left')!, resolve, d);
  if (!l.ok) return l;
  const r = evaluate(node.childForFieldName('right')!, resolve, d);
  if (!r.ok) return r;
  const a = l.value;
  const b = r.value;
  if (typeof a === 'number' && typeof b === 'number') {
    let v: number | undefined;
    if (op === '+') v = a + b;
    else if (op === '-') v = a - b;
    else if (op === '*') v = a * b;
    else if (op === '/' && b !== 0) v = a / b;
    else if (op === '//' && b !== 0) v = Math.floor(a / b);
    else if (op === '%' && b !== 0) v = a - b * Math.floor(a / b);
    else if (op === '**' && Number.isInteger(b) && b >= 0) v = a ** b;
    if (v !== undefined && Number.isFinite(v)) return { ok: true, value: v };
    return fail(node, `cannot fold ${op}`);
  }
  if (op === '+' && sizeOf(a) + sizeOf(b) > MAX_FOLDED_SIZE && (typeof a === 'string' || Array.isArray(a))) return overLimit(node, `the folded value would be longer than ${MAX_FOLDED_SIZE}`);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return { ok: true, value: a + b };
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return { ok: true, value: a.concat(b) };
  if (op === '*' && typeof a === 'string' && typeof b === 'number' && Number.isInteger(b) && b >= 0 && a.length * b <= 1 << 16) return { ok: true, value: a.repeat(b) };
  return fail(node, `cannot fold ${op}`);
}

function name(node: SyntaxNode, resolve: NameResolver | undefined, d: number): LiteralResult {
  // `.keys()`-style attribute calls are handled in call(); a bare attribute is a dotted name.
  const target = resolve?.(node);
  if (!target) return fail(node, `${node.text} is not a statically known constant`);
  if ('value' in target) return { ok: true, value: target.value };
  const known = state?.memo.get(target.node.id);
  const r = known ?? evaluate(target.node, target.resolve, d);
  state?.memo.set(target.node.id, r);
  if (r.ok) return r;
  if (r.overLimit) return r;
  const def = target.node.text.replace(/\s+/g, ' ');
  // Say where the name leads, once (nested names would repeat it).
  return r.reason.includes(' is defined as ') ? r : fail(node, `${node.text} is defined as \`${def.length > 50 ? `${def.slice(0, 50)}…` : def}\`: ${r.reason}`);
}

/** `X[0]`, `X[-1]`, `D["key"]` on literal lists, tuples and dicts (no slices). */
function subscript(node: SyntaxNode, resolve: NameResolver | undefined, d: number): LiteralResult {
  const keys = node.childrenForFieldName('subscript');
  if (keys.length !== 1 || keys[0]!.type === 'slice') return fail(node, 'subscript is not a literal');
  const obj = evaluate(node.childForFieldName('value')!, resolve, d);
  if (!obj.ok) return obj;
  const key = evaluate(keys[0]!, resolve, d);
  if (!key.ok) return key;
  const o = obj.value;
  const k = key.value;
  if ((Array.isArray(o) || typeof o === 'string') && typeof k === 'number' && Number.isInteger(k)) {
    const items: LiteralValue[] = Array.isArray(o) ? o : [...o];
    const i = k < 0 ? items.length + k : k;
    if (i >= 0 && i < items.length) return { ok: true, value: items[i]! };
    return fail(node, 'index out of range');
  }
  if (o && typeof o === 'object' && !Array.isArray(o) && typeof k === 'string' && Object.hasOwn(o, k)) return { ok: true, value: o[k]! };
  return fail(node, 'subscript is not a literal');
}

/** The literal keys of a dict display, reached through names; undefined when not a dict display. */
function dictKeys(node: SyntaxNode, resolve: NameResolver | undefined, d: number): LiteralResult | undefined {
  let n = node;
  let r = resolve;
  for (let i = 0; i < MAX_DEPTH && (n.type === 'identifier' || n.type === 'attribute'); i++) {
    const target = r?.(n);
    if (!target || 'value' in target) return undefined;
    n = target.node;
    r = target.resolve;
  }
  if (n.type !== 'dictionary') return undefined;
  const keys: LiteralValue[] = [];
  for (const pair of n.namedChildren) {
    if (pair.type === 'comment') continue;
    if (pair.type !== 'pair') return undefined;
    const k = evaluate(pair.childForFieldName('key')!, r, d);
    if (!k.ok || typeof k.value !== 'string') return undefined;
    keys.push(k.value);
  }
  return { ok: true, value: keys };
}

/** A few pure built-ins over literals: list(), tuple(), sorted(), dict.keys()/values(). */
function call(node: SyntaxNode, resolve: NameResolver | undefined, d: number): LiteralResult {
  const fn = node.childForFieldName('function');
  const argsNode = node.childForFieldName('arguments');
  if (!fn || !argsNode) return fail(node, 'call is not a literal');
  // `list(x for x in ...)`: the generator is the whole argument list.
  const args = argsNode.type === 'generator_expression' ? [argsNode] : argsNode.type === 'argument_list' ? argsNode.namedChildren.filter((c) => c.type !== 'comment') : [];
  if (args.length === 0 && argsNode.type !== 'argument_list') return fail(node, 'call is not a literal');
  if (fn.type === 'identifier' && ['list', 'tuple', 'sorted'].includes(fn.text) && args.length === 1 && args[0]!.type !== 'keyword_argument') {
    const keys = dictKeys(args[0]!, resolve, d);
    const v = keys ?? evaluate(args[0]!, resolve, d);
    if (!v.ok) return v;
    let items: LiteralValue[] | undefined;
    if (Array.isArray(v.value)) items = v.value;
    else if (typeof v.value === 'string') items = [...v.value];
    else if (v.value && typeof v.value === 'object') items = Object.keys(v.value);
    if (!items) return fail(node, `${fn.text}() of a non-iterable`);
    if (fn.text === 'sorted') {
      if (items.every((x) => typeof x === 'string')) items = [...(items as string[])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      else if (items.every((x) => typeof x === 'number')) items = [...(items as number[])].sort((x, y) => x - y);
      else return fail(node, 'sorted() of mixed values');
    }
    return { ok: true, value: items };
  }
  if (fn.type === 'attribute' && args.length === 0) {
    const method = fn.childForFieldName('attribute')?.text;
    if (method === 'keys') {
      // Keys are often literal when values are not (`{"ddim": DDIMScheduler, ...}`).
      const keys = dictKeys(fn.childForFieldName('object')!, resolve, d);
      if (keys) return keys;
    }
    if (method === 'keys' || method === 'values' || method === 'items') {
      const obj = evaluate(fn.childForFieldName('object')!, resolve, d);
      if (!obj.ok) return obj;
      if (!obj.value || typeof obj.value !== 'object' || Array.isArray(obj.value)) return fail(node, `.${method}() of a non-dict`);
      const dict = obj.value;
      if (method === 'items') return { ok: true, value: Object.entries(dict).map(([k, v]) => [k, v]) };
      return { ok: true, value: method === 'keys' ? Object.keys(dict) : Object.values(dict) };
    }
  }
  return fail(node, 'call is not a literal');
}
