// The Replicate machine a model runs on (runtime.hardware) picks the Cloudflare form: a GPU
// machine goes to Workers AI BYO and MIGRATION.md names the GPU to ask for; `cpu` to Containers,
// on the smallest instance type with Replicate's CPUs and memory.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../../../src/frontends/cog/index.js';
import type { CogIR } from '../../../src/ir/types.js';
import { emitWorkersAi } from '../../../targets/workers-ai/index.js';
import { hardwarePlan, instanceForHardware } from '../../../targets/workers-ai/hardware.js';
import { FIXTURES } from '../../helpers/fixtures.js';

function irOf(fixture: string, hardware?: string, gpu?: boolean): CogIR {
  const ir = readCog(join(FIXTURES, fixture, 'input')).ir!;
  if (hardware) ir.runtime.hardware = { name: hardware, from: '--hardware' };
  if (gpu !== undefined) ir.build.gpu = gpu;
  return ir;
}

const codes = (ir: CogIR) => emitWorkersAi(ir, {}).findings.map((f) => f.code);

describe('workers-ai and runtime.hardware', () => {
  it('no machine named: nothing from the hardware table', () => {
    expect(hardwarePlan(irOf('minimal-string-predictor'))).toBeUndefined();
    expect(codes(irOf('minimal-string-predictor'))).not.toContain('CM481');
  });

  it('a GPU machine: BYO even for a gpu: false cog.yaml, with the GPU to ask for in MIGRATION.md', () => {
    const ir = irOf('minimal-string-predictor', 'gpu-a100-large-2x');
    expect(hardwarePlan(ir)).toMatchObject({ mode: 'byo', gpuAsk: expect.stringContaining('2x A100-80GB (160 GB GPU memory in all)') });
    const r = emitWorkersAi(ir, {});
    expect(r.files.some((f) => f.path === 'worker/wrangler.jsonc' && f.text.includes('"ai"'))).toBe(true);
    expect(r.findings.find((f) => f.code === 'CM481')?.message).toContain('--hardware: gpu-a100-large-2x');
    expect(r.findings.find((f) => f.code === 'CM431')?.message).toContain('because the machine it runs on has a GPU');
    expect(r.guide![0]!.markdown).toContain("4. the GPU: 2x A100-80GB (160 GB GPU memory in all), as on Replicate's gpu-a100-large-2x");
  });

  it('cpu: Containers on the smallest instance type with 4 CPUs and 8 GB (standard-4), the reason given', () => {
    const ir = irOf('minimal-string-predictor', 'cpu');
    expect(hardwarePlan(ir)?.mode).toBe('containers');
    expect(instanceForHardware(ir)?.type.name).toBe('standard-4');
    const r = emitWorkersAi(ir, {});
    expect(r.files.find((f) => f.path === 'worker/wrangler.jsonc')!.text).toContain('"instance_type": "standard-4"');
    expect(r.findings.find((f) => f.code === 'CM433')?.message).toContain("the model runs on Replicate's cpu (4 CPUs, 8 GB; --hardware: cpu)");
  });

  it('cpu with gpu: true in cog.yaml: CM482, and cog.yaml decides (BYO)', () => {
    const ir = irOf('minimal-string-predictor', 'cpu', true);
    expect(hardwarePlan(ir)?.mode).toBeUndefined();
    const c = codes(ir);
    expect(c).toContain('CM482');
    expect(c).toContain('CM432');
  });

  it('--instance-type still wins over the machine', () => {
    const r = emitWorkersAi(irOf('minimal-string-predictor', 'cpu'), { instanceType: 'basic' });
    expect(r.files.find((f) => f.path === 'worker/wrangler.jsonc')!.text).toContain('"instance_type": "basic"');
  });
});
