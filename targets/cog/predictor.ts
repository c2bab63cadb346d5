// Builds the view of predict.py for an app read from fal or Modal: a Cog `Predictor` whose
// predict() declares the app's inputs with Input(...) and calls the app's unchanged endpoint.
// The structure is decided here; templates/predict.py.hbs prints it once.

import type { CogIR, Input, IrType, PlatformEntry, Predictor } from '../../src/ir/types.js';
import { isPyIdentifier, pyIdent, pyLiteral, pyStr } from '../../src/quote/index.js';
import { cogAnnotation, inputCall, needsAppValue, noImports, outputModels, type Imports } from './pytypes.js';

export interface ParamView {
  name: string;
  annotation: string;
  call: string;
}

export interface RoleView {
  /** `predict` (a method of Predictor) or `train` (a module-level function, as Cog's train is). */
  role: 'predict' | 'train';
  isAsync: boolean;
  params: ParamView[];
  returns: string;
  body: string[];
}

export interface ModelView {
  name: string;
  fields: { name: string; annotation: string; default?: string }[];
}

export interface PredictView {
  platform: PlatformEntry['platform'];
  appFile: string;
  appRef: string;
  /** `from app import TextToImage, Request` or, for file names that are not module names, a loader. */
  importLines: string[];
  adapterImports: string;
  cogImports: string;
  typingImports: string;
  outputModels: ModelView[];
  /** Expression creating the app object (`TextToImage()`), absent for function apps. */
  instance?: string;
  setupCalls: string[];
  setupIsAsync: boolean;
  predict: RoleView;
  train?: RoleView;
}

/** Python module path of a project file, when it can be imported by name. */
export function moduleName(file: string): string | undefined {
  const parts = file.replace(/\.py$/, '').split('/');
  return parts.every(isPyIdentifier) ? parts.join('.') : undefined;
}

export function buildPredictView(ir: CogIR, predictor: Predictor & { app: PlatformEntry }): PredictView {
  const imports: Imports = noImports();
  const adapter = new Set<string>();
  const app = predictor.app;
  if (app.className) imports.typing.add('Any'); // _start()
  const train = ir.predictors.train?.app ? (ir.predictors.train as Predictor & { app: PlatformEntry }) : undefined;
  // The app module is imported whole, under the platform's name: the app's own names (a request
  // model called `Input`, say) can never shadow Cog's in this file.
  const mod = moduleName(predictor.file);
  const importLines = mod
    ? [`import ${mod} as ${APP_MODULE[app.platform]}`]
    : [
      // A file name that is no module name (`my-app.py`) is loaded by path, as Cog loads predictors.
      'import pathlib',
      'from cog_migrate_runtime.loading import load_module',
      `${APP_MODULE[app.platform]} = load_module(pathlib.Path(__file__).resolve().parent, ${pyStr(predictor.file)}, "cog_migrated_app")`,
    ];

  const models = new Map<string, ModelView>();
  for (const p of [predictor, train]) {
    if (!p) continue;
    for (const [name, fields] of outputModels(p.output)) {
      imports.cog.add('BaseModel');
      models.set(name, {
        name: pyIdent(name),
        fields: fields.map((f) => ({
          name: pyIdent(f.name),
          annotation: cogAnnotation(f.type, imports),
          // A default the app computes stays None here: the app's own model filled it in.
          ...(f.default ? { default: f.default.kind === 'literal' ? pyLiteral(f.default.value) : 'None' } : {}),
        })),
      });
    }
  }
  const setupIsAsync = app.setup.some((s) => s.isAsync);
  const view: PredictView = {
    platform: app.platform,
    appFile: predictor.file,
    appRef: app.className ?? app.method,
    importLines,
    adapterImports: '',
    cogImports: '',
    typingImports: '',
    outputModels: [...models.values()],
    ...(app.className ? { instance: `${APP_MODULE[app.platform]}.${pyIdent(app.className)}()` } : {}),
    setupCalls: app.setup.map((s) => `${s.isAsync ? 'await ' : ''}app.${pyIdent(s.name)}()`),
    setupIsAsync,
    predict: roleView('predict', predictor, imports, adapter),
    ...(train ? { train: roleView('train', train, imports, adapter) } : {}),
  };
  view.adapterImports = [...adapter].sort().join(', ');
  view.cogImports = [...imports.cog].sort().join(', ');
  view.typingImports = [...imports.typing].sort().join(', ');
  return view;
}

const INJECTED_FACTORY = { request: 'fastapi_request', response: 'fastapi_response' } as const;

/** The name predict.py gives the app's module. */
const APP_MODULE = { fal: 'fal_app', modal: 'modal_app' } as const;

const ITERATORS = new Set<IrType['kind']>(['iterator', 'asyncIterator', 'concatenateIterator', 'asyncConcatenateIterator']);

function roleView(role: 'predict' | 'train', p: Predictor & { app: PlatformEntry }, imports: Imports, adapter: Set<string>): RoleView {
  const app = p.app;
  const params: ParamView[] = p.inputs.map((i) => ({ name: pyIdent(i.name), annotation: cogAnnotation(i.type, imports), call: inputCall(i, imports) }));
  const streams = ITERATORS.has(p.output.kind);
  // An async endpoint that streams makes predict() an async generator: Cog's AsyncIterator.
  let output = p.output;
  if (streams && p.isAsync && output.kind === 'iterator') output = { kind: 'asyncIterator', items: output.items };
  const returns = cogAnnotation(output, imports);
  // Local names never shadow an input (an input may well be called `result`).
  const taken = new Set(p.inputs.map((i) => i.name));
  const local = (name: string): string => { let n = name; while (taken.has(n)) n += '_'; return n; };
  const [args, result, item, response, appVar] = ['arguments', 'result', 'item', 'response', 'app'].map(local) as [string, string, string, string, string];
  const body: string[] = [`${args} = {`, ...p.inputs.map((i) => `    ${pyStr(i.name)}: ${argument(i, app, adapter)},`), '}'];
  for (const name of app.omitWhenNone ?? []) {
    body.push(`if ${pyIdent(name)} is None:`, `    del ${args}[${pyStr(name)}]  # the app computes this default itself`);
  }
  const target = role === 'predict' ? 'self.app' : appVar;
  const module = APP_MODULE[app.platform];
  const fn = app.className ? `${target}.${pyIdent(app.method)}` : `${module}.${pyIdent(app.method)}`;
  // Parameters FastAPI would fill in get a fresh object of their class (cog_app_adapter).
  const injected = (app.injected ?? []).map((x) => {
    adapter.add(INJECTED_FACTORY[x.kind]);
    return `, ${pyIdent(x.parameter)}=${INJECTED_FACTORY[x.kind]}()`;
  }).join('');
  const call = app.request.style === 'model'
    ? `${fn}(${module}.${pyIdent(app.request.model)}(**${args})${injected})`
    : `${fn}(**${args}${injected})`;
  if (role === 'train' && app.className) body.unshift(`${appVar} = _start()`);
  const awaited = p.isAsync ? `await ${call}` : call;
  const items = 'items' in p.output ? p.output.items : undefined;
  const model = (t: IrType | undefined) => (t?.kind === 'object' ? `, ${pyIdent(t.name)}` : '');
  if (!streams) {
    adapter.add('to_cog');
    body.push(`${result} = ${awaited}`);
    body.push(`return to_cog(${result}${app.outputField ? `.${pyIdent(app.outputField)}` : ''}${model(p.output)})`);
  } else if (app.sse) {
    adapter.add(p.isAsync ? 'async_sse_items' : 'sse_items');
    body.push(`${response} = ${awaited}`);
    body.push(p.isAsync ? `async for ${item} in async_sse_items(${response}):` : `for ${item} in sse_items(${response}):`, `    yield ${item}`);
  } else if (app.outputField) {
    adapter.add('to_cog');
    body.push(`${result} = ${awaited}`);
    body.push(`for ${item} in ${result}.${pyIdent(app.outputField)}:`, `    yield to_cog(${item}${model(items)})`);
  } else {
    adapter.add('to_cog');
    body.push(`${p.isAsync ? 'async for' : 'for'} ${item} in ${call}:`, `    yield to_cog(${item}${model(items)})`);
  }
  return { role, isAsync: p.isAsync, params, returns, body };
}

function argument(i: Input, app: PlatformEntry, adapter: Set<string>): string {
  const name = pyIdent(i.name);
  const asFile = app.fileArguments?.[i.name];
  if (asFile) {
    const convert = asFile === 'bytes' ? 'file_bytes' : 'upload_file';
    adapter.add(convert);
    return `${convert}(${name})`;
  }
  if (!needsAppValue(i.type)) return name;
  adapter.add('app_value');
  return `app_value(${name})`;
}
