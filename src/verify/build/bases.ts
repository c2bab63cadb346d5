// Before a build: every FROM must name an image the engine already has, because a missing one
// makes the engine try to pull (and contact a resolver outside loopback). Missing bases are
// replaced by a local CPU base, through the BASE_IMAGE-style build argument when the FROM is
// written as `${ARG}`, otherwise through a temporary local alias tag removed after the build.

import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { fromLines, globalArgs } from './from-lines.js';
import { imageExists, type Engine } from './engine.js';

export const DEFAULT_SUBSTITUTE = 'python:3.11-slim';

export interface BasePlan {
  /** Build arguments to pass (user's plus substitutions). */
  buildArgs: Record<string, string>;
  /** Alias tags created on the engine; remove them after the build. */
  aliases: string[];
  /** One per FROM that was substituted, as `missing -> substitute`. */
  substitutions: { from: string; to: string; via: 'build-arg' | 'alias'; line: number }[];
  findings: Finding[];
  /** False when a FROM cannot be made local: do not build. */
  ok: boolean;
}

/** Looks up image existence; a function so that the planning logic is testable without an engine. */
export type ImageLookup = (ref: string) => Promise<boolean>;

/** Decides the substitutions without touching the engine (aliases are only named here). */
export async function planBases(
  dockerfile: string,
  exists: ImageLookup,
  opts: { buildArgs?: Record<string, string>; substitute?: string; file?: string } = {},
): Promise<BasePlan> {
  const file = opts.file ?? 'Dockerfile';
  const substitute = opts.substitute ?? DEFAULT_SUBSTITUTE;
  const plan: BasePlan = { buildArgs: { ...(opts.buildArgs ?? {}) }, aliases: [], substitutions: [], findings: [], ok: true };
  const declared = globalArgs(dockerfile);
  const froms = fromLines(dockerfile, plan.buildArgs);
  if (froms.length === 0) {
    plan.ok = false;
    plan.findings.push(finding('CM512', 'the Dockerfile has no FROM instruction', { file }));
    return plan;
  }
  let substituteChecked: boolean | undefined;
  for (const f of froms) {
    if (f.internal) continue;
    if (f.image === undefined) {
      plan.ok = false;
      plan.findings.push(finding('CM512', `FROM ${f.raw} uses a build argument with no value (${f.vars.join(', ')})`, { file, line: f.line }));
      continue;
    }
    if (await exists(f.image)) continue;
    substituteChecked ??= await exists(substitute);
    if (!substituteChecked) {
      plan.ok = false;
      plan.findings.push(finding('CM512', `base image ${f.image} is not on the local engine, and neither is the substitute ${substitute}`, { file, line: f.line }, { hint: 'Run scripts/docker-engine.sh to create the local python bases; the engine is never left to pull.' }));
      continue;
    }
    // A FROM that is exactly one declared ARG is switched through that ARG, as documented for
    // pruned output (`ARG BASE_IMAGE=...` + `FROM ${BASE_IMAGE}`); anything else gets an alias.
    const single = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(f.raw)?.[1];
    if (single && declared.has(single)) {
      plan.buildArgs[single] = substitute;
      plan.substitutions.push({ from: f.image, to: substitute, via: 'build-arg', line: f.line });
      plan.findings.push(finding('CM511', `base image ${f.image} is not available offline; built on ${substitute} instead (build argument ${single}=${substitute})`, { file, line: f.line }));
    } else {
      if (!plan.aliases.includes(f.image)) plan.aliases.push(f.image);
      plan.substitutions.push({ from: f.image, to: substitute, via: 'alias', line: f.line });
      plan.findings.push(finding('CM511', `base image ${f.image} is not available offline; built on ${substitute} instead (a temporary local tag ${f.image} pointing at ${substitute}, removed after the build)`, { file, line: f.line }));
    }
  }
  return plan;
}

/** Splits `repo[:tag]` (a registry port is not a tag). */
export function splitRef(ref: string): { repo: string; tag: string } {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const colon = base.lastIndexOf(':');
  if (colon > base.lastIndexOf('/')) return { repo: base.slice(0, colon), tag: base.slice(colon + 1) };
  return { repo: base, tag: 'latest' };
}

export async function planBasesOnEngine(engine: Engine, dockerfile: string, opts: Parameters<typeof planBases>[2]): Promise<BasePlan> {
  return planBases(dockerfile, (ref) => imageExists(engine, ref), opts);
}

/** Creates the alias tags of a plan. */
export async function createAliases(engine: Engine, plan: BasePlan, substitute: string): Promise<void> {
  for (const alias of plan.aliases) {
    const { repo, tag } = splitRef(alias);
    await engine.getImage(substitute).tag({ repo, tag });
  }
}

/** Removes the alias tags (only untags: the substitute keeps its own name). */
export async function removeAliases(engine: Engine, plan: BasePlan): Promise<string[]> {
  const failed: string[] = [];
  for (const alias of plan.aliases) {
    try {
      await engine.getImage(alias).remove({ noprune: true });
    } catch {
      if (await imageExists(engine, alias)) failed.push(alias);
    }
  }
  return failed;
}
