// What Cog's current static schema generator (pkg/schema/python, v0.22: the code `cog build`
// runs) reads from a parameter, where it reads less than the model has at runtime. It resolves
// only literals and, for a few keywords, plain names assigned a literal at the top of the
// predictor's own file; it does not follow imports, class attributes of imported classes,
// derived constants or local helper functions, all of which Cog 0.19 and older evaluated at
// import. Facts from pkg/schema/python (inputs.go, module_scope.go, literals.go), checked
// against the Go oracle (test/oracle/go); docs/openapi.md lists the shapes.

import type { Input, LiteralValue, StaticCogKeyword, StaticCogReading } from '../../../ir/types.js';
import { evalLiteral } from '../../../python/literal.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { callArguments } from '../../../python/nodes.js';
import type { SharedInput } from './helper-inputs.js';

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
    if (left?.type !== 'identifier' || !right || !cogLiteral(right)) continue;
    const kind: ScopeKind = right.type === 'string' || right.type === 'concatenated_string' ? 'string' : right.type === 'list' || right.type === 'tuple' ? 'list' : right.type === 'dictionary' ? 'dict' : 'other';
    scope.set(left.text, { kind, node: right });
  }
  scopes.set(mod.root, scope);
  return scope;
}

/** Go's parseDefaultValue: which expressions it reads as a value at all. */
function cogLiteral(node: SyntaxNode): boolean {
  switch (node.type) {
    case 'none': case 'true': case 'false': case 'integer': case 'float': case 'dictionary': case 'tuple': return true;
    case 'string': case 'concatenated_string': return cogString(node);
    case 'list': case 'set': return node.namedChildren.filter((c) => c.type !== 'comment').every(cogLiteral);
    case 'unary_operator': return cogNumber(node);
    default: return false;
  }
}

/** Go's parseStringLiteral: plain or r-prefixed quotes only (no f, b or u prefix). */
function cogString(node: SyntaxNode): boolean {
  return (node.type === 'string' || node.type === 'concatenated_string') && /^r?["']/.test(node.text);
}

/** Go's parseNumberLiteral: the text as a float, so never a name. */
function cogNumber(node: SyntaxNode): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(node.text.trim());
}

function cogBool(node: SyntaxNode): boolean {
  return node.type === 'true' || node.type === 'false';
}

function scopeHas(mod: PyModule, node: SyntaxNode, kind?: ScopeKind): boolean {
  if (node.type !== 'identifier') return false;
  const e = moduleScope(mod).get(node.text);
  return !!e && (kind === undefined || e.kind === kind);
}

/** Go's resolveChoicesExpr: a literal list, a list name, `list(D.keys()/values())`, `a + b`. */
function cogChoices(mod: PyModule, node: SyntaxNode): boolean {
  if (node.type === 'list') return cogLiteral(node);
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
  if (node.type === 'list') return listOf(evalLiteral(node));
  if (node.type === 'identifier') {
    const e = moduleScope(mod).get(node.text);
    return e ? listOf(evalLiteral(e.node)) : undefined;
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
    if (!k || !v || !cogLiteral(k) || !cogLiteral(v)) continue;
    const r = evalLiteral(keys ? k : v);
    if (!r.ok) return undefined;
    out.push(r.value);
  }
  return out;
}

function listOf(r: ReturnType<typeof evalLiteral>): LiteralValue[] | undefined {
  return r.ok && Array.isArray(r.value) ? r.value : undefined;
}

/** Whether Go reads this keyword's value the way it is written. */
function cogReadsKeyword(mod: PyModule, keyword: StaticCogKeyword, node: SyntaxNode): boolean {
  switch (keyword) {
    case 'default': return cogLiteral(node) || scopeHas(mod, node);
    case 'description': return cogString(node) || scopeHas(mod, node, 'string');
    case 'regex': return cogString(node);
    case 'ge': case 'le': case 'min_length': case 'max_length': return cogNumber(node);
    case 'deprecated': return cogBool(node);
    case 'choices': return cogChoices(mod, node);
  }
}

/** The value Go reads for a keyword it can read (literals fold the same way in both readers). */
function cogValue(mod: PyModule, node: SyntaxNode): LiteralValue {
  const e = node.type === 'identifier' ? moduleScope(mod).get(node.text) : undefined;
  const r = evalLiteral(e ? e.node : node);
  return r.ok ? r.value : null;
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
  }
  for (const keyword of KEYWORDS) {
    const ours = irValue(input, keyword);
    if (ours === undefined) continue;
    const node = nodes.get(keyword);
    // Positional defaults are not read either (Go looks at keyword arguments only).
    let theirs: LiteralValue = null;
    if (overrides.has(keyword)) theirs = overrides.get(keyword)!;
    else if (node && cogReadsKeyword(mod, keyword, node)) theirs = cogValue(mod, node);
    if (!same(ours, theirs)) reads[keyword] = theirs;
  }
  return Object.keys(reads).length > 0 ? { reads } : undefined;
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
    const ok = name === 'default' ? cogLiteral(node) : name === 'description' ? cogString(node) : name === 'ge' || name === 'le' ? cogNumber(node) : false;
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
  if (input.default === 'required' || input.default.kind !== 'literal') return undefined;
  return cogReadsKeyword(mod, 'default', value) ? undefined : { refuses: `parameter '${input.name}': default \`${value.text}\` cannot be statically resolved` };
}
