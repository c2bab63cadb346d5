// What the pruner needs to know about a build, from the IR (via the generator) or, for an
// existing `cog debug` file, read back from its own lines (FROM tag, uv python install, ...).

import type { CogIR } from '../ir/types.js';
import type { Dockerfile } from './model.js';
import type { CogDebugResult } from './generator.js';
import { cudaImageFor, RELEASE } from './tables.js';
import { parseVer } from './version.js';
import { isRefusedOldCuda } from './cuda.js';

export interface BuildFacts {
  python: string;
  gpu: boolean;
  /** major.minor, '' for CPU. */
  cuda: string;
  cudnn: string;
  /** The nvidia/cuda tag (without repo) Cog uses or would use for cuda/cudnn. */
  cudaTag?: string;
  fromCogBase: boolean;
  /** The user's requirement lines (for the CUDA-need rules), when known. */
  requirementLines?: string[];
  /** Cog's staged requirements.txt, when known. */
  requirementsTxt?: string;
  /** Local wheels Cog stages, when known. */
  artifacts?: { source: string; target: string }[];
  /** The full build.system_packages list, when known from the IR. */
  systemPackages?: string[];
  runCommands: string[];
  hasSecretMounts: boolean;
  /** build.cuda as written when Cog refuses it as too old (the generator then used its default). */
  refusedCuda?: string;
}

export function factsFromIr(ir: CogIR, gen: CogDebugResult): BuildFacts {
  const cudaTag = ir.build.gpu ? cudaImageFor(gen.cuda, gen.cudnn)?.Tag : undefined;
  const f: BuildFacts = {
    python: gen.python,
    gpu: ir.build.gpu,
    cuda: ir.build.gpu ? gen.cuda : '',
    cudnn: ir.build.gpu ? gen.cudnn : '',
    fromCogBase: gen.usesCogBase,
    requirementLines: gen.inputs.requirementLines,
    systemPackages: gen.inputs.systemPackages,
    runCommands: gen.inputs.run.map((r) => r.command),
    hasSecretMounts: gen.inputs.run.some((r) => r.mounts.length > 0),
  };
  if (cudaTag) f.cudaTag = cudaTag;
  if (ir.build.gpu && isRefusedOldCuda(ir.build.cuda)) f.refusedCuda = ir.build.cuda;
  if (gen.requirements.text !== '') f.requirementsTxt = gen.requirements.text;
  if (gen.dockerfile.artifacts) f.artifacts = gen.dockerfile.artifacts;
  return f;
}

export function factsFromDockerfile(df: Dockerfile): BuildFacts {
  const from = df.instructions.find((i) => i.role === 'from')?.args ?? '';
  const facts: BuildFacts = { python: '', gpu: false, cuda: '', cudnn: '', fromCogBase: false, runCommands: [], hasSecretMounts: false };
  const nvidia = /^nvidia\/cuda:((\d+\.\d+)(?:\.\d+)?)-(?:cudnn(\d*)-)?(?:devel|runtime|base)-ubuntu[\d.]+$/.exec(from);
  const cogBase = /^r8\.im\/cog-base:(.*)$/.exec(from);
  const slim = /^python:([\d.]+)(?:-slim)?/.exec(from);
  if (nvidia) {
    facts.gpu = true;
    facts.cuda = nvidia[2]!;
    facts.cudnn = nvidia[3] || (parseVer(nvidia[1]!)!.major >= 12 ? '9' : '8');
    facts.cudaTag = from.slice('nvidia/cuda:'.length);
  } else if (cogBase) {
    facts.fromCogBase = true;
    const cuda = /cuda([\d.]+)/.exec(cogBase[1]!)?.[1];
    const py = /python([\d.]+)/.exec(cogBase[1]!)?.[1];
    if (py) facts.python = py;
    if (cuda) {
      facts.gpu = true;
      facts.cuda = cuda;
      facts.cudnn = cudaImageFor(cuda, '9') ? '9' : '8';
      const img = cudaImageFor(cuda, facts.cudnn);
      if (img) facts.cudaTag = img.Tag;
    }
  } else if (slim) facts.python = slim[1]!;
  for (const i of df.instructions) {
    const py = i.role === 'python-install' ? /^uv python install (\S+)/.exec(i.args)?.[1] : undefined;
    if (py) facts.python = py;
    if (i.role === 'user-run') {
      const m = /^((?:--mount=\S+\s+)*)([\s\S]*)$/.exec(i.args)!;
      if (m[1]!.includes('type=secret')) facts.hasSecretMounts = true;
      facts.runCommands.push(m[2]!);
    }
  }
  if (df.requirementsTxt !== undefined) {
    facts.requirementsTxt = df.requirementsTxt;
    facts.requirementLines = df.requirementsTxt.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-'));
  }
  if (!facts.python) facts.python = RELEASE.defaultPython;
  return facts;
}
