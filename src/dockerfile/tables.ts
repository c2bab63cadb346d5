// The compatibility tables of the pinned Cog release, kept as data (src/dockerfile/data/*.json),
// and the lookups Cog performs on them: CUDA from torch, cuDNN from CUDA, the nvidia/cuda tag,
// the torch wheel index, and which r8.im/cog-base tags exist.

import torchData from './data/torch-compatibility.json' with { type: 'json' };
import cudaData from './data/cuda-compatibility.json' with { type: 'json' };
import tfData from './data/tf-compatibility.json' with { type: 'json' };
import releaseData from './data/cog-release.json' with { type: 'json' };
import cogBaseImages from './data/cog-base-images.json' with { type: 'json' };
import { parseVer, stripModifier, verGreater, verMatches } from './version.js';

export interface TorchCompat {
  Torch: string;
  Torchvision: string;
  Torchaudio: string;
  FindLinks: string;
  ExtraIndexURL: string;
  CUDA: string | null;
  Pythons: string[];
}

export interface CudaImage {
  Tag: string;
  CUDA: string;
  CuDNN: string;
  IsDevel: boolean;
  Ubuntu: string;
}

export interface TfCompat {
  TF: string;
  TFCPUPackage: string;
  TFGPUPackage: string;
  CUDA: string;
  CuDNN: string;
  Pythons: string[];
}

export const RELEASE = releaseData;
export const CUDA_IMAGES: readonly CudaImage[] = cudaData as CudaImage[];

// Cog drops torch rows whose CUDA has no nvidia/cuda base image in its table.
export const TORCH_MATRIX: readonly TorchCompat[] = (torchData as TorchCompat[]).filter(
  (row) => row.CUDA === null || CUDA_IMAGES.some((img) => verMatches(row.CUDA!, img.CUDA)),
);

// TF rows keep CUDA as major.minor and cuDNN as major only, to line up with nvidia's tags.
export const TF_MATRIX: readonly TfCompat[] = (tfData as TfCompat[]).map((row) => {
  const cuda = parseVer(row.CUDA);
  const cudnn = parseVer(row.CuDNN);
  return { ...row, CUDA: cuda ? `${cuda.major}.${cuda.minor}` : row.CUDA, CuDNN: cudnn ? String(cudnn.major) : row.CuDNN };
});

/** `2.3.1+cu118` -> CUDA `11.8` and `2.3.1`; no `+cuXYZ` -> no CUDA. */
export function cudaFromTorchSuffix(ver: string): { cuda?: string; version: string } {
  const parts = ver.split('+');
  if (parts.length <= 1) return { version: ver };
  const tail = parts[parts.length - 1]!;
  if (!tail.startsWith('cu')) return { version: ver };
  const digits = tail.slice(2);
  if (digits.length < 2) return { version: ver };
  return { cuda: `${digits.slice(0, -1)}.${digits.slice(-1)}`, version: parts[0]! };
}

/** The CUDA versions torch `ver` has wheels for, sorted as strings (as Cog does). */
export function cudasFromTorch(ver: string): string[] {
  const { cuda, version } = cudaFromTorchSuffix(ver);
  if (cuda) {
    const exact = TORCH_MATRIX.find((r) => r.CUDA !== null && verMatches(version, stripModifier(r.Torch)) && r.CUDA === cuda);
    if (exact) return [cuda];
  }
  return TORCH_MATRIX.filter((r) => r.CUDA !== null && verMatches(version, stripModifier(r.Torch)))
    .map((r) => r.CUDA!)
    .sort();
}

export function latestCuda(cudas: readonly string[]): string | undefined {
  let latest: string | undefined;
  for (const c of cudas) if (latest === undefined || verGreater(c, latest)) latest = c;
  return latest;
}

export function cudnnsForCuda(cuda: string): string[] {
  return CUDA_IMAGES.filter((img) => verMatches(cuda, img.CUDA)).map((img) => img.CuDNN);
}

export function latestCudnnForCuda(cuda: string): string | undefined {
  const all = cudnnsForCuda(cuda).sort((a, b) => (verGreater(a, b) ? -1 : verGreater(b, a) ? 1 : 0));
  return all[0];
}

/** The nvidia/cuda tag Cog picks: highest matching CUDA patch, then the newest Ubuntu. */
export function cudaImageFor(cuda: string, cudnn: string): CudaImage | undefined {
  const images = CUDA_IMAGES.filter((img) => verMatches(cuda, img.CUDA) && img.CuDNN === cudnn);
  images.sort((a, b) => {
    if (a.CUDA !== b.CUDA) return verGreater(a.CUDA, b.CUDA) ? -1 : 1;
    return a.Ubuntu > b.Ubuntu ? -1 : a.Ubuntu < b.Ubuntu ? 1 : 0;
  });
  return images[0];
}

export function tfFor(ver: string): TfCompat | undefined {
  return TF_MATRIX.find((r) => r.TF === ver);
}

export interface WheelChoice {
  version: string;
  findLinks: string;
  extraIndexUrl: string;
}

/** torch on a CPU build: the `+cpu` row's index, version without modifier. */
export function torchCpu(ver: string): WheelChoice {
  const row = TORCH_MATRIX.find((r) => stripModifier(r.Torch) === ver && r.CUDA === null);
  return row ? { version: stripModifier(row.Torch), findLinks: row.FindLinks, extraIndexUrl: row.ExtraIndexURL } : { version: ver, findLinks: '', extraIndexUrl: '' };
}

/** torch on a GPU build: the row with the newest CUDA not above `cuda` (then the newest torch). */
export function torchGpu(ver: string, cuda: string): WheelChoice {
  let best: TorchCompat | undefined;
  for (const row of TORCH_MATRIX) {
    if (row.CUDA === null || !verMatches(stripModifier(row.Torch), ver)) continue;
    if (verGreater(row.CUDA, cuda)) continue;
    if (!best) best = row;
    else if (verGreater(row.CUDA, best.CUDA!) || (row.CUDA === best.CUDA && verGreater(stripModifier(row.Torch), stripModifier(best.Torch)))) best = row;
  }
  return best ? { version: stripModifier(best.Torch), findLinks: best.FindLinks, extraIndexUrl: best.ExtraIndexURL } : { version: ver, findLinks: '', extraIndexUrl: '' };
}

export function torchvisionCpu(ver: string): WheelChoice {
  const row = TORCH_MATRIX.find((r) => stripModifier(r.Torchvision) === ver && r.CUDA === null);
  return row ? { version: row.Torchvision, findLinks: row.FindLinks, extraIndexUrl: row.ExtraIndexURL } : { version: ver, findLinks: '', extraIndexUrl: '' };
}

export function torchvisionGpu(ver: string, cuda: string): WheelChoice {
  let best: TorchCompat | undefined;
  for (const row of TORCH_MATRIX) {
    if (row.CUDA === null || stripModifier(row.Torchvision) !== ver) continue;
    if (verGreater(row.CUDA, cuda)) continue;
    if (!best || verGreater(row.CUDA, best.CUDA!)) best = row;
  }
  return best ? { version: stripModifier(best.Torchvision), findLinks: best.FindLinks, extraIndexUrl: best.ExtraIndexURL } : { version: ver, findLinks: '', extraIndexUrl: '' };
}

// ---- r8.im/cog-base tags -------------------------------------------------------------------

interface BaseConf {
  cuda: string;
  python: string;
  torch: string;
}

/**
 * Every cuda/python/torch combination the pinned release publishes a cog-base image for, as its
 * own `cog base-image generate-matrix` lists them (data/cog-base-images.json, written by
 * scripts/cog-base-matrix.sh). Taken as data rather than derived from the torch table: Cog's
 * version comparison drops the `+cu116` rows, so CUDA 11.6 has no cog-base at all and torch
 * 1.13.1 has no torch-suffixed tag, which a re-derivation with our comparison would get wrong.
 */
const BASE_CONFS: readonly BaseConf[] = (cogBaseImages.images as [string, string, string][]).map(([cuda, python, torch]) => ({ cuda, python, torch }));

/** Every cuda/python/torch combination Cog publishes a cog-base image for. */
export function cogBaseConfigurations(): readonly BaseConf[] {
  return BASE_CONFS;
}

function compatible(conf: string, requested: string): boolean {
  if (conf === '' || requested === '') return conf === requested;
  return verMatches(requested, conf);
}

/**
 * The cog-base tag for the request, or undefined when Cog has no such image. The torch part is
 * first normalised to the newest published torch matching the request (or dropped when none
 * does); the image is then looked up with that normalised torch.
 */
export function cogBaseImage(cuda: string, python: string, torch: string): string | undefined {
  let torchTag = '';
  for (const conf of cogBaseConfigurations()) {
    if (!compatible(conf.cuda, cuda) || !compatible(conf.python, python) || !compatible(conf.torch, torch)) continue;
    if (torchTag === '' || verGreater(conf.torch, torchTag)) torchTag = stripModifier(conf.torch);
  }
  const valid = cogBaseConfigurations().some(
    (conf) => compatible(conf.cuda, cuda) && compatible(conf.python, python) && compatible(conf.torch, torchTag),
  );
  if (!valid) return undefined;
  const parts: string[] = [];
  if (cuda) parts.push(`cuda${stripPatchSafe(cuda)}`);
  if (python) parts.push(`python${stripPatchSafe(python)}`);
  if (torchTag) parts.push(`torch${torchTag}`);
  return `${RELEASE.cogBaseImage.registry}:${parts.length ? parts.join('-') : 'latest'}`;
}

function stripPatchSafe(v: string): string {
  const x = parseVer(v);
  return x ? `${x.major}.${x.minor}` : v;
}
