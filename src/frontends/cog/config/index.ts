// cog.yaml -> build, runtime and predictor references. Reads every key Cog accepts today or
// used to (back to the 2021 pre-release format); what cannot be read becomes a finding with
// the YAML path and line, never an exception.

import { isSeq } from 'yaml';
import type { Runtime, SourceLocation } from '../../../ir/types.js';
import type { CogConfig, ConfigResult, PredictorRef } from '../types.js';
import { finishBuild, newBuildDraft, readBuild, applyBuildKey, type BuildDraft } from './build.js';
import { BUILD_KEYS, TOP_LEVEL_KEYS, DEFAULT_PYTHON_VERSION, LEGACY_DEFAULT_PYTHON_VERSION, MINIMUM_PYTHON_MINOR_FOR_CONCURRENCY, REMOVED_TOP_LEVEL } from './keys.js';
import { applyLegacyWorkdir, isLegacyFormat, legacyNotice, readLegacyEnvironment } from './legacy.js';
import { add, entries, isNullish, readMap, readString, reportKey, type Ctx } from './nodes.js';
import { readPredictorRef } from './predictor-refs.js';
import { readRunSteps } from './run-steps.js';
import { readConcurrency, readEnvironment, readWeights } from './runtime.js';
import { COG_YAML, parseCogYamlText, readCogYaml } from './yaml-source.js';
import type { YAMLMap } from 'yaml';
import { pushAll } from '../../../util/push-all.js';

export { parseRequirement, splitRequirementLines, stripComment, normalizeName } from './requirements.js';
export { DEFAULT_PYTHON_VERSION, RESERVED_ENV } from './keys.js';

const FILE_START: SourceLocation = { file: COG_YAML, line: 1, column: 1 };

/**
 * Reads `<root>/cog.yaml` into build, runtime and predictor references. Never throws for bad input.
 * `text`: the cog.yaml to read instead of the file (one variant's, made from a template).
 */
export function loadCogConfig(root: string, text?: string): ConfigResult {
  const read = text === undefined ? readCogYaml(root) : parseCogYamlText(text);
  if (!read.ok) return { findings: read.findings };
  const { source } = read;
  const ctx: Ctx = { root, text: source.text, doc: source.doc, lines: source.lines, findings: [...read.findings], reported: new Set() };
  const config = readConfig(ctx, source.top);
  return { config, findings: ctx.findings };
}

function readConfig(ctx: Ctx, top: YAMLMap): CogConfig {
  const legacy = isLegacyFormat(ctx, top);
  let draft: BuildDraft | undefined;
  const ensureDraft = (at: SourceLocation): BuildDraft => (draft ??= newBuildDraft(at));
  let buildSeen = false;
  const runtime: Runtime = { environment: [], weights: [] };
  const refs: Partial<Record<PredictorRef['key'], PredictorRef>> = {};
  let legacyAt: SourceLocation | undefined;
  let envNode: { value: unknown; at: SourceLocation } | undefined;
  let modelAt: SourceLocation | undefined;
  let workdir: { value: unknown; keyLoc: SourceLocation } | undefined;

  for (const { key, value, keyLoc } of entries(ctx, top)) {
    switch (key) {
      case 'build': {
        buildSeen = true;
        const read = readBuild(ctx, value, keyLoc);
        draft = draft ? mergeDraft(read, draft) : read;
        break;
      }
      case 'image':
        runtime.image = readString(ctx, key, value, keyLoc);
        break;
      case 'model': {
        if (legacy && !isNullish(value)) {
          legacyAt ??= keyLoc;
          const ref = readPredictorRef(ctx, 'model', value, keyLoc);
          if (ref) refs.model = ref;
        } else {
          const model = readString(ctx, key, value, keyLoc);
          if (model !== undefined) {
            runtime.model = model;
            modelAt = keyLoc;
          }
        }
        break;
      }
      case 'run':
        if (isSeq(value)) {
          // A build.run list written at the top level: read it where Cog would have wanted it.
          add(ctx, 'CM119', 'run: at the top level names the runner ("run.py:Runner"); this list of commands was read as build.run', keyLoc);
          pushAll(ensureDraft(FILE_START).run, readRunSteps(ctx, 'run', value, keyLoc));
          break;
        }
      // falls through
      case 'predict':
      case 'train': {
        const ref = readPredictorRef(ctx, key, value, keyLoc);
        if (ref) refs[key] = ref;
        break;
      }
      case 'concurrency': {
        const c = readConcurrency(ctx, value, keyLoc);
        if (c) runtime.concurrency = c;
        break;
      }
      case 'environment': {
        const map = legacy ? readMap(ctx, 'environment', isSeq(value) ? undefined : value, keyLoc) : undefined;
        if (map) {
          legacyAt ??= keyLoc;
          readLegacyEnvironment(ctx, ensureDraft(keyLoc), map);
        } else envNode = { value, at: keyLoc };
        break;
      }
      case 'weights':
        runtime.weights = readWeights(ctx, value, keyLoc);
        break;
      case 'workdir':
        if (legacy) {
          workdir = { value, keyLoc };
          break;
        }
      // falls through
      default:
        if (BUILD_KEYS.has(key) && !legacy) {
          add(ctx, 'CM119', `${key}: belongs under build:; it was read as build.${key}`, keyLoc);
          applyBuildKey(ctx, ensureDraft(FILE_START), key, value, key, keyLoc);
        } else {
          reportKey(ctx, key, keyLoc, REMOVED_TOP_LEVEL[key], TOP_LEVEL_KEYS);
        }
    }
  }

  if (workdir) {
    const model = applyLegacyWorkdir(ctx, workdir.value, workdir.keyLoc, refs.model);
    if (model) refs.model = model;
  }
  if (legacy) legacyNotice(ctx, legacyAt ?? FILE_START);
  const finalDraft = draft ?? newBuildDraft(FILE_START);
  if (finalDraft.misplacedEnvironment && !envNode) envNode = finalDraft.misplacedEnvironment;
  if (envNode) runtime.environment = readEnvironment(ctx, 'environment', envNode.value, envNode.at);
  if (buildSeen && !legacy && !finalDraft.pythonVersion) {
    add(ctx, 'CM117', `build has no python_version; Cog's default ${DEFAULT_PYTHON_VERSION} was assumed`, finalDraft.loc);
  }
  const build = finishBuild(ctx, finalDraft, legacy ? LEGACY_DEFAULT_PYTHON_VERSION : DEFAULT_PYTHON_VERSION);

  if (runtime.image !== undefined && runtime.model !== undefined) add(ctx, 'CM153', 'cog.yaml sets both model: and image:', modelAt);
  checkConcurrency(ctx, runtime, build.pythonVersion);

  const config: CogConfig = { build, runtime, configGeneration: legacy ? 'pre-release-2021' : 'current' };
  if (refs.run && refs.predict) {
    add(ctx, 'CM121', `cog.yaml sets both run: (${refs.run.ref}) and predict: (${refs.predict.ref}); predict: was used`, refs.run.loc);
  }
  const predict = refs.predict ?? refs.run ?? refs.model;
  if (predict) config.predict = predict;
  if (refs.train) config.train = refs.train;
  if (!config.predict && !config.train) add(ctx, 'CM122', 'cog.yaml names no predictor (run:, predict: or train:)', FILE_START);
  return config;
}

/** Joins build keys written at the top level before build: into it; build:'s own values win. */
function mergeDraft(into: BuildDraft, from: BuildDraft): BuildDraft {
  into.gpu ??= from.gpu;
  into.cuda ??= from.cuda;
  into.cudnn ??= from.cudnn;
  into.pythonVersion ??= from.pythonVersion;
  into.pythonRequirements ??= from.pythonRequirements;
  into.pythonPackages ??= from.pythonPackages;
  into.sdkVersion ??= from.sdkVersion;
  into.misplacedEnvironment ??= from.misplacedEnvironment;
  pushAll(into.systemPackages, from.systemPackages);
  pushAll(into.run, from.run);
  pushAll(into.preInstall, from.preInstall);
  pushAll(into.leadingRequirements, from.leadingRequirements);
  return into;
}

function checkConcurrency(ctx: Ctx, runtime: Runtime, pythonVersion: string): void {
  const max = runtime.concurrency?.max;
  if (max === undefined || max <= 1) return;
  const [major, minor] = pythonVersion.split('.').map(Number);
  if (major === 3 && minor !== undefined && minor < MINIMUM_PYTHON_MINOR_FOR_CONCURRENCY) {
    add(ctx, 'CM151', `concurrency.max is ${max} but Python is ${pythonVersion}`, runtime.concurrency?.loc);
  }
}
