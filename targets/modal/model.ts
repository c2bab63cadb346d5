// Builds the plain view model of modal_app.py from the IR: every decision is made here, the text
// is printed once by templates/modal_app.py.hbs. Same IR and options -> same view.

import type { CogIR, IrType, Predictor } from '../../src/ir/types.js';
import { pyLiteral, pyStr } from '../../src/quote/index.js';
import { appSlug, moduleName, pascalName } from '../../src/target/names.js';
import { modelHardware } from '../../src/hardware/index.js';
import { gpuFor, type ModalOptions } from './options.js';
import { volumesFor, type VolumeView } from './volumes.js';
import { runtimeRequirements } from '../../src/runtime/index.js';
import type { Finding } from '../../src/findings/types.js';
import { lifecycleArguments, type Argument } from './lifecycle.js';

/** Where the project folder is mounted in the container, as Cog's `COPY . /src` had it. */
export const PROJECT_DIR = '/src';
/** The shipped schema, also what GET /openapi.json serves. */
export const OPENAPI_FILE = 'openapi.json';
/** The pruned Dockerfile, beside modal_app.py. */
export const DOCKERFILE = 'modal.Dockerfile';
/** The web framework the endpoint runs on: runtime/requirements/web.txt, the pin the checks run against too. */
export const fastapiSpecs = (): string[] => runtimeRequirements('web');

export interface ModelView {
  /** `self.<attr>` holding the CogModel. */
  attr: 'model' | 'trainer';
  ref: string;
  moduleName: string;
  method: string;
  inputSchema: 'Input' | 'TrainingInput';
  fileInputs: string[];
  isAsync: boolean;
  setupAsync: boolean;
  /** The output is an iterator: the method is a generator. */
  streaming: boolean;
}

export type { Argument } from './lifecycle.js';

export interface ModalView {
  projectName: string;
  refs: string[];
  appName: string;
  className: string;
  projectDir: string;
  openapiFile: string;
  dockerfile?: string;
  fastapiSpecs: string[];
  buildSecrets: string[];
  clsArguments: Argument[];
  concurrent?: number;
  /** cog.yaml concurrency.default_target (below max): the autoscaler's `target_inputs=`. */
  concurrentTarget?: number;
  snapshot: boolean;
  predict: ModelView;
  train?: ModelView;
  volumes: VolumeView[];
  /** Project folders a Volume holds instead (relative cache dirs): left out of add_local_dir. */
  volumeFolders: string[];
  anyAsyncSetup: boolean;
}

const isIterator = (t: IrType) => t.kind === 'iterator' || t.kind === 'concatenateIterator' || t.kind === 'asyncIterator' || t.kind === 'asyncConcatenateIterator';

function fileInputs(p: Predictor): string[] {
  const isFile = (t: IrType): boolean => t.kind === 'file' || (t.kind === 'optional' && isFile(t.inner)) || (t.kind === 'list' && isFile(t.items));
  return p.inputs.filter((i) => isFile(i.type)).map((i) => i.name);
}

function modelView(p: Predictor, attr: ModelView['attr']): ModelView {
  return {
    attr,
    ref: p.ref,
    moduleName: moduleName(p.file),
    method: p.method ?? (p.role === 'train' ? 'train' : 'predict'),
    inputSchema: p.role === 'train' ? 'TrainingInput' : 'Input',
    fileInputs: fileInputs(p),
    isAsync: p.isAsync,
    setupAsync: p.setup?.isAsync ?? false,
    streaming: isIterator(p.output),
  };
}

/** `modal.App` class names: PascalCase of the project, never a name modal_app.py itself uses. */
export function modalClassName(projectName: string): string {
  const name = pascalName(projectName, 'CogModel');
  return ['Path', 'Any', 'Dict', 'Iterator', 'AsyncIterator', 'modal', 'app', 'image'].includes(name) ? `${name}Model` : name;
}

/** The secrets the class reads at run time: COG_WEIGHTS for setup(weights). */
export function runtimeSecretName(appName: string): string {
  return `${appName}-cog-weights`;
}

/** The view of modal_app.py; the findings of the decisions it makes from the model go to `findings`. */
export function buildModalView(ir: CogIR, options: ModalOptions, predict: Predictor, dockerfile: string | undefined, findings: Finding[] = []): ModalView {
  const appName = options.appName ?? appSlug(ir.project.name);
  const args: Argument[] = [{ name: 'image', code: 'image' }];
  // --gpu, else the Replicate machine the model runs on (cog-safe-push.yaml or --hardware), else cog.yaml gpu.
  const named = options.gpu === undefined ? modelHardware(ir) : undefined;
  const namedGpu = named?.mapping.modal.gpu;
  const gpu = options.gpu ?? (named ? (namedGpu ? [namedGpu] : undefined) : gpuFor(ir.build.gpu));
  if (gpu) {
    const code = gpu.length === 1 ? pyStr(gpu[0]!) : `[${gpu.map((g) => pyStr(g)).join(', ')}]`;
    const note = options.gpu ? 'set with --gpu' : named ? `${named.where} (docs/hardware.md); change with --gpu` : 'cog.yaml gpu: true; change with --gpu';
    args.push({ name: 'gpu', code, note });
  }
  const secrets: string[] = [];
  const weighted = [ir.predictors.predict, ir.predictors.train].some((p) => p?.setup?.weightsParameter);
  if (weighted) secrets.push(`modal.Secret.from_name(${pyStr(runtimeSecretName(appName))}, required_keys=["COG_WEIGHTS"])`);
  if (secrets.length > 0) args.push({ name: 'secrets', code: `[${secrets.join(', ')}]`, note: 'setup() gets COG_WEIGHTS from this secret (MIGRATION.md)' });
  const volumes = volumesFor(ir, appName, PROJECT_DIR);
  if (volumes.length > 0) args.push({ name: 'volumes', code: `{${volumes.map((v) => `${pyStr(v.path)}: ${v.variable}`).join(', ')}}`, note: 'weights caches kept across cold starts' });
  const int = (name: string, value: number | undefined, note?: string) => {
    if (value !== undefined) args.push({ name, code: pyLiteral(value), ...(note ? { note } : {}) });
  };
  args.push(...lifecycleArguments(ir, options, findings));
  int('min_containers', options.minContainers);
  int('max_containers', options.maxContainers);
  if (options.snapshot) args.push({ name: 'enable_memory_snapshot', code: 'True', note: '--snapshot: imports are restored from a snapshot (MIGRATION.md)' });
  const buildSecrets = [...new Set([...ir.build.preInstall, ...ir.build.run].flatMap((s) => s.mounts.map((m) => m.id)))].sort();
  const train = ir.predictors.train ? modelView(ir.predictors.train, 'trainer') : undefined;
  const predictView = modelView(predict, 'model');
  const max = ir.runtime.concurrency?.max;
  const target = ir.runtime.concurrency?.defaultTarget;
  return {
    projectName: ir.project.name,
    refs: [predict.ref, ...(ir.predictors.train ? [ir.predictors.train.ref] : [])],
    appName,
    className: modalClassName(ir.project.name),
    projectDir: PROJECT_DIR,
    openapiFile: OPENAPI_FILE,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    fastapiSpecs: fastapiSpecs(),
    buildSecrets,
    clsArguments: args,
    ...(max !== undefined && max > 1 ? { concurrent: max } : {}),
    ...(max !== undefined && max > 1 && target !== undefined && target >= 1 && target < max ? { concurrentTarget: target } : {}),
    snapshot: options.snapshot ?? false,
    predict: predictView,
    ...(train ? { train } : {}),
    volumes,
    volumeFolders: volumes.flatMap((v) => (v.projectFolder ? [v.projectFolder] : [])),
    anyAsyncSetup: predictView.setupAsync || (train?.setupAsync ?? false),
  };
}
