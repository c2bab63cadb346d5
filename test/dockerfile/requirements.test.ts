// The requirements.txt Cog stages, and the reading of a requirements file as Cog reads it.
import { describe, expect, it } from 'vitest';
import { cogRequirementLines, isLocalArtifact, stageRequirements } from '../../src/dockerfile/requirements.js';

describe('stageRequirements', () => {
  it('hoists the torch index and keeps everything else in order', () => {
    const r = stageRequirements(['numpy', 'torch==2.3.1', 'torchvision==0.18.1'], { gpu: true, cuda: '11.8' });
    expect(r.text).toBe('--extra-index-url https://download.pytorch.org/whl/cu118/\nnumpy\ntorch==2.3.1\ntorchvision==0.18.1');
  });
  it('uses the CPU index on CPU builds and leaves unpinned torch alone', () => {
    expect(stageRequirements(['torch==2.3.1'], { gpu: false, cuda: '' }).text).toBe('--extra-index-url https://download.pytorch.org/whl/cpu/\ntorch==2.3.1');
    expect(stageRequirements(['torch>=2'], { gpu: false, cuda: '' }).text).toBe('torch>=2');
  });
  it('drops cog and coglet', () => {
    const r = stageRequirements(['cog==0.9.0', 'coglet', 'pandas'], { gpu: false, cuda: '' });
    expect(r.text).toBe('pandas');
    expect(r.droppedManaged).toEqual(['cog==0.9.0', 'coglet']);
  });
});

describe('cogRequirementLines', () => {
  it('cuts at the first # (even #egg=) and drops -e . for requirements files', () => {
    expect(cogRequirementLines(['git+https://x/y.git#egg=y', '-e .', 'a  # note'], true)).toEqual(['git+https://x/y.git', 'a']);
  });
  it('keeps python_packages as written', () => {
    expect(cogRequirementLines(['a # b'], false)).toEqual(['a # b']);
  });
  it('knows local artifacts', () => {
    expect(isLocalArtifact('./dist/x-0.1-py3-none-any.whl')).toBe(true);
    expect(isLocalArtifact('https://e.invalid/x.whl')).toBe(false);
    expect(isLocalArtifact('pandas')).toBe(false);
  });
});
