// The Replicate machine a model runs on (runtime.hardware: a cog-safe-push config or --hardware)
// on Cloudflare, through src/hardware's table: a GPU machine means Workers AI bring-your-own-model
// and says which GPU to ask Cloudflare for; `cpu` means Cloudflare Containers, with the smallest
// instance type that has Replicate's CPUs and memory. cog.yaml alone says only `gpu: true`.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { modelHardware, type HardwareMapping } from '../../src/hardware/index.js';
import { INSTANCE_TYPES, type InstanceChoice } from './instance-types.js';
import type { WorkersAiMode } from './options.js';

const T = { target: 'workers-ai' };

export interface HardwarePlan {
  /** The mode the machine calls for; absent when it conflicts with cog.yaml (CM482). */
  mode?: WorkersAiMode;
  /** For a GPU machine: what to ask Cloudflare for (MIGRATION.md). */
  gpuAsk?: string;
  findings: Finding[];
}

function describeGpu(m: HardwareMapping): string {
  const h = m.replicate;
  return `${h.gpuCount > 1 ? `${h.gpuCount}x ` : ''}${h.gpu} (${h.gpuMemoryGb} GB GPU memory${h.gpuCount > 1 ? ' in all' : ''})`;
}

export function hardwarePlan(ir: CogIR): HardwarePlan | undefined {
  const named = modelHardware(ir);
  if (!named) return undefined;
  const { mapping, where } = named;
  const loc = ir.runtime.hardware?.loc;
  if (mapping.cloudflare.mode === 'byo') {
    const gpuAsk = `${describeGpu(mapping)}, as on Replicate's ${mapping.replicate.name} (${where})`;
    return { mode: 'byo', gpuAsk, findings: [finding('CM481', `${where}: Workers AI bring-your-own-model (${mapping.cloudflare.reason}); ask Cloudflare for ${describeGpu(mapping)}`, loc, T)] };
  }
  if (ir.build.gpu) {
    return { findings: [finding('CM482', `${where} is a CPU machine, but cog.yaml sets gpu: true; the model goes to bring-your-own-model by cog.yaml (set gpu: false to run it on Cloudflare Containers)`, loc, T)] };
  }
  return { mode: 'containers', findings: [finding('CM481', `${where}: Cloudflare Containers (${mapping.cloudflare.reason})`, loc, T)] };
}

/** Containers for a model on Replicate's `cpu`: the smallest type with its CPUs and memory. */
export function instanceForHardware(ir: CogIR): InstanceChoice | undefined {
  const named = modelHardware(ir);
  const h = named?.mapping.replicate;
  if (!named || !h || h.gpu || h.cpus === null || h.memoryGb === null) return undefined;
  const fits = INSTANCE_TYPES.find((t) => t.vcpu >= h.cpus! && t.memoryMib >= h.memoryGb! * 1024);
  const biggest = INSTANCE_TYPES[INSTANCE_TYPES.length - 1]!;
  const why = `the model runs on Replicate's ${h.name} (${h.cpus} CPUs, ${h.memoryGb} GB; ${named.where})`;
  return fits
    ? { type: fits, reason: why }
    : { type: biggest, reason: why, mayNotFit: `${why}, more than the largest instance type (${biggest.vcpu} vCPU, ${biggest.memoryMib} MiB)` };
}
