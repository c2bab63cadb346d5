// The pre-1.0 API: `class P(cog.Predictor)` whose predict() carries `@cog.input("name",
// type=Path, default=..., help=..., min=..., max=..., options=[...])` decorators. Mapped as
// help -> description, min -> ge, max -> le, options -> choices.

import type { Input } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { callArguments, decoratorsOf, locOf, unwrapExpr } from '../../../python/nodes.js';
import { excerpt, report, type Ctx } from './context.js';
import { qnameOf } from './symbols.js';
import { typeReader } from './types.js';
import { defaultValue } from './inputs.js';
import { literalOf } from './values.js';
import { validateInput } from './validate.js';

const LEGACY_KEYWORDS = ['name', 'type', 'default', 'help', 'min', 'max', 'options'];

/** True when the function carries at least one `@cog.input(...)` decorator. */
export function hasLegacyInputs(ctx: Ctx, mod: PyModule, fn: SyntaxNode): boolean {
  return legacyDecorators(ctx, mod, fn).length > 0;
}

function legacyDecorators(ctx: Ctx, mod: PyModule, fn: SyntaxNode): SyntaxNode[] {
  return decoratorsOf(fn).filter((d) => {
    const n = unwrapExpr(d);
    if (n.type !== 'call') return false;
    const f = n.childForFieldName('function');
    return !!f && qnameOf(ctx.graph, mod, f) === 'cog.input';
  });
}

/**
 * Inputs from the decorators, ordered by the position of the parameter each names in predict()
 * (the old SDK kept them in a dict filled bottom up, which says nothing a user chose; the
 * signature does). Decorators naming no parameter (CM224) come last, top to bottom.
 */
export function readLegacyInputs(ctx: Ctx, mod: PyModule, fn: SyntaxNode, paramNames: string[]): Input[] {
  const types = typeReader(ctx, mod);
  const inputs: Input[] = [];
  for (const deco of legacyDecorators(ctx, mod, fn)) {
    const call = unwrapExpr(deco);
    const { positional, keywords } = callArguments(call);
    const args = new Map<string, SyntaxNode>();
    if (positional[0]) args.set('name', positional[0]);
    if (positional[1]) args.set('type', positional[1]);
    for (const kw of keywords) {
      if (LEGACY_KEYWORDS.includes(kw.name)) args.set(kw.name, kw.value);
      else report(ctx, 'CM212', `@cog.input has unknown argument \`${kw.name}\``, mod, kw.nameNode);
    }
    const nameNode = args.get('name');
    const nameValue = nameNode ? literalOf(ctx, mod, nameNode) : undefined;
    if (!nameNode || !nameValue?.ok || typeof nameValue.value !== 'string') {
      report(ctx, 'CM224', `@cog.input without a literal name: ${excerpt(call)}`, mod, call);
      continue;
    }
    const name = nameValue.value;
    if (!paramNames.includes(name)) report(ctx, 'CM224', `@cog.input("${name}") names no parameter of predict()`, mod, nameNode);
    const typeNode = args.get('type');
    let type: Input['type'];
    if (typeNode) type = types.read(typeNode);
    else {
      report(ctx, 'CM210', `@cog.input("${name}") has no type=`, mod, call);
      type = { kind: 'any' };
    }
    const input: Input = { name, type, default: 'required', order: inputs.length, spelling: 'decorator', loc: locOf(nameNode, mod.file) };
    const d = args.get('default');
    if (d) input.default = defaultValue(ctx, mod, d, name);
    // The old SDK raised "Cannot use default with Path type" for anything but None.
    if (d && type.kind === 'path' && !(input.default !== 'required' && input.default.kind === 'literal' && input.default.value === null)) {
      report(ctx, 'CM221', `@cog.input("${name}") is a Path and cannot have a default`, mod, d);
    }
    const help = args.get('help');
    if (help) {
      const r = literalOf(ctx, mod, help);
      if (r.ok && typeof r.value === 'string') input.description = r.value;
      else report(ctx, 'CM217', `help of \`${name}\` is not a string literal; left out`, mod, help);
    }
    for (const [key, field] of [['min', 'ge'], ['max', 'le']] as const) {
      const node = args.get(key);
      if (!node) continue;
      const r = literalOf(ctx, mod, node);
      if (r.ok && typeof r.value === 'number') input[field] = r.value;
      else if (!(r.ok && r.value === null)) report(ctx, 'CM217', `${key} of \`${name}\` is not a number literal; left out`, mod, node);
    }
    const options = args.get('options');
    if (options) {
      const r = literalOf(ctx, mod, options);
      if (r.ok && Array.isArray(r.value)) input.choices = { kind: 'literal', value: r.value };
      else {
        input.choices = { kind: 'source', text: options.text };
        report(ctx, 'CM205', `options of \`${name}\` are not a literal list; kept as source text`, mod, options);
      }
    }
    validateInput(ctx, mod, input, call);
    inputs.push(input);
  }
  const position = (i: Input) => {
    const k = paramNames.indexOf(i.name);
    return k < 0 ? paramNames.length : k;
  };
  const ordered = inputs.map((input, k) => ({ input, k })).sort((a, b) => position(a.input) - position(b.input) || a.k - b.k).map((x) => x.input);
  ordered.forEach((input, order) => { input.order = order; });
  return ordered;
}
