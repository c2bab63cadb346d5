// The build half of the IR for an app read from a platform (fal, Modal): what the app's image
// declares — Python version, GPU need, apt packages, pip requirements, build commands and
// environment — in the IR's Cog terms. Filled step by step by each frontend's image reader.

import type { Build, EnvironmentVariable, SourceLocation } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { DEFAULT_PYTHON_VERSION, reservedEnvPattern } from '../cog/config/keys.js';
import { parseRequirement } from '../cog/config/requirements.js';

export interface AppBuild {
  build: Build;
  environment: EnvironmentVariable[];
  /** Findings about what could not go into cog.yaml as it was (reserved names). */
  notes: Finding[];
}

export function emptyAppBuild(loc: SourceLocation): AppBuild {
  return {
    build: {
      gpu: false,
      pythonVersion: DEFAULT_PYTHON_VERSION,
      pythonVersionExplicit: false,
      systemPackages: [],
      requirementsSource: 'none',
      pythonRequirements: [],
      run: [],
      preInstall: [],
      loc,
    },
    environment: [],
    notes: [],
  };
}

/** One pip requirement or option line (`torch==2.4.0`, `--extra-index-url URL`). */
export function addRequirement(b: AppBuild, line: string, loc: SourceLocation): void {
  const text = line.trim();
  if (text === '') return;
  b.build.requirementsSource = 'app';
  b.build.pythonRequirements.push(parseRequirement(text, loc).req);
}

export function addSystemPackage(b: AppBuild, name: string, loc: SourceLocation): void {
  if (!b.build.systemPackages.some((p) => p.name === name)) b.build.systemPackages.push({ name, loc });
}

export function setPython(b: AppBuild, version: string): void {
  b.build.pythonVersion = version;
  b.build.pythonVersionExplicit = true;
}

export function setEnv(b: AppBuild, name: string, value: string, loc: SourceLocation): void {
  const reserved = reservedEnvPattern(name);
  if (reserved) {
    b.notes.push(finding('CM824', `${name}=${value} is not carried into cog.yaml environment: Cog reserves ${reserved} and sets it itself`, loc));
    return;
  }
  const existing = b.environment.findIndex((e) => e.name === name);
  if (existing >= 0) b.environment.splice(existing, 1);
  b.environment.push({ name, value, loc });
}

/** `python:3.11-slim` -> 3.11; `nvidia/cuda:12.1.0-...` -> its CUDA (and cuDNN) version. */
export function baseImageFacts(image: string): { python?: string; cuda?: string; cudnn?: string } {
  const [name = '', tag = ''] = image.split('@')[0]!.split(':');
  const repo = name.split('/').pop() ?? '';
  const out: { python?: string; cuda?: string; cudnn?: string } = {};
  if (repo === 'python') {
    const m = /^(3\.\d+(?:\.\d+)?)/.exec(tag);
    if (m) out.python = m[1]!;
  }
  const cuda = /cuda[-:]?(\d+\.\d+)/.exec(`${repo}:${tag}`) ?? (repo === 'cuda' ? /^(\d+\.\d+)/.exec(tag) : null);
  if (cuda) out.cuda = cuda[1]!;
  const cudnn = /cudnn(\d+)/.exec(tag);
  if (cudnn) out.cudnn = cudnn[1]!;
  return out;
}

/**
 * The CUDA a PyTorch wheel index in the requirements names (`--extra-index-url
 * https://download.pytorch.org/whl/cu118/` -> 11.8): an image on a plain Python base gets its
 * CUDA libraries from those wheels, so that is the CUDA the build was made for.
 */
export function cudaOfTorchIndex(b: AppBuild): string | undefined {
  for (const r of b.build.pythonRequirements) {
    const m = r.kind === 'option' ? /download\.pytorch\.org\/whl\/cu(\d+)(\d)\/?$/.exec(r.raw) : null;
    if (m) return `${m[1]}.${m[2]}`;
  }
  return undefined;
}
