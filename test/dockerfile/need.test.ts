// The CUDA-need rules: what makes a GPU model need a runtime or devel CUDA base.
import { describe, expect, it } from 'vitest';
import { cudaNeed } from '../../src/dockerfile/need.js';
import { dockerfileFor } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';

const need = (p: Partial<Parameters<typeof cudaNeed>[0]>) =>
  cudaNeed({ gpu: true, requirementLines: [], runCommands: [], systemPackages: [], ...p });

describe('cudaNeed', () => {
  it('needs nothing for plain torch, transformers, diffusers', () => {
    expect(need({ requirementLines: ['torch==2.3.1', 'transformers', 'diffusers==0.30.0', 'xformers==0.0.27'] })).toEqual({ need: 'none', cudnn: false, reasons: [] });
  });
  it('needs devel for nvcc, CUDA_HOME, --no-build-isolation in build.run', () => {
    for (const cmd of ['nvcc --version', 'export CUDA_HOME=/usr/local/cuda && make', 'pip install flash-attn --no-build-isolation', 'python setup.py install']) {
      expect(need({ runCommands: [cmd] }).need, cmd).toBe('devel');
    }
  });
  it('needs devel for flash-attn from source, not for a prebuilt wheel URL', () => {
    expect(need({ requirementLines: ['flash-attn==2.6.3'] }).need).toBe('devel');
    expect(need({ requirementLines: ['flash-attn @ https://example.invalid/flash_attn-2.6.3-cp311-linux_x86_64.whl'] }).need).toBe('none');
  });
  it('needs devel for CUDA extensions from git, not for other git requirements', () => {
    expect(need({ requirementLines: ['xformers @ git+https://github.com/facebookresearch/xformers.git'] }).need).toBe('devel');
    expect(need({ requirementLines: ['git+https://github.com/openai/CLIP.git'] }).need).toBe('none');
  });
  it('needs the runtime with cuDNN for onnxruntime-gpu and tensorflow', () => {
    expect(need({ requirementLines: ['onnxruntime-gpu==1.18.1'] })).toMatchObject({ need: 'runtime', cudnn: true });
    expect(need({ requirementLines: ['tensorflow==2.11.0'] })).toMatchObject({ need: 'runtime', cudnn: true });
  });
  it('needs devel for CUDA toolkit system packages', () => {
    expect(need({ systemPackages: ['cuda-nvcc-12-1'] }).need).toBe('devel');
  });
  it('CPU models never need CUDA', () => {
    expect(need({ gpu: false, runCommands: ['nvcc --version'] }).need).toBe('none');
  });
});

describe('combining needs (issue 18)', () => {
  it('a later runtime need never lowers an earlier devel need, in any order of sources', () => {
    const cases = [
      { requirementLines: ['flash-attn==2.6.3', 'onnxruntime-gpu==1.18.1'] },
      { requirementLines: ['onnxruntime-gpu==1.18.1', 'flash-attn==2.6.3'] },
      { runCommands: ['nvcc --version'], requirementLines: ['tensorflow==2.11.0'] },
      { runCommands: ['nvcc --version'], systemPackages: ['libcudnn8'] },
      { systemPackages: ['cuda-nvcc-12-1', 'libnccl2'] },
      { systemPackages: ['libnccl2', 'cuda-nvcc-12-1'] },
    ];
    for (const c of cases) expect(need(c).need, JSON.stringify(c)).toBe('devel');
  });
  it('keeps every reason, devel and runtime alike, and cuDNN from the runtime need', () => {
    const d = need({ requirementLines: ['flash-attn==2.6.3', 'onnxruntime-gpu==1.18.1'] });
    expect(d).toMatchObject({ need: 'devel', cudnn: true });
    expect(d.reasons).toHaveLength(2);
    expect(d.reasons[0]).toContain('flash-attn');
    expect(d.reasons[1]).toContain('onnxruntime-gpu');
  });
  it('a runtime need alone stays runtime; cupy needs no cuDNN', () => {
    expect(need({ requirementLines: ['cupy-cuda12x==13.0.0'] })).toMatchObject({ need: 'runtime', cudnn: false });
    expect(need({ systemPackages: ['libnccl2'] })).toMatchObject({ need: 'runtime', cudnn: false });
    expect(need({ systemPackages: ['libcudnn8'] })).toMatchObject({ need: 'runtime', cudnn: true });
    expect(need({ systemPackages: ['libcudnn8-dev'] })).toMatchObject({ need: 'devel', cudnn: true });
  });
});

describe('cuDNN used in build.run (issue 18)', () => {
  it('a build.run that compiles against cuDNN keeps cuDNN in the devel base', () => {
    expect(need({ runCommands: ['nvcc -o k kernel.cu -lcudnn'] })).toMatchObject({ need: 'devel', cudnn: true });
    expect(need({ runCommands: ['export CUDA_HOME=/usr/local/cuda && CUDNN_PATH=/usr/lib make'] })).toMatchObject({ need: 'devel', cudnn: true });
  });
  it('without cuDNN in the step, the devel base has none', () => {
    expect(need({ runCommands: ['nvcc -o k kernel.cu'] })).toMatchObject({ need: 'devel', cudnn: false });
  });
  it('the pruner picks the cuDNN devel variant for it', () => {
    const ir = irFromCogYaml('build:\n  gpu: true\n  cuda: "12.1"\n  python_version: "3.11"\n  python_packages: ["torch==2.3.1"]\n  run:\n    - nvcc -o /k /src/k.cu -lcudnn\n');
    expect(dockerfileFor(ir, 'fal').baseImage).toMatch(/^nvidia\/cuda:12\.1\.\d+-cudnn\d*-devel-ubuntu22\.04$/);
    const without = irFromCogYaml('build:\n  gpu: true\n  cuda: "12.1"\n  python_version: "3.11"\n  python_packages: ["torch==2.3.1"]\n  run:\n    - nvcc -o /k /src/k.cu\n');
    expect(dockerfileFor(without, 'fal').baseImage).toMatch(/^nvidia\/cuda:12\.1\.\d+-devel-ubuntu22\.04$/);
  });
});

describe('P5: skip-CUDA-build variables (cog-hunyuanvideo-community)', () => {
  it('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation needs no CUDA', () => {
    expect(need({ runCommands: ['FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation'] })).toEqual({ need: 'none', cudnn: false, reasons: [] });
  });
  it('without the variable (or with another value) it still needs devel', () => {
    expect(need({ runCommands: ['FLASH_ATTENTION_SKIP_CUDA_BUILD=1 pip install flash-attn --no-build-isolation'] }).need).toBe('devel');
  });
});
