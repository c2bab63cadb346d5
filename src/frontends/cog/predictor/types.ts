// Python annotations -> IR types. Recognises Cog's names however they were imported (aliases,
// `cog.X`, `cog.types.X`), typing's generics in every spelling (`List[T]`, `list[T]`,
// `typing.List[T]`, `Optional[T]`, `Union[T, None]`, `T | None`), string annotations, and
// BaseModel Output classes. What it cannot read becomes `any` with a CM209 warning.

import type { IrType, ObjectField, StaticValue } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import { parsePython, type SyntaxNode } from '../../../python/parse.js';
import { callArguments, identifierName, locOf, statements, unwrapExpr } from '../../../python/nodes.js';
import { evalLiteral } from '../../../python/literal.js';
import { stringValue } from '../../../python/strings.js';
import { excerpt, report, type Ctx } from './context.js';
import { symbolOf } from './symbols.js';
import { classChain, isBaseModel, type ClassRef } from './classes.js';
import { resolverFor } from './values.js';
import { pushAll } from '../../../util/push-all.js';

const SIMPLE: Record<string, IrType> = {
  'builtins.str': { kind: 'str' },
  'builtins.int': { kind: 'int' },
  'builtins.float': { kind: 'float' },
  'builtins.bool': { kind: 'bool' },
  'builtins.dict': { kind: 'dict' },
  'typing.Dict': { kind: 'dict' },
  'typing.Mapping': { kind: 'dict' },
  'cog.Path': { kind: 'path' },
  'pathlib.Path': { kind: 'path' },
  'cog.File': { kind: 'file' },
  'cog.Secret': { kind: 'secret' },
  'typing.Any': { kind: 'any' },
};

const LISTS = new Set(['builtins.list', 'typing.List', 'typing.Sequence']);
const ITERATORS: Record<string, IrType['kind']> = {
  'typing.Iterator': 'iterator',
  'typing.Generator': 'iterator',
  'typing.Iterable': 'iterator',
  'typing.AsyncIterator': 'asyncIterator',
  'typing.AsyncGenerator': 'asyncIterator',
  'typing.AsyncIterable': 'asyncIterator',
  'cog.ConcatenateIterator': 'concatenateIterator',
  'cog.AsyncConcatenateIterator': 'asyncConcatenateIterator',
};

const MAX_TYPE_DEPTH = 24;

/** The head and arguments of a generic annotation (`List[int]` -> List, [int]). */
export function generic(node: SyntaxNode): { head: SyntaxNode; args: SyntaxNode[] } | undefined {
  if (node.type === 'generic_type') {
    const head = node.namedChildren[0];
    const params = node.namedChildren.find((c) => c.type === 'type_parameter');
    if (!head || !params) return undefined;
    return { head, args: params.namedChildren.filter((c) => c.type !== 'comment') };
  }
  if (node.type === 'subscript') {
    const head = node.childForFieldName('value');
    if (!head) return undefined;
    let args = node.childrenForFieldName('subscript');
    if (args.length === 1 && args[0]!.type === 'tuple') args = args[0]!.namedChildren;
    return { head, args };
  }
  return undefined;
}

function isNone(node: SyntaxNode): boolean {
  const n = unwrapExpr(node);
  return n.type === 'none' || (n.type === 'identifier' && n.text === 'None');
}

/** Members of `A | B | C`, flattened, left to right (iteratively: chains can be very long). */
function unionMembers(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [node];
  while (stack.length) {
    const n = unwrapExpr(stack.pop()!);
    // In annotations tree-sitter-python 0.25 writes `A | B` as union_type; elsewhere (aliases) as `|`.
    if (n.type === 'union_type') {
      pushAll(stack, n.namedChildren.filter((c) => c.type !== 'comment').reverse());
    } else if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '|') {
      stack.push(n.childForFieldName('right')!, n.childForFieldName('left')!);
    } else out.push(n);
  }
  return out;
}

export interface TypeReader {
  read(node: SyntaxNode): IrType;
}

/** Reads annotations of module `mod`; unknown types are reported once per annotation. */
export function typeReader(ctx: Ctx, mod: PyModule, baseDepth = 0): TypeReader {
  const unsupported = (node: SyntaxNode, why: string): IrType => {
    report(ctx, 'CM209', `type \`${excerpt(node)}\` ${why}; read as Any`, mod, node);
    return { kind: 'any' };
  };

  const fromUnion = (members: SyntaxNode[], whole: SyntaxNode, depth: number): IrType => {
    const nonNone = members.filter((m) => !isNone(m));
    if (nonNone.length === 1 && nonNone.length < members.length) return { kind: 'optional', inner: read(nonNone[0]!, depth + 1) };
    if (nonNone.length === 1) return read(nonNone[0]!, depth + 1);
    return unsupported(whole, 'is a Union of several types, which Cog does not accept');
  };

  const read = (raw: SyntaxNode, depth: number): IrType => {
    if (depth > MAX_TYPE_DEPTH) return unsupported(raw, 'is nested too deeply');
    const node = unwrapExpr(raw);
    if (node.type === 'string') return fromString(node, depth);
    if (node.type === 'binary_operator' || node.type === 'union_type') return fromUnion(unionMembers(node), node, depth);
    const g = generic(node);
    if (g) {
      const head = symbolOf(ctx.graph, mod, g.head);
      const name = head.kind === 'name' ? head.qname : undefined;
      if (!name) return unsupported(node, 'is not a type Cog knows');
      if (LISTS.has(name)) return g.args.length === 1 ? { kind: 'list', items: read(g.args[0]!, depth + 1) } : unsupported(node, 'needs exactly one item type');
      if (name === 'typing.Optional') return g.args.length === 1 ? { kind: 'optional', inner: read(g.args[0]!, depth + 1) } : unsupported(node, 'needs exactly one type');
      if (name === 'typing.Union') return fromUnion(g.args, node, depth);
      if (name === 'typing.Annotated') return g.args[0] ? read(g.args[0], depth + 1) : unsupported(node, 'has no type');
      const iter = ITERATORS[name];
      if (iter) {
        // Generator[Y, S, R] yields Y: the first argument is the item type in every form.
        const item = g.args[0];
        return { kind: iter, items: item ? read(item, depth + 1) : { kind: 'any' } } as IrType;
      }
      if (name === 'builtins.dict' || name === 'typing.Dict' || name === 'typing.Mapping') {
        // The value type matters for outputs: the static generator writes it as additionalProperties.
        return g.args.length === 2 ? { kind: 'dict', values: read(g.args[1]!, depth + 1) } : { kind: 'dict' };
      }
      return unsupported(node, 'is not a type Cog knows');
    }
    if (node.type === 'identifier' || node.type === 'attribute') {
      const s = symbolOf(ctx.graph, mod, node);
      if (s.kind === 'name') {
        const simple = SIMPLE[s.qname] ?? ctx.extraTypes?.(s.qname);
        if (simple) return { ...simple };
        if (LISTS.has(s.qname)) return { kind: 'list', items: { kind: 'any' } };
        const iter = ITERATORS[s.qname];
        if (iter) return { kind: iter, items: { kind: 'any' } } as IrType;
        return unsupported(node, 'is not a type Cog knows');
      }
      if (s.kind === 'class') {
        const cls: ClassRef = { module: s.module, node: s.node, name: s.name };
        if (isBaseModel(ctx.graph, cls)) return objectType(ctx, cls);
        return unsupported(node, 'is a class that does not subclass BaseModel');
      }
      // A module-level alias such as `ImageList = List[Path]`.
      if (s.resolved?.kind === 'value') return typeReader(ctx, s.resolved.module, depth + 1).read(s.resolved.node);
      return unsupported(node, 'cannot be resolved statically');
    }
    if (isNone(node)) return unsupported(node, 'is None');
    return unsupported(node, 'is not a type annotation Cog reads');
  };

  const fromString = (node: SyntaxNode, depth: number): IrType => {
    const v = stringValue(node);
    if (!v.ok) return unsupported(node, 'is a string annotation that cannot be read');
    const parsed = parsePython(`(${v.value})\n`, { full: true, budgetMs: 1000 });
    const expr = parsed.root && !parsed.syntaxError ? parsed.root.namedChildren[0]?.namedChildren[0] : undefined;
    if (!expr) return unsupported(node, 'is a string annotation that does not parse');
    // Positions inside the string are not the file's: problems are reported at the string itself.
    const inner: Ctx = { graph: ctx.graph, findings: [], ...(ctx.extraTypes ? { extraTypes: ctx.extraTypes } : {}) };
    const t = typeReader(inner, mod, depth + 1).read(expr);
    if (inner.findings.length) return unsupported(node, 'is a string annotation with parts that cannot be resolved');
    return t;
  };

  return { read: (node) => read(node, baseDepth) };
}

/** A BaseModel Output class as an object type: its annotated fields, inherited ones first. */
export function objectType(ctx: Ctx, cls: ClassRef): IrType {
  // A model that contains itself (`children: List["Node"]`) has no finite schema in Cog.
  const key = `${cls.module.file}:${cls.node.startIndex}`;
  if (modelsBeingRead.has(key)) {
    report(ctx, 'CM209', `${cls.name} refers to itself; the recursive field is read as Any`, cls.module, cls.node.childForFieldName('name') ?? cls.node);
    return { kind: 'any' };
  }
  if (modelsBeingRead.size >= MAX_MODEL_DEPTH) {
    report(ctx, 'CM228', `${cls.name} is an output model nested ${MAX_MODEL_DEPTH} models deep; it is read as Any`, cls.module, cls.node.childForFieldName('name') ?? cls.node);
    return { kind: 'any' };
  }
  modelsBeingRead.add(key);
  try {
    return readObjectType(ctx, cls);
  } finally {
    modelsBeingRead.delete(key);
  }
}

const modelsBeingRead = new Set<string>();
/** Output models inside output models: far beyond any real schema, well before the stack ends. */
const MAX_MODEL_DEPTH = 32;

function readObjectType(ctx: Ctx, cls: ClassRef): IrType {
  const fields: ObjectField[] = [];
  const chain = classChain(ctx.graph, cls).reverse();
  for (const c of chain) {
    const body = c.node.childForFieldName('body');
    if (!body) continue;
    const reader = typeReader(ctx, c.module);
    for (const stmt of statements(body)) {
      if (stmt.type !== 'expression_statement') continue;
      const a = stmt.namedChildren[0];
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      const typeNode = a.childForFieldName('type');
      if (left?.type !== 'identifier') continue;
      if (!typeNode) {
        if (!left.text.startsWith('_') && left.text !== 'model_config') report(ctx, 'CM226', `field \`${left.text}\` of ${c.name} has no type annotation and is not part of the output`, c.module, left);
        continue;
      }
      if (left.text.startsWith('_') || left.text === 'model_config') continue;
      const typeExpr = unwrapExpr(typeNode);
      if (typeExpr.text.startsWith('ClassVar') || typeExpr.text.includes('.ClassVar')) continue;
      const field: ObjectField = { name: identifierName(left), type: reader.read(typeNode), loc: locOf(left, c.module.file) };
      const right = a.childForFieldName('right');
      const value = right ? fieldDefault(ctx, c.module, right) : undefined;
      if (value) field.default = value;
      const existing = fields.findIndex((f) => f.name === field.name);
      if (existing >= 0) fields.splice(existing, 1);
      fields.push(field);
    }
  }
  return { kind: 'object', name: cls.name, fields, loc: locOf(cls.node.childForFieldName('name') ?? cls.node, cls.module.file) };
}

/**
 * The default of a model field: the value itself, or what `Field(...)` (pydantic's, or fal's
 * toolkit fields) gives as `default=` or first argument; none (required) for `Field(...)`
 * without one or with `...`.
 */
function fieldDefault(ctx: Ctx, mod: PyModule, right: SyntaxNode): StaticValue | undefined {
  const n = unwrapExpr(right);
  const fn = n.type === 'call' ? n.childForFieldName('function') : undefined;
  const q = fn ? symbolOf(ctx.graph, mod, fn) : undefined;
  if (q?.kind === 'name' && /^(pydantic(\.fields)?|fal\.toolkit(\.[a-z_.]+)?)\.(Field|FileField|ImageField|AudioField|VideoField)$/.test(q.qname)) {
    const { positional, keywords } = callArguments(n);
    const d = keywords.find((k) => k.name === 'default')?.value ?? positional[0];
    if (keywords.some((k) => k.name === 'default_factory')) return { kind: 'source', text: n.text };
    if (!d || unwrapExpr(d).type === 'ellipsis') return undefined;
    return staticValue(ctx, mod, d);
  }
  return staticValue(ctx, mod, right);
}

/** A value as a literal when it folds statically, else its source text (no finding: callers decide). */
export function staticValue(ctx: Ctx, mod: PyModule, node: SyntaxNode): StaticValue {
  const r = evalLiteral(node, resolverFor(ctx, mod));
  return r.ok ? { kind: 'literal', value: r.value } : { kind: 'source', text: node.text };
}
