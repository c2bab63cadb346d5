// predict()/train()/run() parameters -> IR inputs: `x: int = Input(ge=0)`, `x: int = 3`,
// `x: int`. Values fold statically where they can; what cannot is kept as source and reported.

import type { Input, StaticValue } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import type { LiteralResult, NameResolver } from '../../../python/literal.js';
import { callArguments, identifierName, locOf, unwrapExpr } from '../../../python/nodes.js';
import { excerpt, report, type Ctx } from './context.js';
import { qnameOf } from './symbols.js';
import { typeReader } from './types.js';
import { literalOf } from './values.js';
import { validateInput } from './validate.js';
import { sharedInput } from './helper-inputs.js';
import { staticCogReading } from './static-cog.js';
import { reportStaticCog } from './static-cog-findings.js';

/** Keywords Cog's Input() accepts (cog 0.19 `cog.Input`, same set in the Go static parser). */
export const INPUT_KEYWORDS = ['default', 'description', 'ge', 'le', 'min_length', 'max_length', 'regex', 'choices', 'deprecated'] as const;

export interface Parameter {
  name: string;
  nameNode: SyntaxNode;
  node: SyntaxNode;
  type?: SyntaxNode;
  value?: SyntaxNode;
}

/**
 * Named parameters of a function; `*args`, `**kwargs` and keyword-only parameters are reported
 * (CM216) and left out, as Cog rejects them.
 */
export function parametersOf(ctx: Ctx, mod: PyModule, fn: SyntaxNode, what: string): Parameter[] {
  const out: Parameter[] = [];
  const params = fn.childForFieldName('parameters');
  if (!params) return out;
  let keywordOnly = false;
  for (const p of params.namedChildren) {
    if (p.type === 'comment' || p.type === 'positional_separator') continue;
    if (p.type === 'keyword_separator') { keywordOnly = true; continue; }
    const splat = p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || (p.type === 'typed_parameter' && p.namedChildren.some((c) => c.type === 'list_splat_pattern' || c.type === 'dictionary_splat_pattern'));
    if (splat) {
      report(ctx, 'CM216', `${what}() must not take ${excerpt(p)}`, mod, p);
      if (p.text.startsWith('*') && !p.text.startsWith('**')) keywordOnly = true;
      continue;
    }
    let param: Parameter | undefined;
    if (p.type === 'identifier') param = { name: identifierName(p), nameNode: p, node: p };
    else if (p.type === 'typed_parameter') {
      const id = p.namedChildren.find((c) => c.type === 'identifier');
      const t = p.childForFieldName('type');
      if (id) param = { name: identifierName(id), nameNode: id, node: p, ...(t ? { type: t } : {}) };
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const id = p.childForFieldName('name');
      const t = p.childForFieldName('type');
      const v = p.childForFieldName('value');
      if (id) param = { name: identifierName(id), nameNode: id, node: p, ...(t ? { type: t } : {}), ...(v ? { value: v } : {}) };
    }
    if (!param) continue;
    if (keywordOnly) {
      report(ctx, 'CM216', `${what}() must not have keyword-only parameter \`${param.name}\``, mod, p);
      continue;
    }
    if (out.some((q) => q.name === param.name)) {
      // Python itself refuses this ("duplicate argument"), so Cog could not import the file.
      report(ctx, 'CM216', `${what}() has the parameter \`${param.name}\` twice`, mod, param.nameNode);
      continue;
    }
    out.push(param);
  }
  return out;
}

/** True when `node` is a call to cog's Input (however imported). */
export function isInputCall(ctx: Ctx, mod: PyModule, node: SyntaxNode): boolean {
  const n = unwrapExpr(node);
  if (n.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  return !!fn && qnameOf(ctx.graph, mod, fn) === 'cog.Input';
}

/** Inputs of a function's parameters (`self` already dropped by the caller). */
export function readInputs(ctx: Ctx, mod: PyModule, params: Parameter[], what: string): Input[] {
  const types = typeReader(ctx, mod);
  return params.map((p, order) => {
    let type: Input['type'];
    if (p.type) type = types.read(p.type);
    else {
      report(ctx, 'CM210', `input \`${p.name}\` of ${what}() has no type annotation`, mod, p.nameNode);
      type = { kind: 'any' };
    }
    const input: Input = { name: p.name, type, default: 'required', order, spelling: 'plain', loc: locOf(p.nameNode, mod.file) };
    const direct = p.value !== undefined && isInputCall(ctx, mod, p.value);
    const shared = p.value && !direct ? sharedInput(ctx, mod, p.value) : undefined;
    if (p.value && direct) {
      input.spelling = 'Input';
      readInputCall(ctx, mod, unwrapExpr(p.value), input);
    } else if (shared) {
      input.spelling = 'Input';
      readInputCall(ctx, shared.module, shared.call, input, shared.resolve);
    } else if (p.value) {
      input.default = defaultValue(ctx, mod, p.value, p.name);
    }
    const staticCog = staticCogReading(mod, p.value && unwrapExpr(p.value), input, shared);
    if (staticCog) {
      input.staticCog = staticCog;
      reportStaticCog(ctx, mod, p.value!, input, staticCog, shared);
    }
    validateInput(ctx, mod, input, p.node);
    return input;
  });
}

/** A value that failed to fold only because it is too big or too costly is CM229, whatever it was for. */
function codeFor(r: LiteralResult, code: 'CM204' | 'CM205' | 'CM217'): 'CM204' | 'CM205' | 'CM217' | 'CM229' {
  return !r.ok && r.overLimit ? 'CM229' : code;
}

/**
 * The part of `whole` that could not be read, when it is a strict part of it written in the same
 * place (an item of a list or tuple: `[A, B, compute()]`), so that the finding points at its line;
 * undefined for the whole expression or for a name's definition elsewhere.
 */
function itemOf(r: Extract<LiteralResult, { ok: false }>, whole: SyntaxNode): SyntaxNode | undefined {
  const n = r.node;
  const inside = n.tree === whole.tree && n.startIndex >= whole.startIndex && n.endIndex <= whole.endIndex;
  return inside && (n.startIndex !== whole.startIndex || n.endIndex !== whole.endIndex) ? n : undefined;
}

/** A default as a literal, or kept as source with CM204. */
export function defaultValue(ctx: Ctx, mod: PyModule, node: SyntaxNode, name: string, resolve?: NameResolver): StaticValue {
  const r = literalOf(ctx, mod, node, resolve);
  if (r.ok) return { kind: 'literal', value: r.value };
  const item = itemOf(r, node);
  report(ctx, codeFor(r, 'CM204'), `default of \`${name}\` (\`${excerpt(node)}\`) is not a literal (${item ? `\`${excerpt(item)}\` in it: ` : ''}${r.reason}); kept as source text`, mod, item ?? node);
  return { kind: 'source', text: node.text };
}

/**
 * CM231: `Input("hello", "a description")`. Cog 0.16 and older read the arguments in
 * INPUT_KEYWORDS' order (and so does the IR, to show what the model meant); Cog 0.17 and later
 * take only the default positionally, so importing the predictor raises TypeError.
 */
function reportPositionalInput(ctx: Ctx, mod: PyModule, call: SyntaxNode, name: string, positional: SyntaxNode[]): void {
  const { keywords } = callArguments(call);
  const flat = (n: SyntaxNode): string => n.text.replace(/\s+/g, ' ');
  // `...` meant "required" to Cog 0.16; to 0.17 and later a required input simply has no default.
  const given = positional.slice(0, INPUT_KEYWORDS.length).map((n, i) => ({ key: INPUT_KEYWORDS[i]!, n })).filter(({ key, n }) => !(key === 'default' && unwrapExpr(n).type === 'ellipsis'));
  const asKeywords = [...given.map(({ key, n }) => `${key}=${flat(n)}`), ...keywords.map((k) => `${k.name}=${flat(k.value)}`)].join(', ');
  const named = positional.slice(1, INPUT_KEYWORDS.length).map((_, i) => INPUT_KEYWORDS[i + 1]).join(', ');
  const rewrite = asKeywords.length > 120 ? `them as keywords (${INPUT_KEYWORDS.slice(0, positional.length).map((k) => `${k}=`).join(', ')})` : `\`Input(${asKeywords})\``;
  report(ctx, 'CM231', `Input() for \`${name}\` passes ${named} positionally (\`${excerpt(call)}\`): Cog 0.16 and older read them so, but Cog 0.17 and later take only the default positionally and fail to load the predictor (TypeError: Input() takes from 0 to 1 positional arguments), and Cog's static schema generator reads no positional argument; write ${rewrite}`, mod, positional[1]!);
}

/** Reads an Input() call's arguments into `input`; `resolve` binds a helper's parameters. */
function readInputCall(ctx: Ctx, mod: PyModule, call: SyntaxNode, input: Input, resolve?: NameResolver): void {
  const { positional, keywords, splats } = callArguments(call);
  for (const s of splats) report(ctx, 'CM212', `Input() for \`${input.name}\` unpacks \`${excerpt(s)}\`, which cannot be read statically`, mod, s);
  const byName = new Map<string, SyntaxNode>();
  // Cog 0.16 and older took every argument positionally, in INPUT_KEYWORDS' order.
  positional.forEach((node, i) => {
    const keyword = INPUT_KEYWORDS[i];
    if (keyword) byName.set(keyword, node);
    else report(ctx, 'CM212', `Input() for \`${input.name}\` takes at most ${INPUT_KEYWORDS.length} positional arguments; got \`${excerpt(node)}\``, mod, node);
  });
  if (positional.length > 1) reportPositionalInput(ctx, mod, call, input.name, positional);
  for (const kw of keywords) {
    if (!(INPUT_KEYWORDS as readonly string[]).includes(kw.name)) {
      const why = kw.name === 'default_factory' ? ' (Cog does not support default_factory; give a literal default)' : '';
      report(ctx, 'CM212', `Input() for \`${input.name}\` has unknown argument \`${kw.name}\`${why}`, mod, kw.nameNode);
      continue;
    }
    if (byName.has(kw.name)) report(ctx, 'CM212', `Input() for \`${input.name}\` gives \`${kw.name}\` twice`, mod, kw.nameNode);
    byName.set(kw.name, kw.value);
  }
  const d = byName.get('default');
  if (d && !(unwrapExpr(d).type === 'ellipsis')) input.default = defaultValue(ctx, mod, d, input.name, resolve);

  const str = (key: string): string | undefined => {
    const node = byName.get(key);
    if (!node) return undefined;
    const r = literalOf(ctx, mod, node, resolve);
    if (r.ok && typeof r.value === 'string') return r.value;
    if (r.ok && r.value === null) return undefined;
    report(ctx, codeFor(r, 'CM217'), `\`${key}\` of \`${input.name}\` (\`${excerpt(node)}\`) is not a string literal${r.ok ? '' : ` (${r.reason})`}; left out`, mod, node);
    return undefined;
  };
  const num = (key: string, integer: boolean): number | undefined => {
    const node = byName.get(key);
    if (!node) return undefined;
    const r = literalOf(ctx, mod, node, resolve);
    if (r.ok && typeof r.value === 'number' && (!integer || Number.isInteger(r.value))) return r.value;
    if (r.ok && r.value === null) return undefined;
    report(ctx, codeFor(r, 'CM217'), `\`${key}\` of \`${input.name}\` (\`${excerpt(node)}\`) is not ${integer ? 'an integer' : 'a number'} literal${r.ok ? '' : ` (${r.reason})`}; left out`, mod, node);
    return undefined;
  };

  const description = str('description');
  if (description !== undefined) input.description = description;
  const ge = num('ge', false);
  if (ge !== undefined) input.ge = ge;
  const le = num('le', false);
  if (le !== undefined) input.le = le;
  const minLength = num('min_length', true);
  if (minLength !== undefined) input.minLength = minLength;
  const maxLength = num('max_length', true);
  if (maxLength !== undefined) input.maxLength = maxLength;
  const regex = str('regex');
  if (regex !== undefined) input.regex = regex;
  const choices = byName.get('choices');
  if (choices) {
    const r = literalOf(ctx, mod, choices, resolve);
    if (r.ok && Array.isArray(r.value)) input.choices = { kind: 'literal', value: r.value };
    else if (!(r.ok && r.value === null)) {
      input.choices = { kind: 'source', text: choices.text };
      const item = r.ok ? undefined : itemOf(r, choices);
      report(ctx, codeFor(r, 'CM205'), `choices of \`${input.name}\` (\`${excerpt(choices)}\`) are not a literal list${r.ok ? '' : ` (${item ? `\`${excerpt(item)}\` in it: ` : ''}${r.reason})`}; kept as source text`, mod, item ?? choices);
    }
  }
  const deprecated = byName.get('deprecated');
  if (deprecated) {
    const r = literalOf(ctx, mod, deprecated, resolve);
    if (r.ok && typeof r.value === 'boolean') input.deprecated = r.value;
    else if (!(r.ok && r.value === null)) report(ctx, 'CM217', `\`deprecated\` of \`${input.name}\` (\`${excerpt(deprecated)}\`) is not True or False; left out`, mod, deprecated);
  }
}
