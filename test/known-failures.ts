// Every known, intended difference between what we produce and an oracle, in one place (as
// Prettier keeps failed-format-tests.js). A suite looks a case up here instead of skipping it,
// and fails when a listed case starts passing, so this file cannot go stale.

import type { CogIR, Input, IrType } from '../src/ir/types.js';
import { goTitle, pythonTitle } from '../src/ir/openapi.js';
import type { JsonDifference } from './ir/helpers/json-diff.js';

export interface KnownFailure {
  /** The suite that consults the entry (its test file, without extension). */
  suite: 'ir/oracle' | 'docker/verify' | 'fal/openapi-contract' | 'cogyaml/cog-accepts' | 'cog/oracle' | 'cog/round-trip';
  /** The case: a fixture folder name or an oracle project folder name. */
  case: string;
  /** What differs, and why that is the intended result. */
  reason: string;
  link?: string;
}

const RUN_KEY = 'Cog 0.19.3 predates the top-level `run:` key and BaseRunner, so the oracle has no predictor to read; static Cog (>= 0.20) reads them with the same schema rules, held by test/ir/openapi.test.ts.';

export const knownFailures: KnownFailure[] = [
  // ir/oracle: a case is a fixture or oracle-project folder, optionally `/predict`, `/train` or
  // `/static` for one part of the comparison.
  { suite: 'ir/oracle', case: 'async-concatenate-iterator-concurrent-decorator', reason: RUN_KEY },
  { suite: 'ir/oracle', case: 'base-runner-top-level-run', reason: RUN_KEY },
  { suite: 'ir/oracle', case: 'runner-function-and-train/predict', reason: RUN_KEY },
  { suite: 'ir/oracle', case: 'runner-function-and-train/static', reason: `${RUN_KEY} Cog 0.19.3 therefore serves the train document alone where we serve predict and train.` },
  {
    suite: 'ir/oracle',
    case: 'old-api-cog-predictor-decorators',
    reason: 'The pre-1.0 API (cog.Predictor with @cog.input) is gone from the cog 0.19.3 SDK, so Cog rejects it; we read it on purpose (issue 3) to migrate old projects.',
  },
  {
    suite: 'ir/oracle',
    case: 'output-dict-and-primitives/train',
    reason: "cog 0.19.3's schema code reads predict() of any class, so a BasePredictor subclass named by `train:` fails on the inherited predict(**kwargs); static Cog reads train(), as we do.",
  },
  {
    suite: 'ir/oracle',
    case: 'yaml-leading-python-docstring',
    reason: "Cog's YAML loader rejects a cog.yaml that opens with a Python docstring; we tolerate it with a warning on purpose (issue 3: seen in a public model).",
  },
  {
    suite: 'ir/oracle',
    case: 'non-literal-default-from-module',
    reason: 'A default computed with numpy at import time (`float(np.pi)`): with numpy stubbed the oracle cannot evaluate it, so it has no answer; the frontend keeps the default as source text (a note), which no schema can show.',
  },
  // `/static` too: the oracle's served document is that same failing predict schema.
  ...['path-default/predict', 'readCog:path-default/predict', 'path-default/static', 'readCog:path-default/static'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: 'cog 0.19.3 cannot JSON-encode a Path default (TypeError: Object of type URLPath is not JSON serializable), so its schema command fails; static Cog writes the URL string, as we do (test/ir/openapi.test.ts).',
  })),
  // docker/verify: fixtures the Docker-engine suite does not build or run, and why.
  {
    suite: 'docker/verify',
    case: 'plain-torch-cpu',
    reason: 'torch from PyPI on Linux pulls its CUDA libraries (gigabytes: nvidia-*-cu12, triton) and PyTorch\'s own CPU wheel index is not reachable here; this machine\'s local wheel folder holds no torch CPU wheel either, so a torch image cannot be built within CI\'s 90 minutes on 2 cores (docs/verify.md).',
  },
  ...['yaml-2021-prerelease-format', 'yaml-2021-workdir-names-model-folder'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: 'The 2021 pre-release cog.yaml (`model: file.py:Class`) is unknown to cog 0.19.3, so it reads no predictor; we read that format on purpose (issue 3).',
  })),

  // cogyaml/cog-accepts: normalised projects Cog v0.22.0 still refuses, as it refuses the original.
  ...['old-api-cog-predictor-decorators', 'yaml-2021-prerelease-format'].map((name): KnownFailure => ({
    suite: 'cogyaml/cog-accepts',
    case: name,
    reason: "The project pins a torch (1.7/1.8) older than Cog v0.22.0's CUDA table and names no usable cuda, so Cog cannot pick a CUDA; choosing one is a decision for a person (the CM174/CM172 findings say so), not a key to rewrite.",
  })),
  {
    suite: 'cogyaml/cog-accepts',
    case: 'dockerfile-injection-attempts',
    reason: 'build.run items with line breaks that are not continuations (Dockerfile injection attempts): Cog refuses them, and the normaliser leaves them for Cog to refuse rather than guess how to split them.',
  },

  // cog/oracle: Cog projects the cog target wrote for a fal or Modal fixture app
  // (test/targets/cog/oracle.test.ts); a case is `<platform>/<fixture>/<check>`.
  {
    suite: 'cog/oracle',
    case: 'fal/whisper-audio-transcription/python-predict',
    reason: 'The app returns a model with a list of nested models (chunks: List[Chunk]); cog 0.19.3 types only primitive output fields ("unsupported Cog type Chunk"), static Cog (v0.22, the go check of this case) resolves them recursively and builds our schema.',
  },
  {
    suite: 'cog/oracle',
    case: 'modal/whisper-fastapi-endpoint/python-predict',
    reason: 'The app returns a model with a list of nested models (chunks: List[Chunk]); cog 0.19.3 types only primitive output fields ("unsupported Cog type Chunk"), static Cog (v0.22, the go check of this case) resolves them recursively and builds our schema.',
  },

  // cog/round-trip: Cog -> platform -> Cog (test/round-trip.test.ts); a case is
  // `<platform>/<fixture>/<part>`, part one of openapi, python, gpu, packages, system-packages,
  // run, or `<platform>/*` for a platform whose round trip does not work yet (every fixture must
  // then still fail somewhere, so the entry goes as soon as one fixture round-trips whole).
  ...['gpu-ctranslate2-without-torch', 'gpu-faster-whisper-cudnn-from-torch'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/run`,
    reason: "fal's image has no CUDA base, so the fal target puts the NVIDIA libraries ctranslate2 loads from pip wheels on the linker path (and installs the wheels when torch brings none, CM453); read back, those are build commands of their own, which a Cog image on its CUDA base does not need (harmless there).",
  })),
  ...['fal', 'modal'].map((platform): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `${platform}/build-run-buildkit-options/run`,
    reason: `The ${platform} image builder runs no RUN --mount=type=cache (nor --network=host), so the pruned Dockerfile drops those options (the Dockerfile diff in MIGRATION.md gives the reason per line, after CM342); the commands come back without them, which only costs build time.`,
  })),
  // `<platform>/<fixture>/converts-back`: the app does not convert back to Cog at all.
  ...['old-api-cog-predictor-decorators', 'yaml-2021-prerelease-format', 'yaml-2021-workdir-names-model-folder'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `modal/${name}/converts-back`,
    reason: 'The predictor uses a pre-1.0 API (cog.Predictor with @cog.input, or the 2021 cog.Model) that no Cog SDK release since 0.16 has. On Modal the compatibility package provides it; the Cog project made from the Modal app runs the real Cog SDK, so that conversion is refused with CM031 at the import line, as Cog -> Cog is.',
  })),
  ...['old-api-cog-predictor-decorators', 'yaml-leading-python-docstring', 'python-older-than-fal-supports', 'gpu-cuda-10-older-than-cog-accepts', 'yaml-2021-prerelease-format', 'yaml-2021-workdir-names-model-folder'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `modal/${name}/python`,
    reason: 'The Modal image keeps the project\'s Python (3.8/3.9, read back from modal.Dockerfile), but the Cog target writes cog.yaml for current Cog, which needs Python >= 3.10, so the Cog project says 3.10 (CM116/CM172), as Cog -> Cog does.',
  })),
  ...['async-concatenate-iterator-concurrent-decorator', 'build-run-compiles-cuda-flash-attn', 'current-scope-and-emit-metric', 'output-concatenate-iterator-tokens', 'train-class-and-predict-class'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/openapi`,
    reason: 'fal has no ConcatenateIterator: the fal app returns the token list (and streams it on /stream), so back in Cog the output is Iterator[str] and loses `x-cog-array-display: concatenate` (how clients join the tokens); the items are the same.',
  })),
  ...['input-every-type', 'input-optional-lists-and-pep604', 'output-list-of-paths', 'runner-function-and-train', 'old-api-cog-predictor-decorators', 'input-every-constraint', 'safe-push-all-checkers'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/openapi`,
    reason: 'Cog serves `x: T = Input(default=None)` (T not Optional) as a required input with no default; the fal target writes the field as `Optional[T] = None`, which the fal app serves as optional, so the Cog project made from that app has an optional, nullable input.',
  })),
  ...['input-positional-defaults-and-partial-tuples', 'sys-path-vendored-modules'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/openapi`,
    reason: "Cog's current static schema reads less than the model runs with: no positional Input() default (CM230), only the literal items of a tuple (CM232), no list with a comment between its items, and no default or description resolved through a module found on sys.path (CM245/CM247). The fal app writes the values the model has at runtime as literals, so the Cog project made from it has the defaults current Cog reads, as the model behaved under Cog 0.19.",
  })),
  {
    suite: 'cog/round-trip',
    case: 'fal/non-literal-default-from-module/openapi',
    reason: 'A default Cog cannot show (an expression) is an optional input without default in Cog; the fal app declares it `Optional[T] = None`, which comes back as an optional input with default None (nullable).',
  },
  ...['old-api-cog-predictor-decorators', 'yaml-leading-python-docstring', 'gpu-cuda-10-older-than-cog-accepts', 'yaml-2021-prerelease-format', 'yaml-2021-workdir-names-model-folder'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/python`,
    reason: 'python_version 3.7/3.8 is older than current Cog builds; the fal image is built with 3.10 (the nearest Cog release accepts, CM172), which the app then declares.',
  })),
  ...['inputs-resolved-across-local-modules', 'input-from-local-helper-module', 'module-constants-as-defaults-and-choices'].map((name): KnownFailure => ({
    suite: 'cog/round-trip',
    case: `fal/${name}/openapi`,
    reason: "A default or bound resolved through an import, a class attribute, a derived constant or a helper's parameter is None or left out in Cog's current static schema (CM245/CM247); the fal app writes the resolved value as a literal, so the Cog project made from it has the default (and bound) current Cog reads, as the model behaved under Cog 0.19. In input-from-local-helper-module also the environment-read default (as fal/non-literal-default-from-module).",
  })),
  {
    suite: 'cog/round-trip',
    case: 'fal/python-older-than-fal-supports/python',
    reason: 'fal 1.83.0 needs Python >= 3.10, so the fal image uses 3.10 for a python_version 3.9 project (CM450); the fal app then declares 3.10.',
  },
  {
    suite: 'cog/round-trip',
    case: 'fal/all-build-keys/packages',
    reason: 'The fal image needs no CUDA base (pip torch ships its CUDA libraries), so the fal app states no CUDA version; back in Cog, Cog infers CUDA 12.1 from torch instead of the cuda: "11.8" written in cog.yaml and adds that PyTorch index.',
  },

  // ir/oracle against Cog's Go generator (cases prefixed `go:`; `go:readCog:` for an oracle
  // project read by the frontend rather than built by hand).
  ...['go:any-output-odd-names', 'go:readCog:any-output-odd-names'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: 'Static Cog rejects a bare `list` input annotation ("cannot resolve type \'list\'"), which cog 0.19.3 accepts (the project is held against 0.19.3 above); the frontend reads it as list[Any].',
  })),
  ...['go:future-annotations-iterator-of-dicts', 'go:readCog:future-annotations-iterator-of-dicts', 'go:input-descriptions-tricky-strings'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: "A Cog bug we do not copy: static Cog writes a string literal's escape sequences raw (`\\n` stays backslash-n, `\\u00a0` stays six characters) and joins implicitly concatenated literals with their quotes; we write the string's Python value, as cog 0.19.3 does.",
  })),
  {
    suite: 'ir/oracle',
    case: 'go:aliased-cog-imports',
    reason: 'Static Cog cannot resolve `from cog import Path as CogPath` and fails the build; the frontend reads aliased Cog imports on purpose (issue 3), as cog 0.19.3 does.',
  },
  {
    suite: 'ir/oracle',
    case: 'go:async-concatenate-iterator-concurrent-decorator',
    reason: 'Static Cog adds `x-cog-streaming: true` to /predictions for a `@streaming` run(); the IR has no streaming marker yet (docs/openapi.md).',
  },
  ...['go:module-constants-as-defaults-and-choices', 'go:non-literal-default-from-module'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: 'Static Cog fails the build on `choices=` it cannot resolve statically (`list(SIZES)`, a list imported from a local module); the frontend resolves them for the targets and warns that `cog build` fails (CM246) instead of an error, as the converted model works as it did on Replicate.',
  })),
  {
    suite: 'ir/oracle',
    case: 'go:local-module-symlink-inside-project',
    reason: 'Static Cog v0.22.0 does not follow `from styles import STYLES` into another module for `choices=` and fails the build ("choices expression cannot be statically resolved"); the frontend resolves the literal list through the local module (here a symlink inside the project), as Cog 0.19 did by importing it.',
  },
  {
    suite: 'ir/oracle',
    case: 'go:old-api-cog-predictor-decorators',
    reason: 'Static Cog rejects the pre-1.0 API (untyped parameters with @cog.input); we read it on purpose to migrate old projects.',
  },
  {
    suite: 'ir/oracle',
    case: 'go:source-latin1-coding-cookie',
    reason: 'Static Cog reads predict.py as UTF-8 whatever its PEP 263 cookie says, so Latin-1 text becomes U+FFFD; the frontend decodes the declared encoding, as Python (and cog 0.19.3) does.',
  },
  ...['go:yaml-2021-prerelease-format', 'go:yaml-2021-workdir-names-model-folder'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: 'Static Cog has no `model:` key, so it finds no predictor; we read the 2021 format on purpose (issue 3).',
  })),
  {
    suite: 'ir/oracle',
    case: 'go:yaml-leading-python-docstring',
    reason: "Cog's YAML loader rejects a cog.yaml that opens with a Python docstring; we tolerate it with a warning on purpose (issue 3).",
  },
  ...['go:choices-resolved-across-local-modules', 'go:input-from-local-helper-module'].map((name): KnownFailure => ({
    suite: 'ir/oracle',
    case: name,
    reason: "Static Cog v0.22.0 resolves choices= only as a literal list, a list constant of the predictor's own file or `list(D.keys())` of one, and a parameter default that calls a helper only when the helper is a method of a class in that file; it fails the build on the rest (\"choices expression cannot be statically resolved\", \"default `helpers.format_input()` cannot be statically resolved\"). Cog 0.19 evaluated them at import; the frontend resolves them statically for the targets and says so (CM246), a warning rather than an error because the converted model works as it did on Replicate.",
  })),
  {
    suite: 'ir/oracle',
    case: 'input-from-local-helper-module',
    reason: 'A helper whose Input() default is read from the environment at import (`os.environ.get("MODEL_CACHE", "/src/cache")`): cog 0.19.3 evaluates it, the frontend cannot statically and keeps it as source text (CM204), which no schema can show.',
  },
  // fal/openapi-contract: fal's own OpenAPI of the adapter against `inspect --openapi` (issue 15).
  ...['input-every-constraint', 'input-every-type', 'input-optional-lists-and-pep604', 'old-api-cog-predictor-decorators', 'output-list-of-paths', 'runner-function-and-train', 'safe-push-all-checkers'].map((c): KnownFailure => ({
    suite: 'fal/openapi-contract',
    case: c,
    reason: 'An input annotated without Optional but given `default=None` (`seed: int = Input(default=None)`) is required in the schema Cog publishes (the 0.19.3 SDK and static Cog agree), while the fal adapter makes it Optional with default None, so fal callers may omit it (predict() then gets None, as the signature reads). Left to the fal target to decide; the required flag is the only difference, except in input-every-type, where an `Any` input is `type: object` for Cog and untyped for fal (fal accepts any JSON value there).',
  })),
  {
    suite: 'fal/openapi-contract',
    case: 'non-literal-default-from-module',
    reason: "A default no static reader can resolve (`int(time.time())`, `settings.CACHE_DIR`, `float(np.pi)`) makes the input required in Cog's current static schema (CM204 says so), while the fal adapter leaves it optional and lets the predictor's own signature default apply when a caller omits it, as Cog 0.19 did at import. Every request Cog's schema accepts, fal accepts too; the required flag is the only difference.",
  },

  ...['input-positional-defaults-and-partial-tuples', 'sys-path-vendored-modules'].map((c): KnownFailure => ({
    suite: 'fal/openapi-contract',
    case: c,
    reason: "Cog's current static generator reads no positional Input() default (CM230), keeps only the literal items of a tuple (CM232), reads no list with a comment between its items, and does not follow a module found on sys.path (CM245/CM247): `inspect --openapi` follows it, while the fal adapter carries the values the model has at runtime, as Cog 0.19 evaluated them at import (the same decision as for values across local modules).",
  })),
  ...['inputs-resolved-across-local-modules', 'input-from-local-helper-module', 'module-constants-as-defaults-and-choices'].map((c): KnownFailure => ({
    suite: 'fal/openapi-contract',
    case: c,
    reason: "Defaults and bounds resolved through an import, a class attribute, a derived constant or a helper's parameter: Cog's current static generator reads the default as None (the input is required) and leaves the bound out (CM245/CM247), while the fal adapter carries the value the model has at runtime, as Cog 0.19 evaluated it at import (issue 9, the lead's decision: targets get the real values, `inspect --openapi` follows current Cog). In input-from-local-helper-module the difference is the dynamic default of non-literal-default-from-module (an environment lookup).",
  })),
];

/**
 * What a platform's image adds to every converted project that reading it back cannot tell from
 * the model's own needs; the round trip (test/round-trip.test.ts) allows exactly these extras.
 */
export const platformBuildAdditions: Partial<Record<'fal' | 'modal', { systemPackages: string[]; pythonPackages?: string[]; reason: string }>> = {
  fal: {
    systemPackages: ['curl'],
    pythonPackages: ['pydantic>=2.5', 'fastapi'],
    reason: 'fal runs curl when a runner starts, so the fal target installs it in every image (src/dockerfile/prune.ts); the fal frontend keeps it as an apt package, which is harmless in Cog. The Cog project made from the fal app runs the app, which (with the stand-in fal package) imports pydantic, and Cog 0.19+ does not bring it: the cog target declares it (CM443). A fal app that imports fastapi (the fal target\'s streaming app does) gets it declared too, since fal\'s runtime brings it and Cog\'s does not (CM828).',
  },
  modal: {
    systemPackages: ['curl'],
    reason: 'The slim public base lacks the curl that Cog\'s base image had, so the pruned Dockerfile installs it where build steps use it (src/dockerfile/prune.ts); the Modal frontend keeps it as an apt package, which is harmless in Cog.',
  },
};

export function knownFailure(suite: KnownFailure['suite'], name: string): KnownFailure | undefined {
  return knownFailures.find((f) => f.suite === suite && f.case === name);
}

// ---------------------------------------------------------------------------------------------
// ir/oracle: where Cog's static generator (our default dialect) differs from Cog 0.19.3.
// The oracle runs 0.19.3; every difference between our default schema and its output must be
// explained by one of these rules, each a fact of Cog's own change history.

const COG = 'https://github.com/replicate/cog/blob/main/pkg/schema';

export interface GenerationDifference {
  id: string;
  reason: string;
  link: string;
  explains(d: JsonDifference, ir: CogIR): boolean;
}

const last = (d: JsonDifference, n = 1): string | undefined => d.path[d.path.length - n];
const startsWith = (d: JsonDifference, ...prefix: string[]): boolean => prefix.every((p, i) => d.path[i] === p);
const OUTPUTS = new Set(['Output', 'TrainingOutput']);

function inputNamed(ir: CogIR, name: string | undefined): Input | undefined {
  if (name === undefined) return undefined;
  return [...(ir.predictors.predict?.inputs ?? []), ...(ir.predictors.train?.inputs ?? [])].find((i) => i.name === name);
}

const secretWithNone = (i: Input | undefined): boolean =>
  i?.type.kind === 'secret' && i.default !== 'required' && i.default.kind === 'literal' && i.default.value === null;

function outputType(ir: CogIR, component: string | undefined): IrType | undefined {
  if (component === 'Output') return (ir.predictors.predict ?? ir.predictors.train)?.output;
  if (component === 'TrainingOutput') return ir.predictors.train?.output;
  return undefined;
}

export const generationDifferences: GenerationDifference[] = [
  {
    id: 'info-version',
    reason: 'Static Cog writes the version of the Cog CLI that built the image; the 0.19 SDK wrote "0.1.0".',
    link: `${COG}/openapi_spec.go`,
    explains: (d) => startsWith(d, 'info', 'version') && d.path.length === 2,
  },
  {
    id: 'titles',
    reason: 'Static Cog title-cases the first letter of each `_` part (TitleCase); 0.19 used str.title(), which also lower-cases the rest and upper-cases letters after digits.',
    link: `${COG}/types.go`,
    explains: (d) => {
      const name = last(d, 2);
      return last(d) === 'title' && name !== undefined && d.ours === goTitle(name) && d.theirs === pythonTitle(name);
    },
  },
  {
    id: 'optional-none-default',
    reason: 'Static Cog writes `"default": null` for a nullable input whose default is None; 0.19 wrote no default.',
    link: `${COG}/openapi_spec_test.go (TestNoneDefaultOnOptionalTypeEmitsNull)`,
    explains: (d) => last(d) === 'default' && d.ours === null && d.theirs === undefined,
  },
  {
    id: 'secret-none-is-optional',
    reason: 'Static Cog treats `Secret = Input(default=None)` as an optional credential (nullable, not required); 0.19 made it required.',
    link: `${COG}/openapi_spec_test.go (TestNoneDefaultOnBareSecretIsOptional)`,
    explains: (d, ir) => {
      if (last(d) === 'nullable') return d.ours === true && d.theirs === undefined && secretWithNone(inputNamed(ir, last(d, 2)));
      if (last(d) !== 'required' || d.path.length !== 4 || OUTPUTS.has(d.path[2]!)) return false;
      const ours = new Set((d.ours as string[] | undefined) ?? []);
      const theirs = (d.theirs as string[] | undefined) ?? [];
      return [...ours].every((n) => theirs.includes(n)) && theirs.filter((n) => !ours.has(n)).every((n) => secretWithNone(inputNamed(ir, n)));
    },
  },
  {
    id: 'deprecated-false',
    reason: 'Static Cog writes `deprecated` only when true; 0.19 also wrote `deprecated: false`.',
    link: `${COG}/openapi_spec.go`,
    explains: (d) => last(d) === 'deprecated' && d.ours === undefined && d.theirs === false,
  },
  {
    id: 'predict-and-train-merged',
    reason: 'Static Cog serves /predictions and /trainings in one document (GenerateCombined); 0.19 served predict only.',
    link: `${COG}/generator.go`,
    explains: (d, ir) =>
      Boolean(ir.predictors.predict && ir.predictors.train) &&
      d.theirs === undefined &&
      ((d.path.length === 2 && d.path[0] === 'paths' && d.path[1]!.startsWith('/trainings')) ||
        (d.path.length === 3 && startsWith(d, 'components', 'schemas') &&
          (d.path[2]!.startsWith('Training') || Boolean(ir.predictors.train?.inputs.some((i) => i.name === d.path[2] && i.choices))))),
  },
  {
    id: 'train-component-names',
    reason: 'Static Cog names train components TrainingInput/TrainingOutput and describes /trainings as "Run a single training on the model"; 0.19 used Input/Output and "Run a training session".',
    link: `${COG}/openapi_spec.go`,
    explains: (d, ir) => {
      if (ir.predictors.predict || !ir.predictors.train) return false;
      const p = d.path.join('/');
      return (
        p === 'paths//trainings/post/description' ||
        (startsWith(d, 'components', 'schemas') && d.path.length === 3 && ['Input', 'Output', 'TrainingInput', 'TrainingOutput'].includes(d.path[2]!)) ||
        (last(d) === '$ref' && typeof d.ours === 'string' && /Training(Input|Output)$/.test(d.ours))
      );
    },
  },
  {
    id: 'any-output-typed',
    reason: 'Static Cog writes an `Any` output as `type: object`; 0.19 wrote no type.',
    link: `${COG}/schema_type.go`,
    explains: (d, ir) =>
      startsWith(d, 'components', 'schemas') && d.path.length === 4 && last(d) === 'type' && OUTPUTS.has(d.path[2]!) &&
      outputType(ir, d.path[2])?.kind === 'any' && d.ours === 'object' && d.theirs === undefined,
  },
  {
    id: 'typed-dict-output',
    reason: 'Static Cog writes the value type of a typed dict output (`dict[str, str]`, `Dict[str, Any]`, in a BaseModel field too) as `additionalProperties`; 0.19 wrote a bare `type: object` (docs/openapi.md).',
    link: `${COG}/schema_type.go`,
    explains: (d) => startsWith(d, 'components', 'schemas') && OUTPUTS.has(d.path[2]!) && last(d) === 'additionalProperties' && d.ours !== undefined && d.theirs === undefined,
  },
  {
    id: 'recursive-output-fields',
    reason: 'Static Cog resolves BaseModel output fields recursively (a list[float] field is an array, Optional fields are nullable and not required, fields with defaults are not required); 0.19 flattened each field to its primitive and required all.',
    link: `${COG}/schema_type.go`,
    explains: (d, ir) => {
      if (!startsWith(d, 'components', 'schemas') || !OUTPUTS.has(d.path[2]!)) return false;
      const out = outputType(ir, d.path[2]);
      if (out?.kind !== 'object') return false;
      if (d.path.length === 4 && last(d) === 'required') {
        const settled = out.fields.filter((f) => f.type.kind !== 'optional' && f.default === undefined).map((f) => f.name);
        return JSON.stringify(d.theirs) === JSON.stringify(out.fields.map((f) => f.name)) && JSON.stringify(d.ours ?? []) === JSON.stringify(settled);
      }
      const field = out.fields.find((f) => f.name === d.path[4]);
      return d.path[3] === 'properties' && field !== undefined && ['list', 'optional', 'object'].includes(field.type.kind);
    },
  },
  {
    id: 'static-cog-reads',
    reason: "Static Cog resolves names only against top-level literal constants of the predictor's own file (and reads ge/le only as number literals), so a default, description or bound resolved through an import, a class attribute, a derived constant or a helper's parameter is None or left out (an input without its default is required); 0.19 evaluated them at import (Input.staticCog, CM245/CM247, docs/openapi.md). It reads no positional Input() argument (a positional default is none at all, CM230) and keeps only the literal items of a tuple (CM232).",
    link: 'https://github.com/replicate/cog/blob/v0.22.0/pkg/schema/python/module_scope.go',
    explains: (d, ir) => {
      // Fewer choices (CM249): the enum component named after the input, and its reference.
      if (d.path.length >= 3 && startsWith(d, 'components', 'schemas') && inputNamed(ir, d.path[2])?.staticCog?.reads?.choices !== undefined) return true;
      if (!startsWith(d, 'components', 'schemas', 'Input') && !startsWith(d, 'components', 'schemas', 'TrainingInput')) return false;
      if (d.path.length === 4 && last(d) === 'required') {
        const ours = (d.ours as string[] | undefined) ?? [];
        const theirs = (d.theirs as string[] | undefined) ?? [];
        const readsNoDefault = (n: string) => inputNamed(ir, n)?.staticCog?.reads?.default === null || inputNamed(ir, n)?.staticCog?.noDefault === true;
        return theirs.every((n) => ours.includes(n)) && ours.filter((n) => !theirs.includes(n)).every(readsNoDefault);
      }
      const enumOf = (name: string | undefined) => inputNamed(ir, name)?.staticCog?.reads?.choices !== undefined;
      if (d.path.length >= 6 && d.path[3] === 'properties' && enumOf(d.path[4]) && ['allOf', 'title', 'type'].includes(d.path[5]!)) return true;
      const keyword = { default: 'default', description: 'description', minimum: 'ge', maximum: 'le', minLength: 'min_length', maxLength: 'max_length', pattern: 'regex', deprecated: 'deprecated' }[last(d) ?? ''];
      const staticCog = inputNamed(ir, last(d, 2))?.staticCog;
      const reads = staticCog?.reads as Record<string, unknown> | undefined;
      if (d.path.length !== 6 || d.path[3] !== 'properties' || keyword === undefined) return false;
      // A positional default (CM230): static Cog reads none at all.
      if (keyword === 'default' && staticCog?.noDefault === true) return d.ours === undefined;
      // Tuples read in part (CM232) are lists: compared as JSON.
      return reads !== undefined && keyword in reads && JSON.stringify(d.ours ?? null) === JSON.stringify(reads[keyword]);
    },
  },
];
