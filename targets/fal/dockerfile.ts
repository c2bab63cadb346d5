// The seam to the Dockerfile stage: `dockerfileFor(ir, 'fal').pruned`, plus the few lines the fal
// image needs so the runner finds the predictor files. Tests pass their own provider.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { dockerfileFor, renderDockerfile, type Dockerfile } from '../../src/dockerfile/index.js';

/** Returns the pruned Dockerfile for fal, or findings saying why there is none. */
export type DockerfileProvider = (ir: CogIR) => { dockerfile?: Dockerfile; findings: Finding[] };

export const realDockerfileProvider: DockerfileProvider = (ir) => {
  try {
    const plan = dockerfileFor(ir, 'fal');
    return { dockerfile: plan.pruned, findings: plan.findings };
  } catch (err) {
    // The stage is a library call that should return findings; a throw here is its bug, kept
    // visible as CM414 rather than losing the whole conversion.
    const detail = err instanceof Error ? err.message : String(err);
    return { findings: [finding('CM414', `the pruned Dockerfile for fal could not be produced: ${detail}`, undefined, { target: 'fal' })] };
  }
};

export const DEFAULT_PROJECT_DIR = '/src';

export interface FalImage {
  text: string;
  /** Where the project files are inside the image (the last WORKDIR, else /src). */
  projectDir: string;
}

/**
 * Renders the pruned Dockerfile. When it copies nothing in, the predictor files, their local
 * imports and the `cog` compatibility package are copied explicitly (never `COPY .`, which would
 * bake whatever else sits in the folder, weights included, into the image).
 */
/** Sources and destination of a COPY/ADD, in shell or JSON form; flags dropped. */
export function copyOperands(args: string): { sources: string[]; dest: string } | undefined {
  let rest = args.trim();
  while (rest.startsWith('--')) rest = rest.replace(/^--\S+\s*/, '');
  let parts: string[];
  if (rest.startsWith('[')) {
    try { parts = JSON.parse(rest) as string[]; } catch { return undefined; }
  } else {
    parts = rest.split(/\s+/).filter(Boolean);
  }
  if (parts.length < 2) return undefined;
  return { sources: parts.slice(0, -1), dest: parts[parts.length - 1]! };
}

/**
 * Renders the pruned Dockerfile. Unless it already copies the whole project (`COPY . <dir>`),
 * the emitted folder is copied to /src as Cog's `COPY . /src` did: the predictor files, their
 * local modules, the `cog` package and any data files the predictor reads relative to /src.
 * fal filters the copy through the folder's .dockerignore, the way to keep weights out.
 */
export function falImage(dockerfile: Dockerfile): FalImage {
  let workdir: string | undefined;
  let projectDir: string | undefined;
  for (const i of dockerfile.instructions) {
    const keyword = i.keyword.toUpperCase();
    if (keyword === 'WORKDIR') workdir = resolveIn(workdir ?? '/', i.args.trim());
    if ((keyword === 'COPY' || keyword === 'ADD') && !/--from=/.test(i.args)) {
      const ops = copyOperands(i.args);
      if (ops && ops.sources.some((s) => s === '.' || s === './')) projectDir = resolveIn(workdir ?? '/', ops.dest);
    }
  }
  let text = renderDockerfile(dockerfile);
  if (projectDir === undefined) {
    projectDir = DEFAULT_PROJECT_DIR;
    const lines = [
      '',
      '# fal: this folder (filtered by .dockerignore) at /src, as Cog had it: predictor files,',
      '# local modules, the cog compatibility package and data files read relative to /src',
      ...(workdir === projectDir ? [] : [`WORKDIR ${projectDir}`]),
      `COPY . ${projectDir}`,
    ];
    text = `${text.replace(/\n+$/, '')}\n${lines.join('\n')}\n`;
  }
  return { text, projectDir };
}

function resolveIn(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${base.replace(/\/+$/, '')}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop(); else out.push(part);
  }
  return `/${out.join('/')}`;
}
