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
export function falImage(ir: CogIR, dockerfile: Dockerfile): FalImage {
  const workdirs = dockerfile.instructions.filter((i) => i.keyword.toUpperCase() === 'WORKDIR');
  const projectDir = workdirs.length > 0 ? workdirs[workdirs.length - 1]!.args.trim() : DEFAULT_PROJECT_DIR;
  const copies = dockerfile.instructions.some((i) => ['COPY', 'ADD'].includes(i.keyword.toUpperCase()) && !/--from=/.test(i.args));
  let text = renderDockerfile(dockerfile);
  if (!copies) {
    const files = new Set<string>();
    for (const p of [ir.predictors.predict, ir.predictors.train]) {
      if (!p) continue;
      files.add(p.file);
      for (const f of p.localImports) files.add(f);
    }
    const lines = ['', '# fal: the predictor files, their local modules and the cog compatibility package'];
    if (workdirs.length === 0) lines.push(`WORKDIR ${DEFAULT_PROJECT_DIR}`);
    for (const f of [...files].sort()) lines.push(`COPY ${JSON.stringify([f, `${projectDir}/${f}`])}`);
    lines.push(`COPY ${JSON.stringify(['cog', `${projectDir}/cog`])}`);
    text = `${text.replace(/\n+$/, '')}\n${lines.join('\n')}\n`;
  }
  return { text, projectDir };
}
