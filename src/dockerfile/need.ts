// Does this GPU model need a CUDA toolkit in its base image, and which part of it? pip wheels of
// torch ship their own CUDA libraries, so most models need none; a build that compiles CUDA code
// needs `devel`; a few frameworks load the system CUDA (and cuDNN) and need `runtime`.
// The rules are data (data/cuda-need.json) so they can grow without code changes.

import needData from './data/cuda-need.json' with { type: 'json' };
import type { CudaNeed } from './model.js';
import { packageName } from './requirements.js';
import { withoutSkippedBuilds } from './skip-build.js';

export interface NeedInput {
  gpu: boolean;
  requirementLines: readonly string[];
  runCommands: readonly string[];
  systemPackages: readonly string[];
}

export interface NeedDecision {
  need: CudaNeed;
  cudnn: boolean;
  /** Human reasons, most decisive first. Empty when nothing needs CUDA. */
  reasons: string[];
}

const RANK: Record<CudaNeed, number> = { none: 0, runtime: 1, devel: 2 };

export function cudaNeed(input: NeedInput): NeedDecision {
  const decision: NeedDecision = { need: 'none', cudnn: false, reasons: [] };
  if (!input.gpu) return decision;
  const raise = (need: CudaNeed, why: string, cudnn = false) => {
    if (RANK[need] > RANK[decision.need]) decision.need = need;
    if (cudnn) decision.cudnn = true;
    decision.reasons.push(why);
  };
  for (const cmd of input.runCommands) {
    // Steps that set a package's own skip-CUDA-build variable compile nothing for it.
    const { rest } = withoutSkippedBuilds(cmd);
    for (const rule of needData.develCommandPatterns) {
      if (new RegExp(rule.pattern, 'i').test(rest)) {
        raise('devel', `build.run \`${cmd.length > 60 ? cmd.slice(0, 57) + '...' : cmd}\` ${rule.why}`);
        break;
      }
    }
    if (/cudnn/i.test(rest)) decision.cudnn = true;
  }
  for (const line of input.requirementLines) {
    const name = (packageName(line).split('[')[0] ?? '').toLowerCase();
    const isWheelUrl = /@\s*\S+\.whl\b|^\S+\.whl\b|^https?:\S+\.whl\b/.test(line);
    const git = /git\+\S+/.exec(line)?.[0];
    if (git) {
      const hit = needData.develFromGit.find((repo) => git.toLowerCase().includes(repo));
      if (hit) raise('devel', `requirement \`${line}\` builds ${hit} (CUDA extensions) from a git checkout`);
      continue;
    }
    const devel = (needData.develPackages as Record<string, string>)[name];
    if (devel && !isWheelUrl) raise('devel', `requirement \`${line}\`: ${devel}`);
    const runtime = (needData.runtimePackages as Record<string, { cudnn: boolean; why: string }>)[name];
    if (runtime) raise('runtime', `requirement \`${line}\`: ${runtime.why}`, runtime.cudnn);
  }
  for (const pkg of input.systemPackages) {
    if (needData.develSystemPackagePatterns.some((p) => new RegExp(p).test(pkg))) raise('devel', `system package ${pkg} is part of the CUDA toolkit`, /cudnn/.test(pkg));
    else if (needData.runtimeSystemPackagePatterns.some((p) => new RegExp(p).test(pkg))) raise('runtime', `system package ${pkg} needs the CUDA runtime`, /cudnn/.test(pkg));
  }
  return decision;
}
