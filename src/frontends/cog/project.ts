// A Cog project folder -> IR, once it is known which cog.yaml and which cog-safe-push configs to
// read: the project's own files, or one variant's (./variant.ts), whose cog.yaml is text made
// from a template; findings and IR locations in that text are put back on the lines of the files
// it was made from.

import { IR_VERSION, type CogIR } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { loadCogConfig } from './config/index.js';
import { COG_YAML } from './config/yaml-source.js';
import { extractPredictor } from './predictor/index.js';
import { readSafePush } from '../cog-safe-push/index.js';
import { pushAll } from '../../util/push-all.js';
import type { AssembledCogYaml } from '../select-model/assemble.js';
import { projectName } from './name.js';
import { readDockerignore } from './dockerignore.js';

export interface ReadResult {
  ir?: CogIR;
  findings: Finding[];
}

export interface ProjectSources {
  /** One variant's cog.yaml, instead of the project's. */
  cogYaml?: AssembledCogYaml;
  /** The cog-safe-push configs to read, instead of all the project has. */
  safePush?: readonly { file: string; variant?: string }[];
}

export function readProjectFrom(root: string, sources: ProjectSources = {}): ReadResult {
  const { config, findings } = loadCogConfig(root, sources.cogYaml?.text);
  if (!config) return { findings: relocate(findings, sources.cogYaml) };
  const dockerignore = readDockerignore(root);
  const ir: CogIR = {
    irVersion: IR_VERSION,
    project: { name: projectName(root, config.runtime.image ?? config.runtime.model), root, configGeneration: config.configGeneration, ...(dockerignore ? { dockerignore } : {}) },
    build: config.build,
    runtime: config.runtime,
    predictors: {},
  };
  for (const ref of [config.predict, config.train]) {
    if (!ref) continue;
    const result = extractPredictor(root, ref);
    pushAll(findings, result.findings);
    if (result.predictor) ir.predictors[ref.role] = result.predictor;
  }
  const safePush = readSafePush(ir, ...(sources.safePush ? [sources.safePush] : []));
  pushAll(findings, safePush.findings);
  if (safePush.configs.length > 0) ir.safePush = safePush.configs;
  if (safePush.hardware) ir.runtime.hardware = safePush.hardware;
  return { ir: sources.cogYaml ? relocate(ir, sources.cogYaml) : ir, findings: relocate(findings, sources.cogYaml) };
}

/** Every `{ file: 'cog.yaml', line }` in a value, put back where the variant's cog.yaml line was written. */
function relocate<T>(value: T, cogYaml: AssembledCogYaml | undefined): T {
  if (!cogYaml) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 40 || typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x, depth + 1);
    if (o['file'] === COG_YAML) {
      const at = typeof o['line'] === 'number' ? cogYaml.origin(o['line']) : { file: cogYaml.sources.at(-1)! };
      out['file'] = at.file;
      if (at.line === undefined) { delete out['line']; delete out['column']; } else out['line'] = at.line;
    }
    return out;
  };
  return walk(value, 0) as T;
}
