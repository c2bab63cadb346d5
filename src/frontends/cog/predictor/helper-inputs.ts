// Input() declared once and shared: `prompt: str = Inputs.prompt` (a class attribute holding an
// Input()), and `fmt: str = helpers.format_input()` / `seed: int = Inputs.seed(default=42)` (a
// local function or method whose body only returns an Input()). Read statically: the helper is
// never called; its parameters are bound to the call's arguments (or their own defaults) and
// the Input()'s keywords are evaluated with those bindings.

import type { NameResolver } from '../../../python/literal.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { callArguments, decoratorsOf, statements, unwrapExpr } from '../../../python/nodes.js';
import type { Ctx } from './context.js';
import { isInputCall } from './inputs.js';
import { classNamed, resolverFor } from './values.js';

/** An Input() call found behind a parameter's default, with how to evaluate its keywords. */
export interface SharedInput {
  /** The module the Input() call is written in. */
  module: PyModule;
  call: SyntaxNode;
  resolve: NameResolver;
  via: 'class-attribute' | 'helper';
  /** The helper's function definition (`via: 'helper'`). */
  helper?: SyntaxNode;
}

function classBodyStatements(cls: SyntaxNode): SyntaxNode[] {
  return cls.childForFieldName('body')?.namedChildren ?? [];
}

/** `Inputs.prompt` where `class Inputs: prompt = Input(...)`, however the class is imported. */
function classAttributeInput(ctx: Ctx, mod: PyModule, v: SyntaxNode): SharedInput | undefined {
  if (v.type !== 'attribute') return undefined;
  const cls = classNamed(ctx, mod, v.childForFieldName('object')!);
  const attr = v.childForFieldName('attribute')?.text;
  if (!cls || !attr) return undefined;
  for (const stmt of classBodyStatements(cls.node)) {
    const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== attr) continue;
    const right = a.childForFieldName('right');
    if (right && isInputCall(ctx, cls.module, right)) return { module: cls.module, call: unwrapExpr(right), resolve: resolverFor(ctx, cls.module), via: 'class-attribute' };
  }
  return undefined;
}

/** The function a call names: a module-level function (local or imported) or a method of a class. */
function calledFunction(ctx: Ctx, mod: PyModule, fn: SyntaxNode): { module: PyModule; def: SyntaxNode; skipFirst: boolean } | undefined {
  const r = ctx.graph.resolve(mod, fn);
  if (r?.kind === 'function') return { module: r.module, def: r.node, skipFirst: false };
  if (r || fn.type !== 'attribute') return undefined;
  const cls = classNamed(ctx, mod, fn.childForFieldName('object')!);
  const name = fn.childForFieldName('attribute')?.text;
  if (!cls || !name) return undefined;
  for (const stmt of classBodyStatements(cls.node)) {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type !== 'function_definition' || def.childForFieldName('name')?.text !== name) continue;
    const decorators = decoratorsOf(def).map((d) => d.text.replace(/^@\s*/, ''));
    // Called on the class: a static method takes the arguments as written; a classmethod gets
    // the class first. A plain method called on the class is not a helper we can bind.
    if (decorators.includes('staticmethod')) return { module: cls.module, def, skipFirst: false };
    if (decorators.includes('classmethod')) return { module: cls.module, def, skipFirst: true };
    return undefined;
  }
  return undefined;
}

/** The Input() call a helper body consists of (a docstring aside): `return Input(...)`. */
function returnedInput(ctx: Ctx, module: PyModule, def: SyntaxNode): SyntaxNode | undefined {
  const body = def.childForFieldName('body');
  const stmts = body ? statements(body).filter((s) => !(s.type === 'expression_statement' && s.namedChildren[0]?.type === 'string')) : [];
  if (stmts.length !== 1 || stmts[0]!.type !== 'return_statement') return undefined;
  const value = stmts[0]!.namedChildren.find((c) => c.type !== 'comment');
  return value && isInputCall(ctx, module, value) ? unwrapExpr(value) : undefined;
}

interface HelperParam {
  name: string;
  default?: SyntaxNode;
}

/** The helper's parameters, or undefined when one cannot be bound statically (`*args`, `**kw`). */
function helperParams(def: SyntaxNode, skipFirst: boolean): HelperParam[] | undefined {
  const out: HelperParam[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p.type === 'comment' || p.type === 'positional_separator' || p.type === 'keyword_separator') continue;
    if (p.type === 'identifier') out.push({ name: p.text });
    else if (p.type === 'typed_parameter') {
      const id = p.namedChildren.find((c) => c.type === 'identifier');
      if (!id) return undefined;
      out.push({ name: id.text });
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const id = p.childForFieldName('name');
      const v = p.childForFieldName('value');
      if (id?.type !== 'identifier' || !v) return undefined;
      out.push({ name: id.text, default: v });
    } else return undefined;
  }
  return skipFirst ? out.slice(1) : out;
}

/** `helpers.format_input()`, `Inputs.seed(default=42)`: the helper's Input() with its parameters bound. */
function helperInput(ctx: Ctx, mod: PyModule, v: SyntaxNode): SharedInput | undefined {
  if (v.type !== 'call') return undefined;
  const fn = v.childForFieldName('function');
  if (!fn || v.childForFieldName('arguments')?.type !== 'argument_list') return undefined;
  const target = calledFunction(ctx, mod, fn);
  if (!target) return undefined;
  const call = returnedInput(ctx, target.module, target.def);
  const params = call && helperParams(target.def, target.skipFirst);
  if (!call || !params) return undefined;
  const { positional, keywords, splats } = callArguments(v);
  if (splats.length > 0 || positional.length > params.length) return undefined;
  const callerScope = resolverFor(ctx, mod);
  const helperScope = resolverFor(ctx, target.module);
  const bound = new Map<string, { node: SyntaxNode; resolve: NameResolver }>();
  params.forEach((p, i) => {
    const given = positional[i] ?? keywords.find((k) => k.name === p.name)?.value;
    if (given) bound.set(p.name, { node: given, resolve: callerScope });
    else if (p.default) bound.set(p.name, { node: p.default, resolve: helperScope });
  });
  if (keywords.some((k) => !params.some((p) => p.name === k.name))) return undefined;
  // A parameter left unbound stays unknown: it shadows any global of the same name.
  const names = new Set(params.map((p) => p.name));
  const resolve: NameResolver = (n) => (n.type === 'identifier' && names.has(n.text) ? bound.get(n.text) : helperScope(n));
  return { module: target.module, call, resolve, via: 'helper', helper: target.def };
}

/** The Input() behind a parameter default that is not itself an Input() call, if any. */
export function sharedInput(ctx: Ctx, mod: PyModule, value: SyntaxNode): SharedInput | undefined {
  const v = unwrapExpr(value);
  return classAttributeInput(ctx, mod, v) ?? helperInput(ctx, mod, v);
}
