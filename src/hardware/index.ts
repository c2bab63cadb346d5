// Replicate hardware names (what cog-safe-push configs and Replicate deployments say) -> what
// each target platform offers. cog.yaml alone only says `gpu: true`; a config that names
// hardware says how much, and every target reads it from here. The facts are data files
// (src/hardware/data/) with their sources and dates; docs/hardware.md is generated from them.

import hardwareData from './data/replicate-hardware.json' with { type: 'json' };
import targetData from './data/target-hardware.json' with { type: 'json' };

export interface ReplicateHardware {
  name: string;
  title: string;
  /** GPU class (`T4`, `A40`, `L40S`, `A100-80GB`, `H100`); null for CPU machines. */
  gpu: string | null;
  gpuCount: number;
  gpuMemoryGb: number;
  cpus: number | null;
  memoryGb: number | null;
  usdPerSecond: number;
}

interface HardwareFile {
  source: string;
  read: string;
  currency: string;
  hardware: ReplicateHardware[];
}

interface TargetFile {
  sources: Record<'fal' | 'modal' | 'cloudflare', { url: string; read: string }>;
  fal: Record<string, { machineType: string; reason: string }>;
  modal: Record<string, { gpu: string | null; reason: string }>;
  cloudflare: Record<'cpu' | 'gpu', { mode: 'containers' | 'byo'; reason: string }>;
}

export const REPLICATE_HARDWARE = hardwareData as HardwareFile;
export const TARGET_HARDWARE = targetData as unknown as TargetFile;

const byName = new Map(REPLICATE_HARDWARE.hardware.map((h) => [h.name, h]));

export function replicateHardware(name: string): ReplicateHardware | undefined {
  return byName.get(name);
}

export function replicateHardwareNames(): string[] {
  return REPLICATE_HARDWARE.hardware.map((h) => h.name);
}

/** What one Replicate machine becomes on each platform, with the reason for each choice. */
export interface HardwareMapping {
  replicate: ReplicateHardware;
  fal: { machineType: string; numGpus?: number; reason: string };
  /** Modal's `gpu=` string (`"H100:2"`), absent for CPU. */
  modal: { gpu?: string; reason: string };
  cloudflare: { mode: 'containers' | 'byo'; reason: string };
}

function gpuClass(h: ReplicateHardware): string {
  return h.gpu ?? 'cpu';
}

export function mapHardware(h: ReplicateHardware): HardwareMapping {
  const cls = gpuClass(h);
  const fal = TARGET_HARDWARE.fal[cls];
  const modal = TARGET_HARDWARE.modal[cls];
  if (!fal || !modal) throw new Error(`src/hardware/data/target-hardware.json has no row for GPU class ${cls}`);
  const many = h.gpuCount > 1;
  return {
    replicate: h,
    fal: { machineType: fal.machineType, ...(many ? { numGpus: h.gpuCount } : {}), reason: fal.reason },
    modal: { ...(modal.gpu ? { gpu: many ? `${modal.gpu}:${h.gpuCount}` : modal.gpu } : {}), reason: modal.reason },
    cloudflare: TARGET_HARDWARE.cloudflare[h.gpu ? 'gpu' : 'cpu'],
  };
}

/** Closest known names for an unknown one (a typo like `gpu-a100`), best first. */
export function suggestHardware(name: string): string[] {
  const stem = name.toLowerCase().replace(/-(small|large)$/, '');
  return replicateHardwareNames().filter((n) => n.startsWith(stem) || stem.startsWith(n)).slice(0, 3);
}

/** The machine the IR says the model runs on (runtime.hardware), mapped to each platform. */
export function modelHardware(ir: { runtime: { hardware?: { name: string; from: string } } }): { mapping: HardwareMapping; where: string } | undefined {
  const named = ir.runtime.hardware;
  const h = named ? replicateHardware(named.name) : undefined;
  return named && h ? { mapping: mapHardware(h), where: `${named.from}: ${h.name}` } : undefined;
}
