// The fal frontend: a fal app file -> IR, read statically with tree-sitter (the app is never
// imported). Finds the `fal.App` subclass (or `@fal.function`), its settings, `setup()`, and its
// `@fal.endpoint(path)` methods with their Pydantic request and response models; one endpoint
// becomes Cog's predict (src/frontends/shared/entries.ts says which).
// Docs: https://docs.fal.ai/documentation/development/endpoints-overview

import type { IrType } from '../../ir/types.js';
import { finding } from '../../findings/finding.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, decoratorsOf, definitionOf, isAsyncFunction, locOf, statements, unwrapExpr } from '../../python/nodes.js';
import { report, type Ctx } from '../cog/predictor/context.js';
import { externalBases, findMethod } from '../cog/predictor/classes.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { chooseEntries, type EndpointCandidate } from '../shared/entries.js';
import { appIr, loadAppModule, type AppReadOptions, type AppReadResult, type EntryRead } from '../shared/app-ir.js';
import { readRequest, readReturn } from '../shared/request.js';
import { declareFastapi } from './fastapi.js';
import { isFalAppBase, readClassSettings, readFunctionSettings, type FalSettings } from './settings.js';

/** Types of fal and Modal apps beyond Cog's: fal.toolkit's files (a URL the runner downloads or
 * uploads), pydantic's SecretStr, raw bytes, FastAPI's UploadFile; Cog's Path and Secret. */
export function falTypes(qname: string): IrType | undefined {
  if (qname === 'pydantic.SecretStr' || qname === 'pydantic.types.SecretStr') return { kind: 'secret' };
  // An app returning raw bytes (an encoded image, audio) returns a file; Cog returns a Path.
  if (qname === 'builtins.bytes') return { kind: 'path' };
  // A file a web endpoint receives (FastAPI's UploadFile) is a file the caller sends: Cog's Path.
  if (/^(fastapi|fastapi\.datastructures|starlette\.datastructures)\.UploadFile$/.test(qname)) return { kind: 'path' };
  if (!qname.startsWith('fal.toolkit')) return undefined;
  const last = qname.split('.').pop();
  return last === 'File' || last === 'Image' || last === 'Audio' || last === 'Video' || last === 'CompressedFile' ? { kind: 'path' } : undefined;
}

interface FalEndpoint extends EndpointCandidate {
  node: SyntaxNode;
  module: PyModule;
}

interface FoundApp {
  className?: string;
  /** `@fal.realtime(path)` methods: WebSocket sessions, which Cog cannot serve. */
  realtime: { name: string; path: string; loc: EndpointCandidate['loc'] }[];
  settings: FalSettings;
  endpoints: FalEndpoint[];
  setup?: SyntaxNode;
  loc: EndpointCandidate['loc'];
}

export function readFalApp(root: string, file: string, options: AppReadOptions = {}): AppReadResult {
  const loaded = loadAppModule(root, file, falTypes);
  if (!loaded.ok) return { findings: loaded.findings };
  const { ctx, mod } = loaded;
  const apps = findApps(ctx, mod);
  if (apps.length === 0) {
    report(ctx, 'CM800', `${file} defines no fal.App subclass and no @fal.function`, mod, mod.root);
    return { findings: ctx.findings };
  }
  const app = apps[0]!;
  if (apps.length > 1) {
    ctx.findings.push(finding('CM802', `${file} defines ${apps.length} fal apps; converting the first, ${app.className ?? app.endpoints[0]?.name}`, app.loc));
  }
  if (app.endpoints.length === 0) {
    const realtime = app.realtime[0];
    ctx.findings.push(realtime
      ? finding('CM801', `${app.className} serves only realtime endpoints (${app.realtime.map((r) => `@fal.realtime ${r.path} ${r.name}()`).join(', ')}): a WebSocket session that streams inputs and outputs, which Cog's one request, one prediction API has no counterpart for`, realtime.loc,
        { hint: 'Add a @fal.endpoint("/") method that answers one request (the realtime method can call it), then convert again.' })
      : finding('CM801', `${app.className} has no @fal.endpoint method`, app.loc));
    return { findings: ctx.findings };
  }
  const chosen = chooseEntries(app.endpoints, options.endpoint, app.loc, ctx.findings);
  if (!chosen.predict) return { findings: ctx.findings };
  const read = (e: FalEndpoint): EntryRead | undefined => {
    const what = e.name;
    const request = readRequest(ctx, e.module, e.node, what, app.className !== undefined);
    if (!request.ok) return undefined;
    const out = readReturn(ctx, e.module, e.node, what);
    return { candidate: e, isAsync: isAsyncFunction(e.node), request, output: out };
  };
  const predict = read(chosen.predict);
  const train = chosen.train ? read(chosen.train) : undefined;
  if (!predict || (chosen.train && !train)) return { findings: ctx.findings };
  if (chosen.stream && predict.output.output.kind === 'list') {
    // The `/stream` twin streams what `/` returns at once: Cog yields the items instead.
    report(ctx, 'CM811', `${chosen.stream.endpoint} streams the items of ${chosen.predict.endpoint}; the Cog predictor yields them one by one`, chosen.stream.module, chosen.stream.node.childForFieldName('name') ?? chosen.stream.node);
    predict.output = { ...predict.output, output: { kind: 'iterator', items: predict.output.output.items } };
  }
  const setup = app.setup ? [{ name: 'setup', isAsync: isAsyncFunction(app.setup) }] : [];
  declareFastapi(ctx, mod, app.settings.app);
  const ir = appIr(ctx, mod, {
    platform: 'fal',
    ...(app.className ? { className: app.className } : {}),
    name: app.settings.appName ?? app.className ?? chosen.predict.name,
    build: app.settings.app,
    runtime: app.settings.runtime,
    setup,
    predict,
    ...(train ? { train } : {}),
  });
  return { ir, findings: ctx.findings };
}

function findApps(ctx: Ctx, mod: PyModule): FoundApp[] {
  const out: FoundApp[] = [];
  for (const stmt of statements(mod.root)) {
    const def = definitionOf(stmt);
    if (def.type === 'class_definition') {
      const name = def.childForFieldName('name')?.text ?? '';
      const cls = { module: mod, node: def, name };
      if (![...externalBases(ctx.graph, cls).names].some(isFalAppBase)) continue;
      const endpoints: FalEndpoint[] = [];
      const realtime: FoundApp['realtime'] = [];
      for (const m of statements(def.childForFieldName('body')!)) {
        const fn = definitionOf(m);
        if (fn.type !== 'function_definition') continue;
        const path = endpointPath(ctx, mod, fn);
        const fnLoc = locOf(fn.childForFieldName('name')!, mod.file);
        if (path !== undefined) endpoints.push({ name: fn.childForFieldName('name')!.text, endpoint: path, loc: fnLoc, node: fn, module: mod });
        const live = endpointPath(ctx, mod, fn, REALTIME);
        if (live !== undefined) realtime.push({ name: fn.childForFieldName('name')!.text, path: live, loc: fnLoc });
      }
      const setup = findMethod(ctx.graph, cls, 'setup')?.node;
      out.push({ className: name, realtime, settings: readClassSettings(ctx, mod, def), endpoints, ...(setup ? { setup } : {}), loc: locOf(def.childForFieldName('name')!, mod.file) });
    } else if (def.type === 'function_definition') {
      const deco = decoratorsOf(def).find((d) => {
        const n = unwrapExpr(d);
        const q = qnameOf(ctx.graph, mod, n.type === 'call' ? n.childForFieldName('function')! : n);
        return q === 'fal.function' || q === 'fal.isolated' || q === 'fal.api.function';
      });
      if (!deco) continue;
      const name = def.childForFieldName('name')!.text;
      const loc = locOf(def.childForFieldName('name')!, mod.file);
      const call = unwrapExpr(deco);
      const settings = readFunctionSettings(ctx, mod, call, loc);
      out.push({ settings, realtime: [], endpoints: [{ name, endpoint: '/', loc, node: def, module: mod }], loc });
    }
  }
  return out;
}

const ENDPOINT = new Set(['fal.endpoint', 'fal.app.endpoint']);
const REALTIME = new Set(['fal.realtime', 'fal.app.realtime']);

/** `@fal.endpoint("/path")` -> "/path"; undefined when the method is not an endpoint (of `kinds`). */
function endpointPath(ctx: Ctx, mod: PyModule, fn: SyntaxNode, kinds: Set<string> = ENDPOINT): string | undefined {
  for (const d of decoratorsOf(fn)) {
    const n = unwrapExpr(d);
    if (n.type !== 'call') continue;
    const q = qnameOf(ctx.graph, mod, n.childForFieldName('function')!);
    if (q === undefined || !kinds.has(q)) continue;
    const { positional, keywords } = callArguments(n);
    const arg = positional[0] ?? keywords.find((k) => k.name === 'path')?.value;
    const v = arg ? literalOf(ctx, mod, arg) : undefined;
    return v?.ok && typeof v.value === 'string' ? v.value : '/';
  }
  return undefined;
}
