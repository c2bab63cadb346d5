// Published prices of the mapped machines, for MIGRATION.md's cost view. The default table is a
// dated data file (src/hardware/data/prices.json); `--pricing FILE` replaces it. Replicate's own
// prices come from the hardware table, which records where and when they were read.

import pricesData from './data/prices.json' with { type: 'json' };
import { REPLICATE_HARDWARE, type HardwareMapping } from './index.js';

export interface PlatformPrices {
  source: string;
  read: string;
  via?: string;
  /** Per machine type (fal) or GPU type (Modal), for one GPU. */
  usdPerHour: Record<string, number>;
}

export interface PriceTable {
  currency: string;
  platforms: Partial<Record<'fal' | 'modal', PlatformPrices>>;
}

export const DEFAULT_PRICES = pricesData as PriceTable;

/** Checks a user's --pricing file; the problem in words, or the table. */
export function parsePriceTable(text: string): { ok: true; table: PriceTable } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `not JSON: ${(e as Error).message}` };
  }
  const v = value as Partial<PriceTable>;
  if (typeof v !== 'object' || v === null || typeof v.currency !== 'string' || typeof v.platforms !== 'object' || v.platforms === null) {
    return { ok: false, problem: 'expected {"currency": "USD", "platforms": {"fal": {...}, "modal": {...}}}' };
  }
  for (const [name, p] of Object.entries(v.platforms)) {
    if (typeof p?.source !== 'string' || typeof p.read !== 'string' || typeof p.usdPerHour !== 'object' || p.usdPerHour === null) {
      return { ok: false, problem: `platforms.${name} needs source, read (a date) and usdPerHour` };
    }
    for (const [k, price] of Object.entries(p.usdPerHour)) {
      if (typeof price !== 'number' || !(price >= 0)) return { ok: false, problem: `platforms.${name}.usdPerHour.${k} must be a number` };
    }
  }
  return { ok: true, table: v as PriceTable };
}

export interface CostLine {
  platform: string;
  machine: string;
  /** Per hour for the whole machine (all its GPUs); undefined when no price is known. */
  usdPerHour?: number;
  source: string;
  read: string;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** What one mapped machine costs on Replicate and on `target`, as far as the tables know. */
export function costLines(m: HardwareMapping, target: string, table: PriceTable = DEFAULT_PRICES): CostLine[] {
  const h = m.replicate;
  const lines: CostLine[] = [{ platform: 'Replicate', machine: h.name, usdPerHour: round(h.usdPerSecond * 3600), source: REPLICATE_HARDWARE.source, read: REPLICATE_HARDWARE.read }];
  const count = Math.max(1, h.gpuCount);
  if (target === 'fal') {
    const p = table.platforms.fal;
    const per = p?.usdPerHour[m.fal.machineType];
    lines.push({ platform: 'fal', machine: `${m.fal.machineType}${m.fal.numGpus ? ` x${m.fal.numGpus}` : ''}`, ...(per !== undefined ? { usdPerHour: round(per * count) } : {}), source: p?.source ?? 'https://fal.ai/pricing', read: p?.read ?? '-' });
  }
  if (target === 'modal' && m.modal.gpu) {
    const p = table.platforms.modal;
    const per = p?.usdPerHour[m.modal.gpu.split(':')[0] ?? ''];
    lines.push({ platform: 'Modal', machine: m.modal.gpu, ...(per !== undefined ? { usdPerHour: round(per * count) } : {}), source: p?.source ?? 'https://modal.com/pricing', read: p?.read ?? '-' });
  }
  return lines;
}
