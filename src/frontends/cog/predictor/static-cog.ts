// What Cog's current static schema generator (pkg/schema/python, v0.22: the code `cog build`
// runs) reads from a parameter, where it reads less than the model has at runtime. It resolves
// only literals and, for a few keywords, plain names assigned a literal at the top of the
// predictor's own file; it does not follow imports, class attributes of imported classes,
// derived constants or local helper functions, all of which Cog 0.19 and older evaluated at
// import. Facts from pkg/schema/python (inputs.go, module_scope.go, literals.go), checked
// against the Go oracle (test/oracle/go); docs/openapi.md lists the shapes.

import type { Input, LiteralValue, StaticCogKeyword, StaticCogReading } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { callArguments } from '../../../python/nodes.js';
import type { SharedInput } from './helper-inputs.js';
import { cogDefault, cogLiteral, cogNumber, cogString, partialTuple } from './static-cog-literals.js';

type ScopeKind = 'string' | 'list' | 'dict' | 'other';

interface ScopeEntry {
  kind: ScopeKind;
  node: SyntaxNode;
}

/** Go's collectModuleScope: direct top-level `NAME = <literal>`; the last readable one wins. */
const scopes = new WeakMap<SyntaxNode, Map<string, ScopeEntry>>();
function moduleScope(mod: PyModule): Map<string, ScopeEntry> {
  const known = scopes.get(mod.root);
  if (known) return known;
  const scope = new Map<string, ScopeEntry>();
  for (const stmt of mod.root.namedChildren) {
    const a = stmt.type === 'expression_statement' && stmt.namedChildCount === 1 ? stmt.namedChildren[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || !cogLiteral(right, mod.parsed.source)) continue;
    const kind: ScopeKind = right.type === 'string' || right.type === 'concatenated_string' ? 'string' : right.type === 'list' || right.type === 'tuple' ? 'list' : right.type === 'dictionary' ? 'dict' : 'other';
    scope.set(left.text, { kind, node: right });
  }
  scopes.set(mod.root, scope);
  return scope;
}

function cogBool(node: SyntaxNode): boolean {
  return node.type === 'true' || node.type === 'false';
}

function scopeHas(mod: PyModule, node: SyntaxNode, kind?: ScopeKind): boolean {
  if (node.type !== 'identifier') return false;
  const e = moduleScope(mod).get(node.text);
  return !!e && (kind === undefined || e.kind === kind);
}

/** Whether Go reads the expression (or the top-level constant it names) as a tuple in part. */
export function readsTupleInPart(mod: PyModule, node: SyntaxNode): boolean {
  const e = node.type === 'identifier' ? moduleScope(mod).get(node.text) : undefined;
  return partialTuple(e ? e.node : node, mod.parsed.source);
}

/** Go's resolveChoicesExpr: a literal list, a list name, `list(D.keys()/values())`, `a + b`. */
function cogChoices(mod: PyModule, node: SyntaxNode): boolean {
  if (node.type === 'list') return cogLiteral(node, mod.parsed.source);
  if (node.type === 'identifier') return scopeHas(mod, node, 'list');
  if (node.type === 'binary_operator') {
    const op = node.childForFieldName('operator')?.text;
    return op === '+' && cogChoices(mod, node.childForFieldName('left')!) && cogChoices(mod, node.childForFieldName('right')!);
  }
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'list') return false;
  const inner = node.childForFieldName('arguments')?.namedChildren[0];
  const fn = inner?.type === 'call' ? inner.childForFieldName('function') : undefined;
  const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const method = fn?.childForFieldName('attribute')?.text;
  return !!obj && (method === 'keys' || method === 'values') && scopeHas(mod, obj, 'dict');
}

/**
 * The list Go reads for choices it can resolve. Its dict literal keeps only the pairs whose key
 * and value are both literals, so `list(SCHEDULERS.keys())` over `{"ddim": DDIMScheduler}` is
 * empty to it (and the input has no enum).
 */
function cogChoicesValue(mod: PyModule, node: SyntaxNode): LiteralValue[] | undefined {
  if (node.type === 'list') return listOf(cogDefault(node, mod.parsed.source));
  if (node.type === 'identifier') {
    const e = moduleScope(mod).get(node.text);
    return e ? listOf(cogDefault(e.node, mod.parsed.source)) : undefined;
  }
  if (node.type === 'binary_operator') {
    const l = cogChoicesValue(mod, node.childForFieldName('left')!);
    const r = cogChoicesValue(mod, node.childForFieldName('right')!);
    return l && r ? [...l, ...r] : undefined;
  }
  const fn = node.childForFieldName('arguments')?.namedChildren[0]?.childForFieldName('function');
  const dict = moduleScope(mod).get(fn?.childForFieldName('object')?.text ?? '')?.node;
  if (!fn || dict?.type !== 'dictionary') return undefined;
  const keys = fn.childForFieldName('attribute')?.text === 'keys';
  const out: LiteralValue[] = [];
  for (const pair of dict.namedChildren) {
    const k = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const v = pair.childForFieldName('value');
    const key = k && cogDefault(k, mod.parsed.source);
    const value = v && cogDefault(v, mod.parsed.source);
    if (key === undefined || value === undefined) continue;
    out.push(keys ? key : value);
  }
  return out;
}

function listOf(v: LiteralValue | undefined): LiteralValue[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Whether Go reads this keyword's value the way it is written. */
function cogReadsKeyword(mod: PyModule, keyword: StaticCogKeyword, node: SyntaxNode): boolean {
  switch (keyword) {
    case 'default': return cogLiteral(node, mod.parsed.source) || scopeHas(mod, node);
    case 'description': return cogString(node) || scopeHas(mod, node, 'string');
    case 'regex': return cogString(node);
    case 'ge': case 'le': case 'min_length': case 'max_length': return cogNumber(node);
    case 'deprecated': return cogBool(node);
    case 'choices': return cogChoices(mod, node);
  }
}

/** The value Go reads for a keyword it can read: the literal, or the top-level constant it names. */
function cogValue(mod: PyModule, node: SyntaxNode): LiteralValue {
  const e = node.type === 'identifier' ? moduleScope(mod).get(node.text) : undefined;
  return cogDefault(e ? e.node : node, mod.parsed.source) ?? null;
}

type ScalarKeyword = Exclude<StaticCogKeyword, 'choices'>;

const KEYWORDS: readonly ScalarKeyword[] = ['default', 'description', 'ge', 'le', 'min_length', 'max_length', 'regex', 'deprecated'];

/** The IR's value for a keyword, when the frontend resolved one. */
function irValue(input: Input, keyword: ScalarKeyword): LiteralValue | undefined {
  switch (keyword) {
    case 'default': return input.default !== 'required' && input.default.kind === 'literal' ? input.default.value : undefined;
    case 'min_length': return input.minLength;
    case 'max_length': return input.maxLength;
    default: return input[keyword];
  }
}

function same(a: LiteralValue | undefined, b: LiteralValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Go's isInputCall: the callee is spelled `Input`, or a name imported from cog as Input.
 * (`cog.Input(...)` is not one to it.)
 */
function cogInputCall(mod: PyModule, call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  if (fn.text === 'Input') return true;
  const b = mod.imports.get(fn.text);
  return b?.kind === 'from' && b.module === 'cog' && b.name === 'Input';
}

function keywordNodes(call: SyntaxNode): Map<string, SyntaxNode> {
  return new Map(callArguments(call).keywords.map((k) => [k.name, k.value]));
}

/** Compares what Go reads from an Input() call's keywords with the IR; records the differences. */
function compareInputCall(mod: PyModule, call: SyntaxNode, input: Input, overrides: Map<string, LiteralValue> = new Map()): StaticCogReading | undefined {
  const nodes = keywordNodes(call);
  const choices = nodes.get('choices');
  if (choices && input.choices?.kind === 'literal' && !cogChoices(mod, choices)) return { refuses: `parameter '${input.name}': choices expression cannot be statically resolved` };
  const reads: StaticCogReading['reads'] = {};
  if (choices && input.choices?.kind === 'literal') {
    const theirs = cogChoicesValue(mod, choices);
    if (theirs && !same(input.choices.value, theirs)) reads.choices = theirs;
  } else if (choices && input.choices?.kind === 'source' && cogChoices(mod, choices)) {
    // A tuple constant with an item neither reader folds (`("a", "b", compute())`): the model
    // has all three, the IR none, Go the two it reads.
    const theirs = cogChoicesValue(mod, choices);
    if (theirs && theirs.length > 0) reads.choices = theirs;
  }
  // Go reads keyword arguments only: a positional default is no default at all (not even None).
  const positionalDefault = callArguments(call).positional.length > 0 && !overrides.has('default');
  const noDefault = positionalDefault && input.default !== 'required' && input.default.kind === 'literal';
  for (const keyword of KEYWORDS) {
    const ours = irValue(input, keyword);
    if (ours === undefined || (keyword === 'default' && positionalDefault)) continue;
    const node = nodes.get(keyword);
    let theirs: LiteralValue = null;
    if (overrides.has(keyword)) theirs = overrides.get(keyword)!;
    else if (node && cogReadsKeyword(mod, keyword, node)) theirs = cogValue(mod, node);
    if (!same(ours, theirs)) reads[keyword] = theirs;
  }
  const partial = sourceDefaultRead(mod, input, positionalDefault ? undefined : nodes.get('default'));
  if (partial !== undefined) reads.default = partial;
  if (Object.keys(reads).length === 0) return noDefault ? { noDefault } : undefined;
  return noDefault ? { reads, noDefault } : { reads };
}

/**
 * Go's registry of shared inputs holds only classes defined at the top of the predictor's own
 * file: an attribute `Cls.name = Input(...)`, or a method whose body returns Input(...), whose
 * call-site arguments named default, description, ge or le replace those keywords.
 */
function sharedReading(mod: PyModule, value: SyntaxNode, shared: SharedInput, input: Input): StaticCogReading | undefined {
  const refused: StaticCogReading = { refuses: `parameter '${input.name}': default \`${value.text}\` cannot be statically resolved` };
  const key = shared.via === 'helper' ? value.childForFieldName('function') : value;
  const [cls, member, extra] = key?.type === 'attribute' ? key.text.split('.') : [];
  if (extra !== undefined || !cls || !member || shared.module !== mod || !mod.classes.has(cls) || !cogInputCall(mod, shared.call)) return refused;
  if (shared.via === 'class-attribute') return compareInputCall(mod, shared.call, input);
  const params = paramNames(shared.helper!);
  const overrides = new Map<string, LiteralValue>();
  const { positional, keywords } = callArguments(value);
  const given = [...positional.map((node, i) => ({ name: params[i], node })), ...keywords.map((k) => ({ name: k.name, node: k.value }))];
  for (const { name, node } of given) {
    const ok = name === 'default' ? cogLiteral(node, mod.parsed.source) : name === 'description' ? cogString(node) : name === 'ge' || name === 'le' ? cogNumber(node) : false;
    if (name && ok) overrides.set(name, cogValue(mod, node));
  }
  return compareInputCall(mod, shared.call, input, overrides);
}

/** Go's ParamNames of a method: every parameter but self and cls. */
function paramNames(def: SyntaxNode): string[] {
  const out: string[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    const id = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChildren.find((c) => c.type === 'identifier') : p.childForFieldName('name');
    if (id && id.text !== 'self' && id.text !== 'cls') out.push(id.text);
  }
  return out;
}

/**
 * How Cog's static generator reads parameter `value` of a predict function in `mod` (its own
 * file, whose top-level literals are all it resolves names against), compared with the input
 * the frontend read; undefined where they agree.
 */
export function staticCogReading(mod: PyModule, value: SyntaxNode | undefined, input: Input, shared: SharedInput | undefined): StaticCogReading | undefined {
  if (!value) return undefined;
  if (shared) return sharedReading(mod, value, shared, input);
  if (input.spelling === 'Input') {
    if (!cogInputCall(mod, value)) return { refuses: `parameter '${input.name}': default \`${value.text}\` cannot be statically resolved` };
    return compareInputCall(mod, value, input);
  }
  if (input.default === 'required') return undefined;
  if (input.default.kind === 'source') {
    const partial = sourceDefaultRead(mod, input, value);
    return partial === undefined ? undefined : { reads: { default: partial } };
  }
  if (!cogReadsKeyword(mod, 'default', value)) return { refuses: `parameter '${input.name}': default \`${value.text}\` cannot be statically resolved` };
  const theirs = cogValue(mod, value);
  return same(input.default.value, theirs) ? undefined : { reads: { default: theirs } };
}

/**
 * What Go reads for a default the IR keeps as source text, where that is a value: a tuple it
 * reads in part (`(1, compute(), 3)` is [1, 3] to it). None (it reads nothing) is left out: the
 * static dialect already writes a source default as no default.
 */
function sourceDefaultRead(mod: PyModule, input: Input, node: SyntaxNode | undefined): LiteralValue | undefined {
  if (!node || input.default === 'required' || input.default.kind !== 'source' || !cogReadsKeyword(mod, 'default', node)) return undefined;
  const theirs = cogValue(mod, node);
  return theirs === null ? undefined : theirs;
}
