// Issue 16: an unpinned xformers/torchvision/torchaudio installed in build.run after a pinned torch
// makes pip replace that torch; CM454 at the run line names the release built for it.

import { describe, expect, it } from 'vitest';
import type { CogIR } from '../../../src/ir/types.js';
import { companionPin, unpinnedAfterTorch } from '../../../targets/fal/torch-companions.js';
import { cogIR, loc, predictor } from './ir-builders.js';

function irWith(torch: string | undefined, run: string[]): CogIR {
  const ir = cogIR({ gpu: true, predict: predictor() });
  if (torch) ir.build.pythonRequirements = [{ raw: `torch==${torch}`, kind: 'package', name: 'torch', specifier: `==${torch}`, loc: loc('cog.yaml', 5) }];
  ir.build.run = run.map((command, n) => ({ command, mounts: [], loc: loc('cog.yaml', 10 + n) }));
  return ir;
}

describe('unpinned torch companions after torch', () => {
  it('says nothing without a torch pin, or when the companion is pinned', () => {
    expect(unpinnedAfterTorch(irWith(undefined, ['pip install xformers']))).toEqual([]);
    expect(unpinnedAfterTorch(irWith('2.4.1', ['pip install xformers==0.0.28.post1 torchvision>=0.19']))).toEqual([]);
    expect(unpinnedAfterTorch(irWith('2.4.1', ['pip install accelerate einops']))).toEqual([]);
  });

  it('warns at the run line with the pin from the tables', () => {
    const findings = unpinnedAfterTorch(irWith('2.1.0', ['apt-get update', 'pip install -U --no-cache-dir xformers torchvision']));
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['CM454', 'warning', 11], ['CM454', 'warning', 11]]);
    expect(findings[0]!.message).toContain('pin xformers==0.0.22.post7, the release built for torch 2.1.0');
    expect(findings[1]!.message).toContain('pin torchvision==0.16.0');
  });

  it('says so when the table has no release for that torch', () => {
    const [f] = unpinnedAfterTorch(irWith('1.13.1', ['python -m pip install xformers']));
    expect(f!.message).toContain("pin the xformers release built for torch 1.13.1 (cog-migrate's table has none for it)");
  });

  it('knows the xformers releases of the changelog and the torchvision of Cog\'s table', () => {
    expect(companionPin('xformers', '2.5.1')).toBe('0.0.28.post3');
    expect(companionPin('xformers', '2.7.0')).toBe('0.0.30');
    expect(companionPin('torchaudio', '2.1.0')).toBe('2.1.0');
    expect(companionPin('torchvision', '2.4.1')).toBe('0.19.1');
  });
});
