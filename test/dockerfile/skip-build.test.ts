// P5: a package's own "skip CUDA build" variable (checked in its setup.py) means no CUDA build.
import { describe, expect, it } from 'vitest';
import { withoutSkippedBuilds } from '../../src/dockerfile/skip-build.js';

describe('P5: FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn is not a CUDA build', () => {
  it('drops the step that installs only skipped packages', () => {
    expect(withoutSkippedBuilds('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation')).toEqual({ rest: '', skipped: ['FLASH_ATTENTION_SKIP_CUDA_BUILD'] });
    expect(withoutSkippedBuilds('export FLASH_ATTENTION_SKIP_CUDA_BUILD="TRUE" && python -m pip install -U flash_attn==2.7.0 --no-build-isolation').skipped).toEqual(['FLASH_ATTENTION_SKIP_CUDA_BUILD']);
  });
  it('only the exact value TRUE skips (setup.py compares with "TRUE")', () => {
    for (const v of ['1', 'true', 'FALSE']) expect(withoutSkippedBuilds(`FLASH_ATTENTION_SKIP_CUDA_BUILD=${v} pip install flash-attn --no-build-isolation`).skipped).toEqual([]);
  });
  it('keeps other packages and other commands of the step', () => {
    expect(withoutSkippedBuilds('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn apex --no-build-isolation').skipped).toEqual([]);
    expect(withoutSkippedBuilds('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn && nvcc -V').rest).toContain('nvcc');
    expect(withoutSkippedBuilds('FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install -r requirements.txt --no-build-isolation').skipped).toEqual([]);
  });
  it('mamba-ssm pulls causal-conv1d, which must be skipped too (or --no-deps)', () => {
    expect(withoutSkippedBuilds('MAMBA_SKIP_CUDA_BUILD=TRUE pip install mamba-ssm --no-build-isolation').skipped).toEqual([]);
    expect(withoutSkippedBuilds('MAMBA_SKIP_CUDA_BUILD=TRUE pip install mamba-ssm --no-deps --no-build-isolation').skipped).toEqual(['MAMBA_SKIP_CUDA_BUILD']);
    expect(withoutSkippedBuilds('MAMBA_SKIP_CUDA_BUILD=TRUE CAUSAL_CONV1D_SKIP_CUDA_BUILD=TRUE pip install mamba-ssm causal-conv1d --no-build-isolation').rest).toBe('');
  });
});
