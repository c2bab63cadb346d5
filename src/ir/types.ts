// The intermediate representation: one typed model of a Cog project. Frontends produce it,
// targets consume it; nothing else crosses that boundary. Every node keeps `loc` so findings can
// point at the user's own file and words, never at IR field names.

import type { MediaKind } from './media.js';

export const IR_VERSION = 1 as const;

/** A position in the user's project. `file` is relative to the project root, POSIX separators. */
export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A JSON-compatible literal value as evaluated from Python or YAML source. */
export type LiteralValue =
  | null
  | boolean
  | number
  | string
  | LiteralValue[]
  | { [key: string]: LiteralValue };

/**
 * A value read from source. Either it evaluated statically to a literal, or it did not and is
 * kept as the original source text (with a finding explaining why).
 */
export type StaticValue =
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'source'; text: string };

// ---------------------------------------------------------------------------------------------
// Types of inputs and outputs

export type PrimitiveTypeName = 'str' | 'int' | 'float' | 'bool';

export type IrType =
  | { kind: 'str' }
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'path' }
  | { kind: 'file' }
  | { kind: 'secret' }
  | { kind: 'any' }
  /** `dict`, `Dict[str, V]`: `values` is V when the annotation names it (an output's schema shows it). */
  | { kind: 'dict'; values?: IrType }
  | { kind: 'list'; items: IrType }
  | { kind: 'optional'; inner: IrType }
  | { kind: 'iterator'; items: IrType }
  | { kind: 'concatenateIterator'; items: IrType }
  | { kind: 'asyncIterator'; items: IrType }
  | { kind: 'asyncConcatenateIterator'; items: IrType }
  | { kind: 'object'; name: string; fields: ObjectField[]; loc: SourceLocation };

export type IrTypeKind = IrType['kind'];

/** A field of a BaseModel output class. */
export interface ObjectField {
  name: string;
  type: IrType;
  /** Default as written in the class body; absent when the field is required. */
  default?: StaticValue;
  loc: SourceLocation;
}

// ---------------------------------------------------------------------------------------------
// Inputs

export interface Input {
  name: string;
  type: IrType;
  /** 'required' when the parameter has no default (or `Input(...)` gives none). */
  default: StaticValue | 'required';
  description?: string;
  ge?: number;
  le?: number;
  minLength?: number;
  maxLength?: number;
  regex?: string;
  choices?: StaticValue;
  deprecated?: boolean;
  /** Position in the signature, 0-based, as Cog's `x-order`. */
  order: number;
  /** How the user wrote it, e.g. `Input(ge=0)`, `@cog.input("x", type=int)`, or `x: int = 3`. */
  spelling: 'Input' | 'decorator' | 'plain';
  /**
   * Where Cog's current static schema generator reads this input differently from the values
   * above, which are what the model has when it runs (Cog 0.19 and older evaluated them at
   * import). The static OpenAPI dialect follows it; absent where the two agree.
   */
  staticCog?: StaticCogReading;
  loc: SourceLocation;
}

/** Input() keywords Cog's static generator may read differently from the running model. */
export type StaticCogKeyword = 'default' | 'description' | 'ge' | 'le' | 'min_length' | 'max_length' | 'regex' | 'deprecated' | 'choices';

export interface StaticCogReading {
  /** It refuses the predictor (`cog build` fails) with this message. */
  refuses?: string;
  /**
   * What it reads instead, per keyword: null is None for a default (no default: the input is
   * required unless it is Optional) and "left out" for the others; choices are a list (empty:
   * no enum), as `list(D.keys())` of a dict whose values are not all literals reads fewer.
   */
  reads?: { [K in StaticCogKeyword]?: LiteralValue };
  /**
   * It reads no default at all, not even None: the default was given positionally
   * (`Input("hello")`), and it reads only keyword arguments. The input is required unless it is
   * Optional, and has no `default` either way (None would write `default: null` on an Optional).
   */
  noDefault?: true;
}

// ---------------------------------------------------------------------------------------------
// Predictors

export type PredictorKind =
  /** `class P(BasePredictor)` with `predict()` / `train()`. */
  | 'class'
  /** A module-level function named by `predict: "predict.py:predict"`. */
  | 'function'
  /** The newer `class R(BaseRunner)` with `run()`. */
  | 'runner'
  /** Pre-1.0 `class P(cog.Predictor)` with `@cog.input(...)` decorators. */
  | 'legacy'
  /** An endpoint of a fal app (`fal.App` subclass or `@fal.function`), read by src/frontends/fal; `app` says how to call it. */
  | 'fal'
  /** A method or function of a Modal app, read by src/frontends/modal; `app` says how to call it. */
  | 'modal';

export interface Predictor {
  /** Which cog.yaml key named it. */
  role: 'predict' | 'train';
  /** The reference as written in cog.yaml, e.g. `predict.py:Predictor`. */
  ref: string;
  /** Module file relative to the project root, POSIX separators. */
  file: string;
  /** Class or function name. */
  name: string;
  kind: PredictorKind;
  /** Name of the method that serves requests (`predict`, `train`, `run`), absent for functions. */
  method?: string;
  isAsync: boolean;
  setup?: SetupSignature;
  inputs: Input[];
  output: IrType;
  /** Local modules (relative paths) the predictor file imports, transitively. */
  localImports: string[];
  /** Cog runtime APIs used in the file that need mapping (current_scope, emit_metric, ...). */
  runtimeApis: RuntimeApiUse[];
  /**
   * What the files among the outputs are, where the serving method shows it statically: every
   * file name it writes ends in a suffix of this one kind (`"out.png"`, `f"output.{fmt}"` with
   * `fmt` choosing among image formats). Absent when there are no file outputs or it is unclear.
   */
  outputMedia?: MediaKind;
  /**
   * How the predictor's code (its module, its class's module and the local modules they import)
   * loads Hugging Face weights, read statically. Absent when it calls no Hugging Face loader.
   */
  huggingFace?: HuggingFaceUse;
  /** Present exactly when `kind` is 'fal' or 'modal': how a Cog predictor delegates to the app. */
  app?: PlatformEntry;
  loc: SourceLocation;
}

/**
 * The serving entry of a fal or Modal app (the reverse direction, app -> Cog). The app's code is
 * kept unchanged; a generated Cog predictor constructs `className`, runs `setup`, and calls
 * `method` per request.
 */
export interface PlatformEntry {
  platform: 'fal' | 'modal';
  /** The class holding the entry (`fal.App` subclass, Modal `@app.cls`); absent for function apps. */
  className?: string;
  /** Method (or module-level function) serving requests. */
  method: string;
  /** How the platform addresses it: a fal endpoint path (`/`), a Modal method name or web route. */
  endpoint: string;
  /** One Pydantic model argument (fal endpoints, FastAPI bodies) or keyword arguments (Modal methods). */
  request: { style: 'model'; model: string; parameter: string } | { style: 'keywords' };
  /** Methods run once when the app starts, in order: fal `setup()`, Modal `@modal.enter()` methods. */
  setup: { name: string; isAsync: boolean }[];
  /** The response model's only field, unwrapped into Cog's `output` (`Output(output=...)` -> the value). */
  outputField?: string;
  /** The endpoint returns a Server-Sent Events StreamingResponse; each event's data is one output item. */
  sse?: boolean;
  /**
   * Inputs whose default the app computes (`default_factory`, an expression): Cog shows them as
   * optional with default None, and the predictor leaves them out of the request when None.
   */
  omitWhenNone?: string[];
  /** Field names renamed through `alias=` (API name -> Python attribute name). */
  aliases?: Record<string, string>;
  /**
   * Parameters FastAPI fills in by their type, not from the request body (`response: Response`
   * to set a header, `request: Request`): the predictor passes a fresh object of that class.
   */
  injected?: { parameter: string; kind: 'request' | 'response' }[];
  /**
   * Inputs the app takes as `bytes` or as FastAPI's `UploadFile`: a Path in Cog, passed to the
   * app as the file's content or as an UploadFile over it.
   */
  fileArguments?: Record<string, 'bytes' | 'upload'>;
  /** Top-level Python module names in the app's folder, which a generated predictor must not shadow. */
  projectModules: string[];
}

export interface SetupSignature {
  isAsync: boolean;
  /** `setup(self, weights: Path = None)`: Cog passes COG_WEIGHTS through this parameter. */
  weightsParameter?: { name: string; type: IrType; loc: SourceLocation };
  loc: SourceLocation;
}

/**
 * Hugging Face loading in the predictor's code: what decides whether a platform needs a weights
 * cache (a model that loads only from its own folder downloads nothing).
 */
export interface HuggingFaceUse {
  /**
   * Calls that download from the Hub: `from_pretrained` of a repository id (or of a value not
   * known statically), `pipeline(...)`, `hf_hub_download`, `snapshot_download`,
   * `SentenceTransformer`; `cacheDir` is the call's `cache_dir=` / `cache_folder=` / `local_dir=`
   * as written (relative: to the working directory, Cog's /src).
   */
  downloads: { loc: SourceLocation; cacheDir?: string }[];
  /** HF_HOME, HF_HUB_CACHE, TRANSFORMERS_CACHE or HUGGINGFACE_HUB_CACHE set through `os.environ`, as written. */
  cacheVariables: { name: string; path: string; loc: SourceLocation }[];
  /**
   * Folders of the project a loader reads (`from_pretrained("hf-cache")`, `"./weights"`), as
   * written; `exists` says whether the project holds it now (a script may make it before `cog build`).
   */
  projectFolders: {
    path: string;
    exists: boolean;
    /**
     * The code also passes the folder to a call other than a loader or an `os.path` check (a
     * download such as `pget URL DEST`, `os.makedirs`): setup() fills it when it is missing.
     */
    filledBySetup?: true;
    loc: SourceLocation;
  }[];
}

export interface RuntimeApiUse {
  api: 'current_scope' | 'emit_metric' | 'record_metric' | 'CancelationException';
  loc: SourceLocation;
}

// ---------------------------------------------------------------------------------------------
// Build and runtime

export interface PythonRequirement {
  /** The line exactly as written (after stripping comments and surrounding blanks). */
  raw: string;
  kind: 'package' | 'url' | 'option' | 'editable' | 'file';
  /** Normalised distribution name for packages, e.g. `torch`. */
  name?: string;
  extras?: string[];
  /** Version specifier as written, e.g. `==2.1.0` or `>=1,<2`. */
  specifier?: string;
  /** Environment marker after `;`. */
  marker?: string;
  /** For `pkg @ url` and bare URLs. */
  url?: string;
  /** Pip options: `--extra-index-url URL`, `-f URL`, `--pre` ... kept verbatim. */
  option?: string;
  loc: SourceLocation;
}

export interface SecretMount {
  type: 'secret';
  id: string;
  target: string;
}

export interface RunStep {
  command: string;
  mounts: SecretMount[];
  loc: SourceLocation;
}

export interface EnvironmentVariable {
  name: string;
  value: string;
  loc: SourceLocation;
}

export interface WeightsEntry {
  /** A path (Cog 0.17-0.19) or a source URI such as `hf://org/repo` (0.20+). */
  source: string;
  target?: string;
  /** `name:` of the weights item (required from Cog 0.20). A multi-source item gives one entry per source, same name. */
  name?: string;
  /** Glob patterns of the 0.20+ `source: {include, exclude}`. */
  include?: string[];
  exclude?: string[];
  loc: SourceLocation;
}

export interface Build {
  gpu: boolean;
  /** As written, e.g. "11.8"; absent when Cog would infer it. */
  cuda?: string;
  cudnn?: string;
  /** Always a string ("3.10", never 3.1). Defaults to Cog's default when absent. */
  pythonVersion: string;
  pythonVersionExplicit: boolean;
  systemPackages: { name: string; loc: SourceLocation }[];
  /**
   * Where requirements came from: a requirements file, the legacy python_packages, the
   * platform app's own declaration (fal `requirements`, Modal `pip_install`, a Dockerfile's
   * `pip install`), or none.
   */
  requirementsSource: 'python_requirements' | 'python_packages' | 'app' | 'none';
  /** Project-relative path of the requirements file, when python_requirements is used. */
  requirementsFile?: string;
  pythonRequirements: PythonRequirement[];
  run: RunStep[];
  /** Legacy `pre_install` lines, run before requirements. */
  preInstall: RunStep[];
  /** `build.sdk_version` pin of the cog SDK. */
  sdkVersion?: string;
  loc: SourceLocation;
}

export interface Runtime {
  concurrency?: { max?: number; defaultTarget?: number; loc: SourceLocation };
  /** `image:` — the registry image name Cog pushes to. */
  image?: string;
  /** `model:` (Cog 0.20+) — the bare repository the image and managed weights are pushed to. */
  model?: string;
  environment: EnvironmentVariable[];
  weights: WeightsEntry[];
  /**
   * The Replicate machine the model runs on, where something says so (cog.yaml alone only says
   * `gpu:`): a cog-safe-push config's deployment.hardware or test_hardware, or `--hardware`.
   * Targets map it through src/hardware.
   */
  hardware?: { name: string; from: string; loc?: SourceLocation };
}

export interface Project {
  /** Name derived from the folder (or image) — used for output naming. */
  name: string;
  /** Absolute path of the project root at read time (normalised to <FIXTURE> in goldens). */
  root: string;
  /** Which Cog config generation the file is. */
  configGeneration: 'current' | 'pre-release-2021';
  /**
   * The folder is cog-migrate's output for a platform, wrapping the Cog predictor (the Modal
   * target's modal_app.py, read back): `files` are the wrapper's own (project-relative; a folder
   * ends in `/`), which a Cog project made from it leaves out, since Cog serves the predictor itself.
   */
  wrapper?: { platform: 'modal'; files: string[] };
  /**
   * One variant of a multi-model project, read as a model of its own. `selectedBy`: the select
   * script that makes this variant's cog.yaml live, and that cog.yaml as the script would write it
   * (made from `sources`), which the output carries instead of whatever cog.yaml is live.
   */
  variant?: { name: string; selectedBy?: { script: string; cogYaml: string; sources: string[] } };
  /**
   * The project's .dockerignore: its patterns as Docker reads them (comments and blank lines
   * dropped, trimmed; `!` first for an exception) with their lines, in order. What keeps weights
   * and caches out of Cog's image; a target that uploads the folder itself (fal's app_files)
   * translates them. Absent when the project has none.
   */
  dockerignore?: DockerignoreLine[];
}

export interface DockerignoreLine {
  pattern: string;
  line: number;
}

export interface CogIR {
  irVersion: typeof IR_VERSION;
  project: Project;
  build: Build;
  runtime: Runtime;
  predictors: { predict?: Predictor; train?: Predictor };
  /** The model's cog-safe-push configs (tests, fuzzing, hardware); absent when it has none. */
  safePush?: SafePushConfig[];
}

// ---------------------------------------------------------------------------------------------
// Tests, hardware and publishing: cog-safe-push configs (field names as cog-safe-push spells
// them in its pydantic config model, camel-cased here)

/** A test-case input value: cog-safe-push accepts bool, int, float, str and lists of them. */
export type SafePushInputValue = boolean | number | string | number[] | string[];

export interface SafePushInput {
  name: string;
  value: SafePushInputValue;
  loc: SourceLocation;
}

/** How a test case judges the output; cog-safe-push allows at most one per case. */
export type SafePushChecker =
  /** No checker: the prediction must succeed. */
  | { kind: 'succeeds' }
  | { kind: 'exact_string'; expected: string }
  | { kind: 'error_contains'; expected: string }
  | { kind: 'jq_query'; query: string }
  | { kind: 'match_url'; url: string }
  | { kind: 'match_prompt'; prompt: string };

export interface SafePushTestCase {
  inputs: SafePushInput[];
  checker: SafePushChecker;
  loc: SourceLocation;
}

export interface SafePushFuzz {
  fixedInputs: SafePushInput[];
  disabledInputs: { name: string; loc: SourceLocation }[];
  iterations: number;
  prompt?: string;
  loc: SourceLocation;
}

export interface SafePushPhase {
  testCases: SafePushTestCase[];
  fuzz?: SafePushFuzz;
  /** Seconds: `predict_timeout` or `train_timeout`. */
  timeout: number;
  loc: SourceLocation;
}

export interface SafePushConfig {
  /** Project-relative path: `cog-safe-push.yaml` or `cog-safe-push-configs/<variant>.yaml`. */
  file: string;
  /** The variant name (file stem) for configs under cog-safe-push-configs/. */
  variant?: string;
  /** `model`: the Replicate model pushed to, `owner/name`. */
  model: string;
  testModel?: string;
  /** Replicate hardware name the test model runs on (`cpu` when absent, as in cog-safe-push). */
  testHardware: { name: string; loc?: SourceLocation };
  predict?: SafePushPhase & { compareOutputs: boolean };
  train?: SafePushPhase & { destination?: string; destinationHardware: string };
  deployment?: { owner?: string; name?: string; hardware?: string; loc: SourceLocation };
  dockerfile?: string;
  parallel: number;
  fastPush: boolean;
  useCogBaseImage: boolean;
  ignoreSchemaCompatibility: boolean;
  officialModel?: string;
  loc: SourceLocation;
}
