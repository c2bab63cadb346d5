// An endpoint's signature -> IR inputs and output, the same way for fal and Modal: either one
// parameter typed with a Pydantic model (its fields are the inputs) or plain parameters (each is
// an input, read as Cog reads predict()). The return annotation gives the output; a response
// model whose only field is `output` is unwrapped, since Cog's response already has `output`.
// Parameters FastAPI fills in itself (`response: Response` to set a header, `request: Request`)
// are no inputs: the predictor passes a fresh object of that class (PlatformEntry.injected).

import type { Input, IrType, PlatformEntry } from '../../ir/types.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { unwrapExpr } from '../../python/nodes.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { isBaseModel } from '../cog/predictor/classes.js';
import { parametersOf, readInputs, type Parameter } from '../cog/predictor/inputs.js';
import { qnameOf, symbolOf } from '../cog/predictor/symbols.js';
import { typeReader } from '../cog/predictor/types.js';
import { isFastapiMarker, optionalForComputedDefaults, readMarkedParameter, readModelInputs } from '../pydantic/fields.js';

export interface RequestRead {
  inputs: Input[];
  request: PlatformEntry['request'];
  aliases?: Record<string, string>;
  omitWhenNone?: string[];
  injected?: PlatformEntry['injected'];
  fileArguments?: PlatformEntry['fileArguments'];
  /** False when the signature could not be read (an error finding was given). */
  ok: boolean;
}

/** Reads the parameters after `self` (when `isMethod`). */
export function readRequest(ctx: Ctx, mod: PyModule, fn: SyntaxNode, what: string, isMethod: boolean): RequestRead {
  const all = parametersOf(ctx, mod, fn, what);
  const declared = isMethod && all[0]?.name === 'self' ? all.slice(1) : all;
  const injected: NonNullable<PlatformEntry['injected']> = [];
  const params = declared.filter((p) => {
    const kind = p.type && !p.value ? injectedKind(ctx, mod, p.type) : undefined;
    if (!kind) return true;
    report(ctx, 'CM827', `\`${p.name}: ${excerpt(p.type!)}\` of ${what}() is filled in by FastAPI, not sent by callers; the Cog predictor passes a fresh ${kind === 'response' ? 'Response (headers and status the app sets on it are not part of Cog\'s response)' : 'Request (no client headers, an empty body)'}`, mod, p.nameNode);
    injected.push({ parameter: p.name, kind });
    return false;
  });
  const withInjected = <T extends object>(r: T): T => (injected.length ? { ...r, injected } : r);
  if (params.length === 1 && params[0]!.type && !params[0]!.value) {
    const p = params[0]!;
    const t = unwrapExpr(p.type!);
    const s = symbolOf(ctx.graph, mod, t);
    if (s.kind === 'class' && isBaseModel(ctx.graph, { module: s.module, node: s.node, name: s.name })) {
      const { inputs, aliases, omitWhenNone } = readModelInputs(ctx, { module: s.module, node: s.node, name: s.name });
      return withInjected({
        inputs,
        request: { style: 'model', model: s.name, parameter: p.name },
        ...(Object.keys(aliases).length ? { aliases } : {}),
        ...(omitWhenNone.length ? { omitWhenNone } : {}),
        ok: true,
      });
    }
    if (s.kind === 'other' && (s.resolved?.kind === 'value' || s.resolved === undefined) && /^[A-Z]/.test(t.text) && !typeLooksPrimitive(t.text)) {
      report(ctx, 'CM804', `${what}() takes \`${p.name}: ${excerpt(t)}\`, a model that is not a class statement (built at run time?); its fields cannot be read statically`, mod, t,
        'Declare the request model as `class Name(BaseModel):` with annotated fields, then convert again.');
      return { inputs: [], request: { style: 'keywords' }, ok: false };
    }
  }
  const inputs = readParameters(ctx, mod, params, what);
  const omitWhenNone = optionalForComputedDefaults(inputs);
  // A `bytes` or `UploadFile` parameter is a file in Cog (a Path input); the app gets it as it expects.
  const fileArguments: Record<string, 'bytes' | 'upload'> = {};
  for (const p of params) {
    const kind = fileArgumentKind(ctx, mod, p);
    if (kind) fileArguments[p.name] = kind;
  }
  return withInjected({
    inputs,
    request: { style: 'keywords' as const },
    ...(omitWhenNone.length ? { omitWhenNone } : {}),
    ...(Object.keys(fileArguments).length ? { fileArguments } : {}),
    ok: true,
  });
}

const FILE_ARGUMENTS: Record<string, 'bytes' | 'upload'> = {
  'builtins.bytes': 'bytes',
  'fastapi.UploadFile': 'upload',
  'fastapi.datastructures.UploadFile': 'upload',
  'starlette.datastructures.UploadFile': 'upload',
};

/** Plain parameters as Cog reads predict()'s; those with a FastAPI marker default as the fields they declare. */
function readParameters(ctx: Ctx, mod: PyModule, params: Parameter[], what: string): Input[] {
  const marked = (p: Parameter) => p.type !== undefined && p.value !== undefined && isFastapiMarker(ctx, mod, p.value);
  const plain = readInputs(ctx, mod, params.filter((p) => !marked(p)), what);
  const inputs = params.map((p) => (marked(p) ? readMarkedParameter(ctx, mod, p.nameNode, p.type!, p.value!) : plain.shift()!));
  inputs.forEach((input, order) => { input.order = order; });
  return inputs;
}

function fileArgumentKind(ctx: Ctx, mod: PyModule, p: Parameter): 'bytes' | 'upload' | undefined {
  return p.type ? FILE_ARGUMENTS[qnameOf(ctx.graph, mod, unwrapExpr(p.type)) ?? ''] : undefined;
}

/** FastAPI's (Starlette's) request and response classes, which it passes to a route by type. */
const INJECTED: Record<string, 'request' | 'response'> = {
  'fastapi.Request': 'request',
  'fastapi.requests.Request': 'request',
  'starlette.requests.Request': 'request',
  'fastapi.Response': 'response',
  'fastapi.responses.Response': 'response',
  'starlette.responses.Response': 'response',
};

function injectedKind(ctx: Ctx, mod: PyModule, type: SyntaxNode): 'request' | 'response' | undefined {
  const s = symbolOf(ctx.graph, mod, unwrapExpr(type));
  return s.kind === 'name' ? INJECTED[s.qname] : undefined;
}

const typeLooksPrimitive = (text: string) => /^(List|Dict|Optional|Union|Any|Literal|Annotated)\b/.test(text);

const STREAMING_RESPONSES = new Set(['fastapi.responses.StreamingResponse', 'starlette.responses.StreamingResponse', 'fastapi.StreamingResponse']);

const FILE_RESPONSES = new Set([
  'fastapi.Response', 'fastapi.responses.Response', 'starlette.responses.Response',
  'fastapi.responses.FileResponse', 'starlette.responses.FileResponse',
]);

export interface OutputRead {
  output: IrType;
  outputField?: string;
  /** The return is an SSE StreamingResponse, served as an iterator of the event payloads. */
  sse?: boolean;
}

export function readReturn(ctx: Ctx, mod: PyModule, fn: SyntaxNode, what: string): OutputRead {
  const ann = fn.childForFieldName('return_type');
  if (!ann) {
    // A generator without annotation still streams: awaiting or returning it whole would break.
    if (isGenerator(fn)) {
      report(ctx, 'CM812', `${what}() has no return annotation; it yields, so the Cog output is an iterator of Any`, mod, fn.childForFieldName('name') ?? fn);
      return { output: { kind: 'iterator', items: { kind: 'any' } } };
    }
    report(ctx, 'CM812', `${what}() has no return annotation; the Cog output is Any`, mod, fn.childForFieldName('name') ?? fn);
    return { output: { kind: 'any' } };
  }
  const node = unwrapExpr(ann);
  const s = symbolOf(ctx.graph, mod, node);
  if (s.kind === 'name' && STREAMING_RESPONSES.has(s.qname)) {
    report(ctx, 'CM811', `${what}() returns a StreamingResponse; the Cog predictor yields each Server-Sent Event's data as a string`, mod, node);
    return { output: { kind: 'iterator', items: { kind: 'str' } }, sse: true };
  }
  if (s.kind === 'name' && FILE_RESPONSES.has(s.qname)) {
    // Response(content=png_bytes, media_type="image/png") / FileResponse(path): the file it sends.
    return { output: { kind: 'path' } };
  }
  if (s.kind === 'name' && (s.qname === 'builtins.dict' || s.qname === 'typing.Dict')) {
    report(ctx, 'CM812', `${what}() returns a plain dict; the Cog output is Any (a JSON value without a schema)`, mod, node);
    return { output: { kind: 'any' } };
  }
  const t = cogOutputType(ctx, mod, ann, typeReader(ctx, mod).read(ann));
  if (t.kind === 'object' && t.fields.length === 1 && t.fields[0]!.name === 'output') {
    return { output: t.fields[0]!.type, outputField: 'output' };
  }
  return { output: t };
}

/** The function's own body yields (not a function, lambda or class nested in it). */
function isGenerator(fn: SyntaxNode): boolean {
  const walk = (n: SyntaxNode): boolean => {
    if (n.type === 'yield') return true;
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
    return n.namedChildren.some(walk);
  };
  const body = fn.childForFieldName('body');
  return body ? walk(body) : false;
}

/** Cog cannot type a list of lists in an output: the inner list becomes Any (a JSON value). */
function cogOutputType(ctx: Ctx, mod: PyModule, at: SyntaxNode, t: IrType): IrType {
  const walk = (x: IrType): IrType => {
    switch (x.kind) {
      case 'list':
        if (x.items.kind === 'list' || (x.items.kind === 'optional' && x.items.inner.kind === 'list')) {
          report(ctx, 'CM812', `a list of lists in the output (${excerpt(at)}) has no Cog type; its items are read as Any`, mod, at);
          return { kind: 'list', items: { kind: 'any' } };
        }
        return { kind: 'list', items: walk(x.items) };
      case 'optional': return { kind: 'optional', inner: walk(x.inner) };
      case 'object': return { ...x, fields: x.fields.map((f) => ({ ...f, type: walk(f.type) })) };
      case 'iterator': case 'asyncIterator': case 'concatenateIterator': case 'asyncConcatenateIterator':
        return { ...x, items: walk(x.items) } as IrType;
      default: return x;
    }
  };
  return walk(t);
}
