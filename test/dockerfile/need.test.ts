// The CUDA-need rules: what makes a GPU model need a runtime or devel CUDA base.
import { describe, expect, it } from 'vitest';
import { cudaNeed } from '../../src/dockerfile/need.js';

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

describe('P5: skip-CUDA-build variables (cog-hunyuanvideo-community)', () => {
  it('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation needs no CUDA', () => {
    expect(need({ runCommands: ['FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation'] })).toEqual({ need: 'none', cudnn: false, reasons: [] });
  });
  it('without the variable (or with another value) it still needs devel', () => {
    expect(need({ runCommands: ['FLASH_ATTENTION_SKIP_CUDA_BUILD=1 pip install flash-attn --no-build-isolation'] }).need).toBe('devel');
  });
});
