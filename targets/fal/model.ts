// Builds the plain view model of app.py from the IR: the structure is decided here, the text is
// printed once by templates/app.py.hbs. No file is read; same IR and options -> same view.

import type { CogIR, Predictor } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { appSlug, moduleName, pascalName } from '../../src/target/names.js';
import { buildInputModel, type InputModelView } from './inputs.js';
import { endpointBody, streamBody } from './bodies.js';
import type { PersistentCache } from './caches.js';
import { isAsyncStream, isFileInput, isStreaming, noNeeds, type Needs } from './pytypes.js';
import { ann, modelClass, type Annotation, type ModelClass } from './annotation.js';
import {
  asyncFileCall, looseSpots, outputAnnotation, outputConversion, OutputModels, syncFileCall, type OutputModelView,
} from './outputs.js';

export interface RoleView {
  role: 'predict' | 'train';
  /** Attribute on the app holding the predictor instance (or function). */
  attr: string;
  /** Index into AppView.modules. */
  moduleVar: string;
  name: string;
  isFunction: boolean;
  /** The method called per request; absent for function predictors. */
  method?: string;
  setup?: { isAsync: boolean; weightsParam?: string };
  input: InputModelView;
  argumentsFn: string;
  outputModel: ModelClass;
  endpointPath: string;
  endpointName: string;
  isAsyncEndpoint: boolean;
  /** The predictor call, e.g. `self.predictor.predict(**_predict_arguments(input, tmp))`. */
  callCode: string;
  /** Lines before the call (async endpoints download the inputs in a thread first). */
  preamble: string[];
  /** File inputs are downloaded into a per-request temporary folder `tmp`. */
  usesTmp: boolean;
  /** Method bodies, as lines (see bodies.ts). */
  body: string[];
  streamBody: string[];
  /** Non-streaming output: Python expression of the response built from `result`. */
  resultCode?: string;
  stream?: {
    path: string;
    name: string;
    /** The loop header over the predictor's items. */
    loop: 'for' | 'async for' | 'for-await';
    itemAnnotation: Annotation;
    itemCode: string;
    /** A ConcatenateIterator: each event is one item (the new text) in this model, which the
     * client concatenates, instead of the whole output so far. */
    chunkModel?: ModelClass;
  };
  /** `--billable-metric`: the metric whose value POST `endpointPath` reports as fal's billable units. */
  billableMetric?: string;
}

export interface BuildSecret {
  id: string;
  env: string;
}

/** The secrets build.run mounts (`--mount=type=secret,id=...`), once each, with the variable
 * `fal deploy` reads each one from: the id in upper case, other characters as `_`. */
export function buildSecrets(ir: CogIR): BuildSecret[] {
  const ids = [...new Set(ir.build.run.flatMap((r) => r.mounts.filter((m) => m.type === 'secret').map((m) => m.id)))];
  return ids.map((id) => {
    const env = id.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    return { id, env: /^[A-Z_]/.test(env) ? env : `SECRET_${env}` };
  });
}

/** One `fal.App` class of app.py: the whole model, or (`--train-app`) its prediction or training app. */
export interface AppClassView {
  className: string;
  appName: string;
  attributes: { name: string; code: string; note?: string }[];
  setupIsAsync: boolean;
  modules: ModuleView[];
  roles: RoleView[];
}

export interface ModuleView {
  variable: string;
  file: string;
  moduleName: string;
}

export interface AppView {
  projectName: string;
  pythonVersion: string;
  className: string;
  appName: string;
  refs: string[];
  attributes: { name: string; code: string; note?: string }[];
  dockerfileLines: string[];
  dockerfileMissing: boolean;
  /** The fal Runtime form (runtime-form.ts): the pip requirements fal builds the environment
   * from, instead of a Dockerfile. */
  requirements?: string[];
  /** The fal Runtime form (a flag: its requirements may be an empty list). */
  runtimeForm: boolean;
  /** The fal Runtime form: app_files_ignore after fal's defaults (app-files.ts). */
  appFilesIgnore: { regex: string; note: string }[];
  /** app_files_ignore carries the project's .dockerignore. */
  dockerignoreUpload: boolean;
  /** No `image = ...` line: no Dockerfile, or the fal Runtime form. */
  noImage: boolean;
  /** Build secrets the run steps mount, each read from an environment variable at fal deploy. */
  buildSecrets: BuildSecret[];
  projectDir: string;
  /** Cache variables setup() points at fal's persistent /data (caches.ts). */
  persistentCaches: PersistentCache[];
  modules: ModuleView[];
  inputModels: InputModelView[];
  outputModels: OutputModelView[];
  roles: RoleView[];
  /** The fal.App classes app.py defines (train-app.ts splits training off with --train-app). */
  apps: AppClassView[];
  setupIsAsync: boolean;
  usesWeights: boolean;
  needs: Needs;
  streaming: boolean;
  asyncStreaming: boolean;
  /** `--billable-metric`: reported as fal's billable units by the non-streaming endpoints. */
  billableMetric?: string;
}

// Names app.py defines or imports at module level; the app class must not shadow them.
const TAKEN = new Set([
  'Input', 'Output', 'TrainInput', 'TrainOutput', 'Path', 'File', 'Image', 'Video', 'Audio', 'Field', 'FileField',
  'ImageField', 'VideoField', 'AudioField', 'Response',
  'FalBaseModel', 'BaseModel', 'ConfigDict', 'SecretStr', 'AfterValidator', 'StreamingResponse',
  'Any', 'Dict', 'List', 'Optional', 'Literal', 'Iterator', 'AsyncIterator', 'Annotated',
]);

/** PascalCase class name from the project name; `App` added when it would start with a digit
 * or clash with a name app.py uses (a project called "path" must not shadow pathlib.Path). */
export function className(projectName: string): string {
  let name = pascalName(projectName, 'CogModel');
  if (TAKEN.has(name) || name.startsWith('Output') || name.startsWith('TrainOutput')) name = `${name}App`;
  return name;
}

export { appSlug, moduleName };

function roleView(
  p: Predictor, modules: ModuleView[], outputModelsOut: OutputModelView[], needs: Needs, findings: Finding[], reserved: ReadonlySet<string>,
  billableMetric: string | undefined,
): RoleView {
  const train = p.role === 'train';
  let module = modules.find((m) => m.file === p.file);
  if (!module) {
    const name = moduleName(p.file);
    let variable = `${name}_module`;
    for (let i = 2; modules.some((m) => m.variable === variable); i++) variable = `${name}_module${i}`;
    module = { variable, file: p.file, moduleName: name };
    modules.push(module);
  }
  const input = buildInputModel(modelClass(train ? 'TrainInput' : 'Input'), p.inputs, needs, findings, p.role, reserved);
  const usesTmp = p.inputs.some((i) => isFileInput(i.type));
  const outputs = new OutputModels(train ? 'TrainOutput' : 'Output', reserved, p.outputMedia);
  const media = p.outputMedia;
  const isFunction = p.kind === 'function';
  const attr = train ? 'trainer' : 'predictor';
  const method = isFunction ? undefined : (p.method ?? (p.kind === 'runner' ? 'run' : p.role));
  const callee = isFunction ? `self.${attr}` : `self.${attr}.${method}`;
  const outputModel = modelClass(train ? 'TrainOutput' : 'Output');
  // Async endpoints share the event loop with other requests (max_multiplexing): downloads and
  // uploads, which block, run in a thread there.
  const isAsyncEndpoint = p.isAsync || isAsyncStream(p.output);
  const fileCall = isAsyncEndpoint ? asyncFileCall : syncFileCall;
  const threaded = usesTmp && isAsyncEndpoint;
  const args = threaded ? 'arguments' : `_${p.role}_arguments(input${usesTmp ? ', tmp' : ''})`;
  if (threaded) needs.asyncio = true;
  const view: RoleView = {
    role: p.role,
    attr,
    moduleVar: module.variable,
    name: p.name,
    isFunction,
    ...(method !== undefined ? { method } : {}),
    ...(p.setup && !isFunction
      ? { setup: { isAsync: p.setup.isAsync, ...(p.setup.weightsParameter ? { weightsParam: p.setup.weightsParameter.name } : {}) } }
      : {}),
    input,
    argumentsFn: `_${p.role}_arguments`,
    outputModel,
    endpointPath: train ? '/train' : '/',
    endpointName: p.role,
    isAsyncEndpoint,
    callCode: `${callee}(**${args})`,
    preamble: threaded ? [`arguments = await asyncio.to_thread(_${p.role}_arguments, input, tmp)`] : [],
    usesTmp,
    body: [],
    streamBody: [],
    ...(billableMetric !== undefined ? { billableMetric } : {}),
  };
  findings.push(...looseFindings(p));
  if (isStreaming(p.output)) {
    const itemAnnotation = outputAnnotation(p.output.items, needs, outputs, media);
    outputs.wrapper(outputModel, ann('List', itemAnnotation));
    needs.list = true;
    const loop = isAsyncStream(p.output) ? 'async for' : p.isAsync ? 'for-await' : 'for';
    const concatenated = p.output.kind === 'concatenateIterator' || p.output.kind === 'asyncConcatenateIterator';
    view.stream = {
      path: train ? '/train/stream' : '/stream',
      name: train ? 'train_stream' : 'stream',
      loop,
      itemAnnotation,
      itemCode: outputConversion(p.output.items, 'item', needs, outputs, fileCall, 0, media),
      ...(concatenated ? { chunkModel: outputs.chunk(itemAnnotation) } : {}),
    };
    if (loop !== 'for') view.isAsyncEndpoint = true;
    findings.push(finding('CM415', `${p.role} output of ${p.ref} is an iterator: POST ${view.stream.path} streams it, POST ${view.endpointPath} returns the whole list`, p.loc, { target: 'fal' }));
  } else if (p.output.kind === 'object') {
    outputs.classFor(p.output, needs, outputModel);
    view.resultCode = outputConversion(p.output, 'result', needs, outputs, fileCall);
  } else {
    const annotation = outputAnnotation(p.output, needs, outputs, media);
    outputs.wrapper(outputModel, annotation);
    view.resultCode = `${outputModel}(output=${outputConversion(p.output, 'result', needs, outputs, fileCall, 0, media)})`;
  }
  outputModelsOut.push(...outputs.models);
  view.body = endpointBody(view);
  if (view.stream) view.streamBody = streamBody(view);
  return view;
}

/** CM410 where the output is loose: at the field of the Cog output class when it is inside one
 * (the rest of that model is typed), else at the predictor. */
function looseFindings(p: Predictor): Finding[] {
  return looseSpots(p.output).map(({ field }) => field
    ? finding('CM410',
      `${p.role} output field "${field.field.name}" of ${field.owner} has no precise type; fal returns that field as untyped JSON`,
      field.field.loc,
      { target: 'fal', hint: `Annotate ${field.owner}.${field.field.name} precisely (for example List[str] rather than list, or a BaseModel class) to get a typed schema for it.` })
    : finding('CM410', `${p.role} output of ${p.ref} has no precise type; fal returns it as untyped JSON`, p.loc, { target: 'fal' }));
}

export interface BuildInput {
  ir: CogIR;
  className: string;
  appName: string;
  attributes: AppView['attributes'];
  dockerfile?: string;
  /** The fal Runtime form: requirements instead of `dockerfile`, and what the upload leaves out. */
  requirements?: string[];
  appFilesIgnore?: { regex: string; note: string }[];
  projectDir: string;
  billableMetric?: string;
  persistentCaches?: PersistentCache[];
}

export function buildAppView(b: BuildInput, findings: Finding[]): AppView {
  const outputModels: OutputModelView[] = [];
  const needs = noNeeds();
  const modules: ModuleView[] = [];
  const roles: RoleView[] = [];
  for (const p of [b.ir.predictors.predict, b.ir.predictors.train]) {
    if (p) roles.push(roleView(p, modules, outputModels, needs, findings, new Set([b.className]), b.billableMetric));
  }
  const usesWeights = roles.some((r) => r.setup?.weightsParam !== undefined);
  const streams = roles.filter((r) => r.stream);
  const view: AppView = {
    projectName: b.ir.project.name,
    pythonVersion: b.ir.build.pythonVersion,
    className: b.className,
    appName: b.appName,
    refs: roles.map((r) => `${r.role}: ${b.ir.predictors[r.role]!.ref}`),
    attributes: b.attributes,
    dockerfileLines: b.dockerfile === undefined ? [] : splitLines(b.dockerfile),
    dockerfileMissing: b.dockerfile === undefined && b.requirements === undefined,
    ...(b.requirements !== undefined ? { requirements: b.requirements } : {}),
    runtimeForm: b.requirements !== undefined,
    appFilesIgnore: b.appFilesIgnore ?? [],
    dockerignoreUpload: (b.ir.project.dockerignore?.length ?? 0) > 0,
    noImage: b.dockerfile === undefined,
    buildSecrets: buildSecrets(b.ir),
    projectDir: b.projectDir,
    persistentCaches: b.persistentCaches ?? [],
    modules,
    inputModels: roles.map((r) => r.input),
    outputModels,
    roles,
    apps: [{ className: b.className, appName: b.appName, attributes: b.attributes, setupIsAsync: roles.some((r) => r.setup?.isAsync === true), modules, roles }],
    setupIsAsync: roles.some((r) => r.setup?.isAsync === true),
    usesWeights,
    needs,
    streaming: streams.length > 0,
    asyncStreaming: streams.some((r) => r.stream!.loop !== 'for'),
    ...(b.billableMetric !== undefined ? { billableMetric: b.billableMetric } : {}),
  };
  return view;
}

/** Dockerfile lines for a parenthesised run of string literals: each keeps its newline. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => `${l}\n`);
}

