// The fal machine type by need, for a gpu: true project that names no Replicate hardware: the
// smallest GPU that fits what the project declares, as fal's "Choosing a GPU" guide says, among
// the types whose architecture the build's CUDA can run. What it declares: the parameter count
// in the names of its weights (cog.yaml weights:, model ids in environment:), a workload
// package (an LLM server, diffusers) or train:. The table with its sources: data/machine-types.json.

import type { CogIR } from '../../src/ir/types.js';
import { parseVer, verGreater } from '../../src/dockerfile/version.js';
import data from './data/machine-types.json' with { type: 'json' };
import { installedPackages } from './installed-packages.js';

export interface MachineChoice {
  type: string;
  /** Why, for the app.py comment and CM458. */
  why: string;
  /** The type the need pointed at could not run the build's CUDA (CM458 as a warning). */
  cudaLimited: boolean;
}

interface Gpu { type: string; memoryGb: number; arch: string; minCuda: string }
const GPUS = data.gpus as Gpu[];

/** The CUDA the image runs: cog.yaml's, else the torch wheel index or CUDA base in the Dockerfile. */
export function buildCuda(ir: CogIR, dockerfileText: string): string | undefined {
  if (ir.build.cuda) return ir.build.cuda;
  const index = /download\.pytorch\.org\/whl\/cu(\d+)(\d)\b/.exec(dockerfileText);
  if (index) return `${index[1]}.${index[2]}`;
  return /nvidia\/cuda:(\d+\.\d+)/.exec(dockerfileText)?.[1];
}

function runs(gpu: Gpu, cuda: string | undefined): boolean {
  const v = cuda && parseVer(cuda);
  return !v || !verGreater(gpu.minCuda, `${v.major}.${v.minor}`);
}

/** GB of GPU memory a weights name implies (`...-70B-...` at bf16 plus headroom), if it says. */
export function memoryFromName(name: string): number | undefined {
  const m = /(?:^|[^a-z0-9.])(\d{1,4}(?:\.\d)?)b(?![a-z0-9])/i.exec(name.replace(/\.(safetensors|bin|gguf)$/i, ''));
  if (!m) return undefined;
  const b = data.weights.bytesPerParameter;
  const bytes = /(^|[^a-z0-9])(awq|gptq|4bit|int4|nf4|bnb-4bit)([^a-z0-9]|$)/i.test(name) ? b['4bit'] : /(^|[^a-z0-9])(8bit|int8|fp8)([^a-z0-9]|$)/i.test(name) ? b['8bit'] : b.default;
  return Math.ceil(Number(m[1]) * bytes * data.weights.headroom);
}

function weightsNeed(ir: CogIR): { gb: number; name: string } | undefined {
  const names = [
    ...ir.runtime.weights.map((w) => w.source.replace(/^hf:\/\//, '')),
    ...ir.runtime.environment.map((e) => e.value).filter((v) => /^[\w.-]+\/[\w.-]+$/.test(v)),
  ];
  let best: { gb: number; name: string } | undefined;
  for (const name of names) {
    const gb = memoryFromName(name);
    if (gb !== undefined && (!best || gb > best.gb)) best = { gb, name };
  }
  return best;
}

/** The smallest type of at least `gb` (or the one named), else the closest one the build's CUDA runs. */
function fit(want: { gb?: number; type?: string }, cuda: string | undefined): { gpu: Gpu; wanted: Gpu; runnable: boolean } {
  const bySize = [...GPUS].sort((a, b) => a.memoryGb - b.memoryGb);
  const wanted = want.type ? GPUS.find((g) => g.type === want.type)! : bySize.find((g) => g.memoryGb >= want.gb!) ?? bySize[bySize.length - 1]!;
  if (runs(wanted, cuda)) return { gpu: wanted, wanted, runnable: true };
  const fallback = bySize.find((g) => g.memoryGb >= wanted.memoryGb && runs(g, cuda)) ?? [...bySize].reverse().find((g) => runs(g, cuda));
  return fallback ? { gpu: fallback, wanted, runnable: true } : { gpu: wanted, wanted, runnable: false };
}

export function machineByNeed(ir: CogIR, dockerfileText: string): MachineChoice {
  const cuda = buildCuda(ir, dockerfileText);
  const installed = new Set(installedPackages(ir).map((p) => p.name));
  const weights = weightsNeed(ir);
  let want: { gb?: number; type?: string };
  let why: string;
  if (weights) {
    want = { gb: weights.gb };
    why = `the weights ${weights.name} need about ${weights.gb} GB of GPU memory (parameters in the name, 20% headroom): the smallest fal GPU that holds them`;
  } else {
    const workload = data.workloads.find((w) => ('train' in w && w.train && ir.predictors.train) || ('packages' in w && w.packages!.some((p) => installed.has(p))));
    want = { type: workload?.type ?? data.default.type };
    why = workload?.why ?? data.default.why;
  }
  const { gpu, wanted, runnable } = fit(want, cuda);
  if (!runnable) return { type: gpu.type, why: `${why}; but no fal GPU runs the build's CUDA ${cuda} (the oldest architecture, ${GPUS.find((g) => g.type === 'GPU-A100')!.arch}, needs CUDA 11.0+): raise cuda: and the torch pin`, cudaLimited: true };
  if (gpu !== wanted) return { type: gpu.type, why: `${why}; the build's CUDA ${cuda} predates ${wanted.type}'s ${wanted.arch} (CUDA ${wanted.minCuda}+), so ${gpu.type}`, cudaLimited: true };
  return { type: gpu.type, why, cudaLimited: false };
}
