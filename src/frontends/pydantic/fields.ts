// Pydantic request models (fal endpoint inputs, FastAPI bodies) -> IR inputs. A field's
// annotation gives the type (`Literal[...]` gives choices, `Annotated[T, Field(...)]` its
// constraints), its value the default and the `Field(...)` constraints Cog can express.
// Shared by the fal and Modal frontends; reads statically, never imports the model.

import type { Input, IrType, LiteralValue, StaticValue } from '../../ir/types.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, locOf, statements, unwrapExpr } from '../../python/nodes.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { classChain, type ClassRef } from '../cog/predictor/classes.js';
import { qnameOf, symbolOf } from '../cog/predictor/symbols.js';
import { generic, typeReader } from '../cog/predictor/types.js';
import { literalOf } from '../cog/predictor/values.js';

/** Calls whose result describes a field: pydantic's Field and fal's toolkit fields. */
const FIELD_CALLS = new Set(['pydantic.Field', 'pydantic.fields.Field', 'fal.toolkit.Field', 'fal.toolkit.pydantic.Field']);
/** fal's typed fields for URLs of files: a Cog `Path` input (Cog downloads the URL first). */
const FILE_FIELD_CALLS = /^fal\.toolkit(\.[a-z_.]+)?\.(FileField|ImageField|AudioField|VideoField)$/;
/** Keywords that only shape docs or UI; they have no Cog counterpart and change no behaviour. */
const COSMETIC = new Set(['title', 'examples', 'example', 'ui', 'repr', 'exclude', 'discriminator']);

export interface ModelInputs {
  inputs: Input[];
  /** Inputs whose default the app computes; optional with default None in Cog. */
  omitWhenNone: string[];
  /** API name -> Python attribute name, for fields declared with `alias=`. */
  aliases: Record<string, string>;
}

function isCall(ctx: Ctx, mod: PyModule, node: SyntaxNode, test: (q: string) => boolean): boolean {
  const n = unwrapExpr(node);
  if (n.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  const q = fn ? qnameOf(ctx.graph, mod, fn) : undefined;
  return q !== undefined && test(q);
}

const isFieldCall = (ctx: Ctx, mod: PyModule, node: SyntaxNode) =>
  isCall(ctx, mod, node, (q) => FIELD_CALLS.has(q) || FILE_FIELD_CALLS.test(q));

/**
 * FastAPI's parameter markers (`prompt: str = Form(...)`, `steps: int = Query(4, ge=1)`): pydantic
 * fields in another spelling (default first, then description, ge, le, ...), for the parameters
 * of a web endpoint. Header/Cookie parameters are not among them: callers do not send those as
 * inputs.
 */
const FASTAPI_MARKERS = /^fastapi(\.param_functions|\.params)?\.(Query|Form|Body|File|Path)$/;

export const isFastapiMarker = (ctx: Ctx, mod: PyModule, node: SyntaxNode) => isCall(ctx, mod, node, (q) => FASTAPI_MARKERS.test(q));

/** A web endpoint's parameter with a FastAPI marker default, read as the field it declares. */
export function readMarkedParameter(ctx: Ctx, mod: PyModule, name: SyntaxNode, type: SyntaxNode, marker: SyntaxNode): Input {
  const input = readField(ctx, mod, name, type, null, {});
  readFieldCall(ctx, mod, unwrapExpr(marker), input, {});
  return input;
}
const isFileFieldCall = (ctx: Ctx, mod: PyModule, node: SyntaxNode) => isCall(ctx, mod, node, (q) => FILE_FIELD_CALLS.test(q));

/** `Literal["a", "b"]` -> its values; undefined when the node is not a Literal. */
function literalChoices(ctx: Ctx, mod: PyModule, node: SyntaxNode): LiteralValue[] | undefined {
  const g = generic(unwrapExpr(node));
  if (!g || qnameOf(ctx.graph, mod, g.head) !== 'typing.Literal') return undefined;
  const values: LiteralValue[] = [];
  for (const a of g.args) {
    const r = literalOf(ctx, mod, unwrapExpr(a));
    if (!r.ok) return undefined;
    values.push(r.value);
  }
  return values;
}

/**
 * A module-level alias of a Literal (`Mode = Literal["a", "b"]`, then `mode: Mode`), where it was
 * assigned; a few links deep, since aliases of aliases occur.
 */
function literalAlias(ctx: Ctx, mod: PyModule, node: SyntaxNode, depth = 0): { module: PyModule; node: SyntaxNode } | undefined {
  if (depth > 4 || (node.type !== 'identifier' && node.type !== 'attribute')) return undefined;
  const s = symbolOf(ctx.graph, mod, node);
  if (s.kind !== 'other' || s.resolved?.kind !== 'value') return undefined;
  const value = unwrapExpr(s.resolved.node);
  if (literalChoices(ctx, s.resolved.module, value)) return { module: s.resolved.module, node: value };
  return literalAlias(ctx, s.resolved.module, value, depth + 1);
}

/** The type and choices of an annotation, looking through Optional/Annotated around a Literal. */
function annotationOf(ctx: Ctx, mod: PyModule, node: SyntaxNode): { type: IrType; choices?: LiteralValue[]; field?: SyntaxNode } {
  const n = unwrapExpr(node);
  const alias = literalAlias(ctx, mod, n);
  if (alias) return annotationOf(ctx, alias.module, alias.node);
  const choices = literalChoices(ctx, mod, n);
  if (choices) {
    const allInt = choices.every((c) => typeof c === 'number' && Number.isInteger(c));
    return { type: { kind: allInt ? 'int' : 'str' }, choices };
  }
  const g = generic(n);
  const q = g ? qnameOf(ctx.graph, mod, g.head) : undefined;
  if (g && q === 'typing.Annotated' && g.args[0]) {
    const inner = annotationOf(ctx, mod, g.args[0]);
    const field = g.args.slice(1).find((a) => isFieldCall(ctx, mod, a));
    return field ? { ...inner, field: unwrapExpr(field) } : inner;
  }
  if (g && q === 'typing.Optional' && g.args.length === 1) {
    const inner = annotationOf(ctx, mod, g.args[0]!);
    if (inner.choices) return { ...inner, type: { kind: 'optional', inner: inner.type } };
  }
  return { type: typeReader(ctx, mod).read(n) };
}

const isOptional = (t: IrType) => t.kind === 'optional';

/** Reads the fields of a request model, inherited ones first, as Cog inputs in field order. */
export function readModelInputs(ctx: Ctx, cls: ClassRef): ModelInputs {
  const inputs: Input[] = [];
  const aliases: Record<string, string> = {};
  for (const c of classChain(ctx.graph, cls).reverse()) {
    const body = c.node.childForFieldName('body');
    if (!body) continue;
    for (const stmt of statements(body)) {
      const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      const typeNode = a.childForFieldName('type');
      if (left?.type !== 'identifier' || !typeNode || left.text.startsWith('_') || left.text === 'model_config') continue;
      if (/(^|\.)ClassVar\b/.test(unwrapExpr(typeNode).text)) continue;
      const input = readField(ctx, c.module, left, typeNode, a.childForFieldName('right'), aliases);
      const existing = inputs.findIndex((i) => i.name === input.name);
      if (existing >= 0) inputs.splice(existing, 1);
      inputs.push(input);
    }
  }
  inputs.forEach((input, order) => { input.order = order; });
  const omitWhenNone = optionalForComputedDefaults(inputs);
  return { inputs, aliases, omitWhenNone };
}

function readField(ctx: Ctx, mod: PyModule, left: SyntaxNode, typeNode: SyntaxNode, right: SyntaxNode | null, aliases: Record<string, string>): Input {
  const ann = annotationOf(ctx, mod, typeNode);
  let type = ann.type;
  if (type.kind === 'object' || (type.kind === 'list' && type.items.kind === 'object') || (isOptional(type) && type.inner.kind === 'object')) {
    report(ctx, 'CM806', `field \`${left.text}\` is a nested model (${excerpt(typeNode)}); Cog inputs are flat, so it is read as a JSON object`, mod, typeNode);
    type = isOptional(type) ? { kind: 'optional', inner: { kind: 'dict' } } : type.kind === 'list' ? { kind: 'list', items: { kind: 'dict' } } : { kind: 'dict' };
  }
  const input: Input = { name: left.text, type, default: 'required', order: 0, spelling: 'Input', loc: locOf(left, mod.file) };
  if (ann.choices) input.choices = { kind: 'literal', value: ann.choices };
  const fieldCall = right && isFieldCall(ctx, mod, right) ? unwrapExpr(right) : ann.field;
  if (fieldCall) {
    if (isFileFieldCall(ctx, mod, fieldCall)) input.type = fileType(input.type);
    readFieldCall(ctx, mod, fieldCall, input, aliases);
  } else if (right) {
    input.default = literalDefault(ctx, mod, right, input.name);
  }
  // `x: Optional[int]` with no default is required in pydantic v2, as in Cog.
  return input;
}

/** A string-typed FileField/ImageField holds a URL: Cog's Path input (downloaded before predict). */
function fileType(t: IrType): IrType {
  if (t.kind === 'str' || t.kind === 'any') return { kind: 'path' };
  if (t.kind === 'optional') return { kind: 'optional', inner: fileType(t.inner) };
  if (t.kind === 'list') return { kind: 'list', items: fileType(t.items) };
  return t;
}

function literalDefault(ctx: Ctx, mod: PyModule, node: SyntaxNode, name: string): StaticValue {
  const r = literalOf(ctx, mod, node);
  if (r.ok) return { kind: 'literal', value: r.value };
  report(ctx, 'CM807', `default of \`${name}\` (\`${excerpt(node)}\`) is not a literal (${r.reason}); kept as source text`, mod, node);
  return { kind: 'source', text: node.text };
}

function readFieldCall(ctx: Ctx, mod: PyModule, call: SyntaxNode, input: Input, aliases: Record<string, string>): void {
  const { positional, keywords, splats } = callArguments(call);
  for (const s of splats) report(ctx, 'CM804', `Field() for \`${input.name}\` unpacks \`${excerpt(s)}\`, which cannot be read statically`, mod, s);
  const first = positional[0];
  if (first && unwrapExpr(first).type !== 'ellipsis') input.default = literalDefault(ctx, mod, first, input.name);
  const literal = (node: SyntaxNode) => {
    const r = literalOf(ctx, mod, node);
    return r.ok ? r.value : undefined;
  };
  for (const kw of keywords) {
    const value = literal(kw.value);
    const drop = (why: string) => report(ctx, 'CM805', `\`${kw.name}\` of \`${input.name}\` ${why}; left out`, mod, kw.nameNode);
    switch (kw.name) {
      case 'default':
        if (unwrapExpr(kw.value).type !== 'ellipsis') input.default = literalDefault(ctx, mod, kw.value, input.name);
        break;
      case 'default_factory':
        report(ctx, 'CM807', `\`${input.name}\` has default_factory=\`${excerpt(kw.value)}\`; Cog needs a literal default, so the input is optional with no default shown`, mod, kw.nameNode);
        input.default = { kind: 'source', text: `${kw.value.text}()` };
        break;
      case 'description':
        if (typeof value === 'string') input.description = value;
        else drop('is not a string literal');
        break;
      case 'ge': case 'le':
        if (typeof value === 'number') input[kw.name] = value;
        else drop('is not a number literal');
        break;
      case 'gt': case 'lt':
        // Cog has only inclusive bounds; for integers the exclusive bound is the next integer.
        if (typeof value === 'number' && Number.isInteger(value) && primitive(input.type) === 'int') input[kw.name === 'gt' ? 'ge' : 'le'] = kw.name === 'gt' ? value + 1 : value - 1;
        else drop('is an exclusive bound, which Cog cannot express for a float');
        break;
      case 'min_length': case 'max_length':
        if (typeof value === 'number' && Number.isInteger(value)) input[kw.name === 'min_length' ? 'minLength' : 'maxLength'] = value;
        else drop('is not an integer literal');
        break;
      case 'pattern': case 'regex':
        if (typeof value === 'string') input.regex = value;
        else drop('is not a string literal');
        break;
      case 'deprecated':
        if (typeof value === 'boolean') input.deprecated = value;
        else if (typeof value === 'string') input.deprecated = true;
        break;
      case 'alias': case 'validation_alias':
        if (typeof value === 'string') {
          aliases[value] = input.name;
          input.name = value;
        } else drop('is not a string literal');
        break;
      case 'json_schema_extra':
        // The one schema extra Cog has an input setting for; the rest only decorate the docs.
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && value.deprecated === true) input.deprecated = true;
        break;
      default:
        if (!COSMETIC.has(kw.name)) drop('has no Cog counterpart');
    }
  }
}

function primitive(t: IrType): IrType['kind'] {
  return t.kind === 'optional' ? primitive(t.inner) : t.kind === 'list' ? primitive(t.items) : t.kind;
}

/**
 * Inputs whose default the app computes (`default_factory`, an expression) become optional with
 * default None: all Cog can show. Their names are returned; the predictor leaves them out of the
 * request when None, so the app's own model fills them in.
 */
export function optionalForComputedDefaults(inputs: Input[]): string[] {
  const names: string[] = [];
  for (const input of inputs) {
    if (input.default === 'required' || input.default.kind !== 'source') continue;
    names.push(input.name);
    input.default = { kind: 'literal', value: null };
    if (input.type.kind !== 'optional') input.type = { kind: 'optional', inner: input.type };
  }
  return names;
}
