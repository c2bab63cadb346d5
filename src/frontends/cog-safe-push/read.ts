// One cog-safe-push config file -> SafePushConfig. Field names, defaults and rules are those of
// cog-safe-push's config model (cog_safe_push/config.py): model is required, every section
// forbids unknown fields, a test case has at most one output checker, fuzz.duration is
// deprecated and ignored, timeouts default to 300 s, parallel to 4, hardware to cpu.

import type { YAMLMap } from 'yaml';
import type {
  SafePushChecker, SafePushConfig, SafePushFuzz, SafePushInput, SafePushInputValue, SafePushPhase, SafePushTestCase,
} from '../../ir/types.js';
import { bool, fields, int, isMap, isScalar, isSeq, list, locOf, mapping, report, str, type ConfigCtx, type Field } from './yaml.js';

const DEFAULT_TIMEOUT = 300;
const DEFAULT_ITERATIONS = 10;
const DEFAULT_PARALLEL = 4;

const TOP = ['model', 'test_model', 'test_hardware', 'predict', 'train', 'deployment', 'dockerfile', 'parallel', 'fast_push', 'use_cog_base_image', 'ignore_schema_compatibility', 'official_model'] as const;
const PREDICT = ['compare_outputs', 'predict_timeout', 'test_cases', 'fuzz'] as const;
const TRAIN = ['destination', 'destination_hardware', 'train_timeout', 'test_cases', 'fuzz'] as const;
const DEPLOYMENT = ['owner', 'name', 'hardware'] as const;
const FUZZ = ['fixed_inputs', 'disabled_inputs', 'iterations', 'duration', 'prompt'] as const;
const CHECKERS = ['exact_string', 'match_url', 'match_prompt', 'jq_query', 'error_contains'] as const;
const TEST_CASE = ['inputs', ...CHECKERS] as const;

export function readConfig(ctx: ConfigCtx, top: YAMLMap, variant: string | undefined): SafePushConfig | undefined {
  const f = fields(ctx, top, TOP, '');
  const model = str(ctx, f.get('model'), 'model');
  if (model === undefined && !f.has('model')) report(ctx, 'CM181', `${ctx.file} has no model: (the Replicate model it pushes, owner/name)`, top);
  const testHardware = f.get('test_hardware');
  const predictMap = mapping(ctx, f.get('predict'), 'predict');
  const trainMap = mapping(ctx, f.get('train'), 'train');
  const deploymentMap = mapping(ctx, f.get('deployment'), 'deployment');
  const config: SafePushConfig = {
    file: ctx.file,
    ...(variant !== undefined ? { variant } : {}),
    model: model ?? '',
    ...optional('testModel', str(ctx, f.get('test_model'), 'test_model')),
    testHardware: { name: str(ctx, testHardware, 'test_hardware') ?? 'cpu', ...(testHardware ? { loc: locOf(ctx, testHardware.value) } : {}) },
    ...(predictMap ? { predict: readPredict(ctx, predictMap) } : {}),
    ...(trainMap ? { train: readTrain(ctx, trainMap) } : {}),
    ...(deploymentMap ? { deployment: readDeployment(ctx, deploymentMap) } : {}),
    ...optional('dockerfile', str(ctx, f.get('dockerfile'), 'dockerfile')),
    parallel: int(ctx, f.get('parallel'), 'parallel') ?? DEFAULT_PARALLEL,
    fastPush: bool(ctx, f.get('fast_push'), 'fast_push') ?? false,
    useCogBaseImage: bool(ctx, f.get('use_cog_base_image'), 'use_cog_base_image') ?? true,
    ignoreSchemaCompatibility: bool(ctx, f.get('ignore_schema_compatibility'), 'ignore_schema_compatibility') ?? false,
    ...optional('officialModel', str(ctx, f.get('official_model'), 'official_model')),
    loc: locOf(ctx, top),
  };
  return model === undefined ? undefined : config;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readPredict(ctx: ConfigCtx, map: YAMLMap): SafePushPhase & { compareOutputs: boolean } {
  const f = fields(ctx, map, PREDICT, 'predict.');
  return {
    compareOutputs: bool(ctx, f.get('compare_outputs'), 'predict.compare_outputs') ?? true,
    timeout: int(ctx, f.get('predict_timeout'), 'predict.predict_timeout') ?? DEFAULT_TIMEOUT,
    ...readPhase(ctx, f, 'predict.'),
    loc: locOf(ctx, map),
  };
}

function readTrain(ctx: ConfigCtx, map: YAMLMap): SafePushPhase & { destination?: string; destinationHardware: string } {
  const f = fields(ctx, map, TRAIN, 'train.');
  return {
    ...optional('destination', str(ctx, f.get('destination'), 'train.destination')),
    destinationHardware: str(ctx, f.get('destination_hardware'), 'train.destination_hardware') ?? 'cpu',
    timeout: int(ctx, f.get('train_timeout'), 'train.train_timeout') ?? DEFAULT_TIMEOUT,
    ...readPhase(ctx, f, 'train.'),
    loc: locOf(ctx, map),
  };
}

function readPhase(ctx: ConfigCtx, f: Map<string, Field>, path: string): Pick<SafePushPhase, 'testCases' | 'fuzz'> {
  const cases = list(ctx, f.get('test_cases'), `${path}test_cases`) ?? [];
  const testCases: SafePushTestCase[] = [];
  cases.forEach((node, i) => {
    const c = readTestCase(ctx, node, `${path}test_cases[${i}].`);
    if (c) testCases.push(c);
  });
  const fuzzMap = mapping(ctx, f.get('fuzz'), `${path}fuzz`);
  return { testCases, ...(fuzzMap ? { fuzz: readFuzz(ctx, fuzzMap, `${path}fuzz.`) } : {}) };
}

function readTestCase(ctx: ConfigCtx, node: unknown, path: string): SafePushTestCase | undefined {
  if (!isMap(node)) {
    report(ctx, 'CM184', `${path.slice(0, -1)} must be a mapping with inputs: and an optional checker`, node);
    return undefined;
  }
  const f = fields(ctx, node, TEST_CASE, path);
  const inputsField = f.get('inputs');
  if (!inputsField) {
    // cog-safe-push refuses the whole case; checking it against the predictor would only repeat that.
    report(ctx, 'CM181', `${path.slice(0, -1)} has no inputs:`, node);
    return undefined;
  }
  const inputs = readInputs(ctx, inputsField, `${path}inputs`);
  const set = CHECKERS.filter((c) => f.has(c) && !(isScalar(f.get(c)?.value) && (f.get(c)?.value as { value: unknown }).value === null));
  if (set.length > 1) {
    report(ctx, 'CM182', `${path.slice(0, -1)} sets ${set.join(' and ')}; cog-safe-push allows at most one output checker`, f.get(set[1] ?? '')?.keyNode ?? node);
    return undefined;
  }
  const kind = set[0];
  const value = kind ? str(ctx, f.get(kind), `${path}${kind}`) : undefined;
  if (kind && value === undefined) return undefined;
  return { inputs: inputs ?? [], checker: checker(kind, value ?? ''), loc: locOf(ctx, node) };
}

function checker(kind: (typeof CHECKERS)[number] | undefined, value: string): SafePushChecker {
  switch (kind) {
    case undefined: return { kind: 'succeeds' };
    case 'exact_string': return { kind, expected: value };
    case 'error_contains': return { kind, expected: value };
    case 'jq_query': return { kind, query: value };
    case 'match_url': return { kind, url: value };
    case 'match_prompt': return { kind, prompt: value };
  }
}

function readFuzz(ctx: ConfigCtx, map: YAMLMap, path: string): SafePushFuzz {
  const f = fields(ctx, map, FUZZ, path);
  const duration = f.get('duration');
  if (duration) report(ctx, 'CM188', `${path}duration is deprecated; cog-safe-push ignores it`, duration.keyNode);
  const disabled = list(ctx, f.get('disabled_inputs'), `${path}disabled_inputs`) ?? [];
  return {
    fixedInputs: readInputs(ctx, f.get('fixed_inputs'), `${path}fixed_inputs`) ?? [],
    disabledInputs: disabled.flatMap((node, i) => {
      if (isScalar(node) && typeof node.value === 'string') return [{ name: node.value, loc: locOf(ctx, node) }];
      report(ctx, 'CM184', `${path}disabled_inputs[${i}] must be an input name`, node);
      return [];
    }),
    iterations: int(ctx, f.get('iterations'), `${path}iterations`) ?? DEFAULT_ITERATIONS,
    ...optional('prompt', str(ctx, f.get('prompt'), `${path}prompt`)),
    loc: locOf(ctx, map),
  };
}

function readDeployment(ctx: ConfigCtx, map: YAMLMap): NonNullable<SafePushConfig['deployment']> {
  const f = fields(ctx, map, DEPLOYMENT, 'deployment.');
  return {
    ...optional('owner', str(ctx, f.get('owner'), 'deployment.owner')),
    ...optional('name', str(ctx, f.get('name'), 'deployment.name')),
    ...optional('hardware', str(ctx, f.get('hardware'), 'deployment.hardware')),
    loc: locOf(ctx, map),
  };
}

/** `inputs:` / `fixed_inputs:`: a mapping of names to cog-safe-push's InputScalar values. */
function readInputs(ctx: ConfigCtx, f: Field | undefined, path: string): SafePushInput[] | undefined {
  const map = mapping(ctx, f, path);
  if (!map) return undefined;
  const out: SafePushInput[] = [];
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = inputValue(pair.value);
    if (value === undefined) {
      report(ctx, 'CM184', `${path}.${name} must be a string, number, boolean, or a list of strings or of numbers`, pair.value ?? pair.key);
      continue;
    }
    out.push({ name, value, loc: locOf(ctx, pair.key) });
  }
  return out;
}

function inputValue(node: unknown): SafePushInputValue | undefined {
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  }
  if (!isSeq(node)) return undefined;
  const items = node.items.map((i) => (isScalar(i) ? i.value : undefined));
  if (items.every((v): v is string => typeof v === 'string')) return items;
  if (items.every((v): v is number => typeof v === 'number')) return items;
  return undefined;
}
