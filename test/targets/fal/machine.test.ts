// Issue 16: the fal machine type by what the model declares, not GPU-A100 for every GPU model:
// the smallest fal GPU that fits its weights' size, its workload (LLM server, diffusers, train:),
// among the types the build's CUDA can run (CM458).

import { describe, expect, it } from 'vitest';
import type { CogIR } from '../../../src/ir/types.js';
import { buildCuda, machineByNeed, memoryFromName } from '../../../targets/fal/machine.js';
import { emitFal } from '../../../targets/fal/index.js';
import { cogIR, fakeDockerfile, loc, predictor } from './ir-builders.js';

function irWith(packages: string[], extra: { cuda?: string; weights?: string[]; env?: Record<string, string>; train?: boolean } = {}): CogIR {
  const ir = cogIR({ gpu: true, predict: predictor() });
  ir.build.pythonRequirements = packages.map((raw) => ({ raw, kind: 'package' as const, name: raw.split('=')[0]!, loc: loc('requirements.txt') }));
  if (extra.cuda) ir.build.cuda = extra.cuda;
  ir.runtime.weights = (extra.weights ?? []).map((source) => ({ source, loc: loc('cog.yaml') }));
  ir.runtime.environment = Object.entries(extra.env ?? {}).map(([name, value]) => ({ name, value, loc: loc('cog.yaml') }));
  if (extra.train) ir.predictors.train = predictor({ role: 'train', ref: 'train.py:train' });
  return ir;
}

const pick = (ir: CogIR, dockerfile = '') => machineByNeed(ir, dockerfile);

describe('fal machine type by need', () => {
  it('keeps GPU-A100 when nothing says more, with the reason', () => {
    const choice = pick(irWith(['torch==2.4.1']));
    expect(choice).toMatchObject({ type: 'GPU-A100', cudaLimited: false });
    expect(choice.why).toContain('general-purpose');
  });

  it('reads the parameters in a weights name, bf16 unless it says 4-bit or 8-bit', () => {
    expect(memoryFromName('meta-llama/Llama-3.1-70B-Instruct')).toBe(168);
    expect(memoryFromName('Qwen/Qwen2-7B-Instruct-AWQ')).toBe(5);
    expect(memoryFromName('neuralmagic/Meta-Llama-3-8B-Instruct-FP8')).toBe(10);
    expect(memoryFromName('stabilityai/stable-diffusion-xl-base-1.0')).toBeUndefined();
    expect(memoryFromName('org/model-b16')).toBeUndefined();
  });

  it('takes the smallest GPU that holds the largest named weights', () => {
    expect(pick(irWith(['vllm==0.6.3'], { weights: ['hf://meta-llama/Llama-3.1-8B-Instruct'], cuda: '12.1' })).type).toBe('GPU-RTX4090');
    expect(pick(irWith([], { env: { MODEL_ID: 'Qwen/Qwen2.5-32B-Instruct' }, cuda: '12.1' })).type).toBe('GPU-H100');
    expect(pick(irWith([], { weights: ['hf://meta-llama/Llama-3.1-70B-Instruct'], cuda: '12.8' })).type).toBe('GPU-B200');
    // B200 (Blackwell) needs CUDA 12.8: the largest GPU CUDA 12.4 runs, with the warning.
    expect(pick(irWith([], { weights: ['hf://meta-llama/Llama-3.1-70B-Instruct'], cuda: '12.4' }))).toMatchObject({ type: 'GPU-H200', cudaLimited: true });
  });

  it('follows fal\'s workload guide: LLM servers on H100, training on A100, diffusers on RTX 4090', () => {
    expect(pick(irWith(['vllm==0.6.3'], { cuda: '12.1' })).type).toBe('GPU-H100');
    expect(pick(irWith(['diffusers==0.30.0'], { cuda: '12.1', train: true })).type).toBe('GPU-A100');
    expect(pick(irWith(['diffusers==0.30.0'], { cuda: '12.1' })).type).toBe('GPU-RTX4090');
  });

  it("does not pick an architecture the build's CUDA predates, and says so", () => {
    const old = pick(irWith(['diffusers==0.20.0'], { cuda: '11.7' }));
    expect(old).toMatchObject({ type: 'GPU-A100', cudaLimited: true });
    expect(old.why).toContain("the build's CUDA 11.7 predates GPU-RTX4090's Ada (sm_89) (CUDA 11.8+)");
    const none = pick(irWith([], { cuda: '10.2' }));
    expect(none.cudaLimited).toBe(true);
    expect(none.why).toContain('no fal GPU runs');
  });

  it("reads the CUDA from cog.yaml, the torch wheel index or the CUDA base", () => {
    expect(buildCuda(irWith([], { cuda: '11.8' }), '')).toBe('11.8');
    expect(buildCuda(irWith([]), "'--extra-index-url https://download.pytorch.org/whl/cu124/'")).toBe('12.4');
    expect(buildCuda(irWith([]), 'ARG BASE_IMAGE=nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04')).toBe('12.1');
    expect(buildCuda(irWith([]), '')).toBeUndefined();
  });

  it('puts the choice and its reason in app.py and CM458; --machine-type and named hardware win', () => {
    const ir = irWith(['vllm==0.6.3'], { cuda: '12.1' });
    const result = emitFal(ir, {}, { dockerfile: fakeDockerfile });
    expect(result.files.find((f) => f.path === 'app.py')!.text).toContain('machine_type = "GPU-H100"  # by what the model declares (MIGRATION.md, CM458)');
    expect(result.findings.filter((f) => f.code === 'CM458').map((f) => f.severity)).toEqual(['info']);
    const forced = emitFal(ir, { machineType: 'GPU-A100' }, { dockerfile: fakeDockerfile });
    expect(forced.findings.some((f) => f.code === 'CM458')).toBe(false);
    expect(emitFal(irWith([], { cuda: '12.1' }), {}, { dockerfile: fakeDockerfile }).files[0]!.text).toContain('machine_type = "GPU-A100"');
  });
});
