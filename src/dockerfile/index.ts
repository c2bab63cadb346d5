// Public surface of the Dockerfile stage: `cog debug` for the pinned Cog release, the pruner
// that turns it into each target's Dockerfile, the parser for an existing `cog debug` file, and
// the explain view. See docs/dockerfile.md.

import type { CogIR } from '../ir/types.js';
import type { TargetName } from '../target/types.js';
import { generateCogDebug, type CogDebugOptions } from './generator.js';
import { factsFromDockerfile, factsFromIr } from './facts.js';
import { pruneWith } from './prune.js';
import type { Dockerfile, DockerfilePlan } from './model.js';
import { renderDockerfile } from './model.js';

export type { Instruction, Dockerfile, DockerfileChange, DockerfilePlan, Role, CudaNeed } from './model.js';
export { renderDockerfile, renderInstruction } from './model.js';
export { COG_RELEASE } from './release.js';
export { generateCogDebug, type CogDebugOptions, type CogDebugResult } from './generator.js';
export { parseDockerfile } from './parse.js';
export { explainDockerfile } from './explain.js';
export { cudaNeed, type NeedDecision } from './need.js';
export { shellWord, envValue, isAptPackage, isEnvName } from './quote.js';

/** The Dockerfile `target` ships for the project, with `cog debug`'s form and every change. */
export function dockerfileFor(ir: CogIR, target: TargetName, options: CogDebugOptions = {}): DockerfilePlan {
  const gen = generateCogDebug(ir, options);
  return pruneWith(gen.dockerfile, target, factsFromIr(ir, gen), gen.findings);
}

/**
 * Prunes an existing Dockerfile (usually parsed `cog debug` output) for `target`. With the IR
 * the pruner knows the full requirements and system packages; without it, it reads what it can
 * from the file's own lines.
 */
export function pruneDockerfile(df: Dockerfile, target: TargetName, ir?: CogIR): DockerfilePlan {
  if (!ir) return pruneWith(df, target, factsFromDockerfile(df), []);
  const gen = generateCogDebug(ir);
  const facts = factsFromIr(ir, gen);
  const fromFile = factsFromDockerfile(df);
  // The file's own base decides what the old image carried (cog-base or not).
  facts.fromCogBase = fromFile.fromCogBase;
  if (df.requirementsTxt !== undefined) facts.requirementsTxt = df.requirementsTxt;
  return pruneWith(df, target, facts, gen.findings);
}

/** Generation plus pruning for every target, rendered: the unit of work `npm run bench` times. */
export function benchDockerfiles(ir: CogIR): number {
  let bytes = 0;
  for (const t of ['cog', 'fal', 'modal', 'workers-ai'] as const) bytes += renderDockerfile(dockerfileFor(ir, t).pruned).length;
  return bytes;
}
