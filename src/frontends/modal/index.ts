// The Modal frontend: a Modal app file -> IR, read statically (never imported). Finds the
// `modal.App` (or the old `modal.Stub`), its `@app.cls` classes with `@modal.enter()` start-up
// methods and `@modal.method()` / web endpoints, and `@app.function` functions (plain, or web
// endpoints: `@modal.fastapi_endpoint`, the old `@modal.web_endpoint`, and FastAPI routes of an
// `@modal.asgi_app`). Options of the chosen entry (gpu, image, secrets, volumes, concurrency)
// give the build. Docs: https://modal.com/docs/reference (checked against modal 1.6.4).

import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, decoratorsOf, definitionOf, isAsyncFunction, locOf, statements, unwrapExpr } from '../../python/nodes.js';
import { finding } from '../../findings/finding.js';
import { report, type Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { chooseEntries, type EndpointCandidate } from '../shared/entries.js';
import { appIr, loadAppModule, type AppReadOptions, type AppReadResult, type EntryRead } from '../shared/app-ir.js';
import { readRequest, readReturn } from '../shared/request.js';
import { falTypes } from '../fal/index.js';
import { readModalOptions, type ModalApp } from './options.js';
import { wrappedPredictors, wrapperIr } from './cog-wrapper.js';

interface ModalEntry extends EndpointCandidate {
  node: SyntaxNode;
  module: PyModule;
  /** The class holding the method, for @app.cls entries. */
  cls?: { name: string; node: SyntaxNode; decorator: SyntaxNode };
  /** The @app.function(...) decorator (or the class's @app.cls) whose options build the image. */
  options?: SyntaxNode;
}

const WEB = new Set(['modal.fastapi_endpoint', 'modal.web_endpoint', 'modal.asgi_app', 'modal.wsgi_app', 'modal.web_server']);
const OLD_WEB = new Set(['modal.web_endpoint']);

/** The qualified name of a decorator (`@modal.method()` -> modal.method). */
function decoratorName(ctx: Ctx, mod: PyModule, d: SyntaxNode): string | undefined {
  const n = unwrapExpr(d);
  const fn = n.type === 'call' ? n.childForFieldName('function')! : n;
  return qnameOf(ctx.graph, mod, fn);
}

/** `@app.cls(...)` / `@app.function(...)` on one of the file's apps: which, and the call. */
function appDecorator(apps: Map<string, ModalApp>, d: SyntaxNode): { kind: string; call: SyntaxNode } | undefined {
  const n = unwrapExpr(d);
  const fn = n.type === 'call' ? n.childForFieldName('function')! : n;
  if (fn.type !== 'attribute') return undefined;
  const obj = fn.childForFieldName('object');
  if (obj?.type !== 'identifier' || !apps.has(obj.text)) return undefined;
  return { kind: fn.childForFieldName('attribute')!.text, call: n };
}

export function readModalApp(root: string, file: string, options: AppReadOptions = {}): AppReadResult {
  const loaded = loadAppModule(root, file, falTypes);
  if (!loaded.ok) return { findings: loaded.findings };
  const { ctx, mod } = loaded;
  const apps = findApps(ctx, mod);
  if (apps.size === 0) {
    ctx.findings.push(finding('CM800', `${file} creates no modal.App`, { file, line: 1, column: 1 }));
    return { findings: ctx.findings };
  }
  const firstApp = [...apps.values()][0]!;
  const wrapper = readCogWrapper(ctx, mod, apps);
  if (wrapper) return wrapper;
  const unserved: Unserved[] = [];
  const entries = findEntries(ctx, mod, apps, unserved);
  if (entries.length === 0) {
    const first = unserved[0];
    ctx.findings.push(first
      ? finding('CM801', `${file}: the Modal app serves only ${unserved.map((u) => `${u.name}() (${u.why})`).join(', ')}; Cog calls one Python function per prediction, and no module-level route or @modal.method() is there to call`, first.loc,
        { hint: 'Give the model a @modal.method() (or move the routes to a module-level `web_app = FastAPI()` the @modal.asgi_app function returns), then convert again; WebSocket and realtime servers have no Cog counterpart.' })
      : finding('CM801', `${file}: the Modal app has no @modal.method, @app.function or web endpoint`, firstApp.loc));
    return { findings: ctx.findings };
  }
  const chosen = chooseEntries(entries, options.endpoint, firstApp.loc, ctx.findings);
  if (!chosen.predict) return { findings: ctx.findings };
  const read = (e: ModalEntry): EntryRead | undefined => {
    const request = readRequest(ctx, e.module, e.node, e.name, e.cls !== undefined);
    if (!request.ok) return undefined;
    return { candidate: e, isAsync: isAsyncFunction(e.node), request, output: readReturn(ctx, e.module, e.node, e.name) };
  };
  const predict = read(chosen.predict);
  const train = chosen.train ? read(chosen.train) : undefined;
  if (!predict || (chosen.train && !train)) return { findings: ctx.findings };
  const p = chosen.predict;
  const settings = readModalOptions(ctx, mod, firstApp, p.options, p.cls ? classDecorators(ctx, mod, p.cls.node) : []);
  const setup = p.cls ? enterMethods(ctx, mod, p.cls.node) : [];
  const ir = appIr(ctx, mod, {
    platform: 'modal',
    ...(p.cls ? { className: p.cls.name } : {}),
    name: firstApp.name ?? p.cls?.name ?? p.name,
    build: settings.app,
    runtime: settings.runtime,
    setup,
    predict,
    ...(train ? { train } : {}),
  });
  return { ir, findings: ctx.findings };
}

/**
 * cog-migrate's own Modal output (an @app.cls class wrapping a Cog predictor through
 * cog_migrate_runtime): read as that predictor, built as the class's image says.
 */
function readCogWrapper(ctx: Ctx, mod: PyModule, apps: Map<string, ModalApp>): AppReadResult | undefined {
  for (const stmt of statements(mod.root)) {
    const def = definitionOf(stmt);
    if (def.type !== 'class_definition') continue;
    const onApp = decoratorsOf(def).map((d) => appDecorator(apps, d)).find((x) => x?.kind === 'cls');
    if (!onApp) continue;
    const wrapped = wrappedPredictors(ctx, mod, def);
    if (!wrapped.some((w) => w.role === 'predict')) continue;
    const variable = unwrapExpr(onApp.call).childForFieldName('function')?.childForFieldName('object')?.text;
    const app = (variable ? apps.get(variable) : undefined) ?? [...apps.values()][0]!;
    const settings = readModalOptions(ctx, mod, app, onApp.call, classDecorators(ctx, mod, def), { wrapper: true });
    const ir = wrapperIr(ctx, mod, { app, settings, wrapped, ...(settings.dockerfile !== undefined ? { dockerfile: settings.dockerfile } : {}) });
    return ir ? { ir, findings: ctx.findings } : { findings: ctx.findings };
  }
  return undefined;
}

/**
 * Module-level `app = modal.App("name", image=...)` (and the old `modal.Stub`), also when the app
 * file imports it from a local module (`from .common import app`), as multi-file Modal projects do.
 */
function findApps(ctx: Ctx, mod: PyModule): Map<string, ModalApp> {
  const apps = new Map<string, ModalApp>();
  const add = (name: string, value: SyntaxNode, at: PyModule): void => {
    if (value.type !== 'call') return;
    const q = qnameOf(ctx.graph, at, value.childForFieldName('function')!);
    if (q !== 'modal.App' && q !== 'modal.Stub' && q !== 'modal.app.App') return;
    if (q === 'modal.Stub') report(ctx, 'CM819', 'modal.Stub is the old name of modal.App; read as modal.App', at, value);
    const { positional, keywords } = callArguments(value);
    const first = positional[0] ?? keywords.find((k) => k.name === 'name')?.value;
    const appName = first?.type === 'string' ? first.text.replace(/^[rbuf]*["']{1,3}|["']{1,3}$/gi, '') : undefined;
    apps.set(name, { variable: name, call: value, loc: locOf(value, at.file), ...(appName ? { name: appName } : {}), ...(at !== mod ? { module: at } : {}) });
  };
  for (const [name, nodes] of mod.assignments) add(name, unwrapExpr(nodes[nodes.length - 1]!), mod);
  for (const name of mod.imports.keys()) {
    if (apps.has(name)) continue;
    const r = ctx.graph.lookup(mod, name);
    if (r?.kind === 'value' && r.module !== mod) add(name, unwrapExpr(r.node), r.module);
  }
  return apps;
}

/** A web server an app serves that has no function Cog could call per prediction. */
interface Unserved {
  name: string;
  why: string;
  loc: ModalEntry['loc'];
}

const SERVER_KIND: Record<string, string> = { 'modal.asgi_app': '@modal.asgi_app', 'modal.wsgi_app': '@modal.wsgi_app', 'modal.web_server': '@modal.web_server' };

function findEntries(ctx: Ctx, mod: PyModule, apps: Map<string, ModalApp>, unserved: Unserved[]): ModalEntry[] {
  const out: ModalEntry[] = [];
  const routes = fastapiRoutes(ctx, mod);
  for (const stmt of statements(mod.root)) {
    const def = definitionOf(stmt);
    const decorators = decoratorsOf(def);
    const onApp = decorators.map((d) => appDecorator(apps, d)).find((x) => x !== undefined);
    if (!onApp) continue;
    const name = def.childForFieldName('name')?.text ?? '';
    const loc = locOf(def.childForFieldName('name') ?? def, mod.file);
    if (def.type === 'class_definition' && onApp.kind === 'cls') {
      for (const m of statements(def.childForFieldName('body')!)) {
        const fn = definitionOf(m);
        if (fn.type !== 'function_definition') continue;
        const names = decoratorsOf(fn).map((d) => decoratorName(ctx, mod, d));
        const method = fn.childForFieldName('name')!.text;
        const web = names.find((n) => n !== undefined && WEB.has(n));
        if (!names.includes('modal.method') && !web) continue;
        if (web && OLD_WEB.has(web)) report(ctx, 'CM819', '@modal.web_endpoint is the old name of @modal.fastapi_endpoint; read as it', mod, fn.childForFieldName('name')!);
        if (web === 'modal.asgi_app' || web === 'modal.wsgi_app' || web === 'modal.web_server') {
          unserved.push({ name: `${name}.${method}`, why: `${SERVER_KIND[web]}, its routes defined inside it`, loc: locOf(fn.childForFieldName('name')!, mod.file) });
          continue;
        }
        out.push({ name: method, endpoint: method, loc: locOf(fn.childForFieldName('name')!, mod.file), typedReturn: fn.childForFieldName('return_type') !== null, node: fn, module: mod, cls: { name, node: def, decorator: onApp.call }, options: onApp.call });
      }
    } else if (def.type === 'function_definition' && onApp.kind === 'function') {
      const names = decorators.map((d) => decoratorName(ctx, mod, d));
      const server = names.find((n) => n === 'modal.asgi_app' || n === 'modal.wsgi_app' || n === 'modal.web_server');
      if (server) {
        // The web app's routes are module-level functions of a FastAPI() the function returns.
        for (const r of routes) out.push({ ...r, options: onApp.call });
        if (routes.length === 0) unserved.push({ name, why: `${SERVER_KIND[server]}${server === 'modal.web_server' ? ', a server process' : ', its routes defined inside it'}`, loc });
        continue;
      }
      if (names.some((n) => n !== undefined && OLD_WEB.has(n))) report(ctx, 'CM819', '@modal.web_endpoint is the old name of @modal.fastapi_endpoint; read as it', mod, def.childForFieldName('name')!);
      out.push({ name, endpoint: name, loc, typedReturn: def.childForFieldName('return_type') !== null, node: def, module: mod, options: onApp.call });
    }
  }
  return out;
}

/** `@web_app.post("/path")` functions of a module-level `web_app = FastAPI()`. */
function fastapiRoutes(ctx: Ctx, mod: PyModule): ModalEntry[] {
  const apis = new Set<string>();
  for (const [name, nodes] of mod.assignments) {
    const v = unwrapExpr(nodes[nodes.length - 1]!);
    if (v.type === 'call' && qnameOf(ctx.graph, mod, v.childForFieldName('function')!) === 'fastapi.FastAPI') apis.add(name);
  }
  const out: ModalEntry[] = [];
  for (const stmt of statements(mod.root)) {
    const def = definitionOf(stmt);
    if (def.type !== 'function_definition') continue;
    for (const d of decoratorsOf(def)) {
      const n = unwrapExpr(d);
      const fn = n.type === 'call' ? n.childForFieldName('function') : undefined;
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      const verb = fn?.type === 'attribute' ? fn.childForFieldName('attribute')!.text : '';
      if (!obj || !apis.has(obj.text) || !['post', 'get', 'put'].includes(verb)) continue;
      const path = callArguments(n).positional[0];
      const route = path?.type === 'string' ? path.text.replace(/^["']|["']$/g, '') : '/';
      out.push({ name: def.childForFieldName('name')!.text, endpoint: route, loc: locOf(def.childForFieldName('name')!, mod.file), node: def, module: mod });
    }
  }
  return out;
}

/** Decorators of a class other than @app.cls (`@modal.concurrent(max_inputs=...)`). */
function classDecorators(ctx: Ctx, mod: PyModule, cls: SyntaxNode): { name: string; call: SyntaxNode }[] {
  return decoratorsOf(cls).map((d) => ({ name: decoratorName(ctx, mod, d) ?? '', call: unwrapExpr(d) })).filter((d) => d.name.startsWith('modal.'));
}

/** `@modal.enter()` methods in class order (the old `@modal.build()` / `__enter__` too). */
function enterMethods(ctx: Ctx, mod: PyModule, cls: SyntaxNode): { name: string; isAsync: boolean }[] {
  const out: { name: string; isAsync: boolean }[] = [];
  for (const m of statements(cls.childForFieldName('body')!)) {
    const fn = definitionOf(m);
    if (fn.type !== 'function_definition') continue;
    const name = fn.childForFieldName('name')!.text;
    const names = decoratorsOf(fn).map((d) => decoratorName(ctx, mod, d));
    if (names.includes('modal.build')) report(ctx, 'CM819', `@modal.build() on ${name}() is deprecated in Modal; in Cog it runs at start-up with the @modal.enter() methods`, mod, fn.childForFieldName('name')!);
    if (names.includes('modal.enter') || names.includes('modal.build') || name === '__enter__' || name === '__aenter__') out.push({ name, isAsync: isAsyncFunction(fn) });
  }
  return out;
}
