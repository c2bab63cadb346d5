// Unpinned torch companions installed in build.run after torch (`pip install xformers`): their
// wheels each require one exact torch, so pip takes the newest release and swaps the pinned torch
// for the one it was built against; the image then runs a torch the project never tested (and,
// from another CUDA index, often one that does not see the GPU). A warning at the run line, with
// the compatible pin where the table knows it (data/torch-companions.json, Cog's torch table).

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { TORCH_MATRIX } from '../../src/dockerfile/tables.js';
import data from './data/torch-companions.json' with { type: 'json' };
import { installedPackages } from './installed-packages.js';

const COMPANIONS = new Set(data.packages);

/** The release of `name` built for torch `torch` (exact), as Cog's table and xformers' changelog say. */
export function companionPin(name: string, torch: string): string | undefined {
  if (name === 'xformers') return (data.xformers.forTorch as Record<string, string>)[torch];
  const row = TORCH_MATRIX.find((r) => r.Torch.replace(/\+.*$/, '') === torch);
  const version = name === 'torchvision' ? row?.Torchvision : name === 'torchaudio' ? row?.Torchaudio : undefined;
  return version?.replace(/\+.*$/, '');
}

export function unpinnedAfterTorch(ir: CogIR): Finding[] {
  const installed = installedPackages(ir);
  const at = installed.findIndex((p) => p.name === 'torch' && p.pinned !== undefined);
  if (at < 0) return [];
  const torch = installed[at]!;
  const out: Finding[] = [];
  for (const p of installed.slice(at + 1)) {
    if (p.from !== 'run' || p.pinned !== undefined || !COMPANIONS.has(p.name) || /[<>=~!]/.test(p.written)) continue;
    const pin = companionPin(p.name, torch.pinned!);
    const fix = pin
      ? `pin ${p.name}==${pin}, the release built for torch ${torch.pinned}`
      : `pin the ${p.name} release built for torch ${torch.pinned} (cog-migrate's table has none for it)`;
    out.push(finding('CM454',
      `build.run installs ${JSON.stringify(p.written)} unpinned after ${torch.written}: pip takes its newest release, which requires another torch and replaces the pinned one; ${fix}`,
      p.loc, { target: 'fal' }));
  }
  return out;
}
