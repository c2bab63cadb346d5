// The base image the pruner picks: Cog's CPU base for CPU models, and for GPU models the smallest
// image that has what the build needs (python:X-slim when pip wheels bring CUDA, else nvidia/cuda
// runtime before devel, cuDNN only where used). Slim bases are pinned to Debian bookworm.

import type { BuildFacts } from './facts.js';
import type { NeedDecision } from './need.js';
import { cudaImageFor } from './tables.js';
import { parseVer, verGreater } from './version.js';
import slimData from './data/slim-base.json' with { type: 'json' };

/**
 * The public slim Python image for `python`, pinned to Debian bookworm where that tag exists
 * (data/slim-base.json): plain `python:X.Y-slim` is Debian trixie today, which dropped packages
 * Cog-era projects install.
 */
export function slimImage(python: string): string {
  const v = parseVer(python);
  if (!v) return `python:${python}-slim`;
  const minor = `${v.major}.${v.minor}`;
  if (verGreater(slimData.minimumMinor, minor)) return `python:${python}-slim`;
  const first = (slimData.firstBookwormPatch as Record<string, number>)[minor];
  const patch = /^\d+\.\d+\.(\d+)$/.exec(python)?.[1];
  if (patch !== undefined && first !== undefined && Number(patch) < first) return `python:${python}-slim`;
  return `python:${python}-slim-${slimData.suite}`;
}

export interface BaseChoice {
  image: string;
  /** True when the image has no Python and the pruned file installs one (Cog's uv path). */
  installsPython: boolean;
  isDebian: boolean;
  reason: string;
}

/** `11.8.0-cudnn8-devel-ubuntu22.04` -> the `runtime` / no-cuDNN sibling nvidia publishes. */
export function cudaVariant(tag: string, variant: 'runtime' | 'devel', cudnn: boolean): string {
  let t = tag.replace(/-(devel|runtime|base)-/, `-${variant}-`);
  if (!cudnn) t = t.replace(/-cudnn\d*-/, '-');
  return t;
}

export function chooseBase(facts: BuildFacts, need: NeedDecision): BaseChoice {
  const slim = slimImage(facts.python);
  const debian = slim.endsWith(`-${slimData.suite}`) ? `, pinned to Debian ${slimData.suite} (the plain -slim tag is now Debian trixie, which dropped packages such as libgl1-mesa-glx)` : '';
  if (!facts.gpu) return { image: slim, installsPython: false, isDebian: true, reason: `CPU model: the public Python image Cog uses for CPU builds${debian}` };
  if (need.need === 'none') {
    return {
      image: slim,
      installsPython: false,
      isDebian: true,
      reason: `GPU model that compiles nothing against CUDA: pip-installed torch ships its own CUDA libraries, so no nvidia/cuda base is needed; the public Python image${debian}`,
    };
  }
  const tag = facts.cudaTag ?? cudaImageFor(facts.cuda, facts.cudnn)?.Tag ?? `${facts.cuda}.0-cudnn${facts.cudnn}-devel-ubuntu22.04`;
  const image = `nvidia/cuda:${cudaVariant(tag, need.need, need.cudnn)}`;
  const what = need.need === 'devel' ? 'the CUDA toolkit (devel)' : 'the CUDA runtime libraries (runtime, not devel)';
  const dnn = need.cudnn ? ' with cuDNN' : ' without cuDNN (nothing uses it)';
  return { image, installsPython: true, isDebian: false, reason: `needs ${what}${dnn}: ${need.reasons[0] ?? ''}` };
}
