import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLICATE_HARDWARE, mapHardware, modelHardware, replicateHardware, suggestHardware } from '../../src/hardware/index.js';
import { costLines, parsePriceTable } from '../../src/hardware/prices.js';
import { GPU_MACHINE_TYPES, CPU_MACHINE_TYPES } from '../../targets/fal/options.js';
import { renderHardwareDoc } from '../../src/docs/hardware-md.js';

// Modal's GPU type names (modal 1.6 docs, https://modal.com/docs/guide/gpu), with an optional `:N` count.
const MODAL_GPUS = ['T4', 'L4', 'A10G', 'L40S', 'A100', 'A100-40GB', 'A100-80GB', 'H100', 'H200', 'B200'];

describe('hardware table', () => {
  it('maps every Replicate machine to a fal machine type fal documents, of the right kind', () => {
    for (const h of REPLICATE_HARDWARE.hardware) {
      const m = mapHardware(h);
      const known: readonly string[] = h.gpu ? GPU_MACHINE_TYPES : CPU_MACHINE_TYPES;
      expect(known, h.name).toContain(m.fal.machineType);
      expect(m.fal.numGpus ?? 1, h.name).toBe(Math.max(1, h.gpuCount));
    }
  });

  it('maps every GPU machine to a Modal gpu string with its count, and CPU machines to none', () => {
    for (const h of REPLICATE_HARDWARE.hardware) {
      const gpu = mapHardware(h).modal.gpu;
      if (!h.gpu) {
        expect(gpu, h.name).toBeUndefined();
        continue;
      }
      const [name, count] = (gpu ?? '').split(':');
      expect(MODAL_GPUS, h.name).toContain(name);
      expect(count === undefined ? 1 : Number(count), h.name).toBe(h.gpuCount);
    }
  });

  it('sends GPU machines to Workers AI BYO and CPU machines to Containers', () => {
    expect(mapHardware(replicateHardware('cpu')!).cloudflare.mode).toBe('containers');
    expect(mapHardware(replicateHardware('gpu-t4')!).cloudflare.mode).toBe('byo');
  });

  it('never maps to less GPU memory than the Replicate machine has', () => {
    const falMemory: Record<string, number> = { 'GPU-A6000': 48, 'GPU-L40': 48, 'GPU-A100': 40, 'GPU-H100': 80, 'GPU-H200': 141, 'GPU-B200': 192 };
    for (const h of REPLICATE_HARDWARE.hardware.filter((x) => x.gpu)) {
      const m = mapHardware(h);
      expect((falMemory[m.fal.machineType] ?? 0) * (m.fal.numGpus ?? 1), h.name).toBeGreaterThanOrEqual(h.gpuMemoryGb);
    }
  });

  it('suggests the real names for a near miss', () => {
    expect(suggestHardware('gpu-a100')).toContain('gpu-a100-large');
    expect(suggestHardware('tpu-v5')).toEqual([]);
  });

  it('maps the machine the IR names and says where the name came from', () => {
    expect(modelHardware({ runtime: {} })).toBeUndefined();
    expect(modelHardware({ runtime: { hardware: { name: 'gpu-h100-2x', from: '--hardware' } } })).toMatchObject({ where: '--hardware: gpu-h100-2x', mapping: { fal: { machineType: 'GPU-H100', numGpus: 2 } } });
    expect(modelHardware({ runtime: { hardware: { name: 'gpu-nope', from: 'x' } } })).toBeUndefined();
  });

  it('prices a multi-GPU machine per GPU times the count, and says when no price is published', () => {
    const m = mapHardware(replicateHardware('gpu-h100-2x')!);
    const table = { currency: 'USD', platforms: { modal: { source: 's', read: '2026-01-01', usdPerHour: { H100: 4 } } } };
    expect(costLines(m, 'modal', table)).toEqual([
      { platform: 'Replicate', machine: 'gpu-h100-2x', usdPerHour: 10.98, source: 'https://replicate.com/pricing', read: '2026-12-01' },
      { platform: 'Modal', machine: 'H100:2', usdPerHour: 8, source: 's', read: '2026-01-01' },
    ]);
    expect(costLines(m, 'fal', table)[1]).toEqual({ platform: 'fal', machine: 'GPU-H100 x2', source: 'https://fal.ai/pricing', read: '-' });
  });

  it('checks a --pricing file for its shape', () => {
    expect(parsePriceTable('{"currency":"USD","platforms":{"fal":{"source":"x","read":"2026","usdPerHour":{"GPU-H100":2}}}}').ok).toBe(true);
    expect(parsePriceTable('{"currency":"USD","platforms":{"fal":{"source":"x","read":"2026","usdPerHour":{"GPU-H100":"2"}}}}')).toEqual({ ok: false, problem: 'platforms.fal.usdPerHour.GPU-H100 must be a number' });
    expect(parsePriceTable('nope').ok).toBe(false);
  });

  it('docs/hardware.md is up to date (regenerate with `npm run docs`)', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../docs/hardware.md'), 'utf8')).toBe(renderHardwareDoc());
  });
});
