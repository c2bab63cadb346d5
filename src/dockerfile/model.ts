// The Dockerfile as data: instructions with provenance, rendered to text in one place.
import type { Finding } from '../findings/types.js';

/** One Dockerfile instruction with where it came from (cog.yaml key or generator rule). */
export interface Instruction {
  /** FROM, RUN, ENV, COPY, WORKDIR, ARG, EXPOSE, CMD, LABEL, ENTRYPOINT, USER ...; `#` for a
   * comment or parser directive (args is the text after `#`). */
  keyword: string;
  /** Everything after the keyword, as rendered (may span lines with `\` continuations). */
  args: string;
  /** Why it is there: `build.system_packages`, `cog: python install`, `fal: curl`, ... */
  provenance: string;
  /** What the line does in Cog's layout; the pruner decides by this. */
  role?: Role;
  /** Set by the parser: 1-based line in the parsed file. */
  line?: number;
}

/** The parts of a `cog debug` Dockerfile, in the order Cog writes them. */
export type Role =
  | 'syntax' | 'weights-from' | 'from' | 'preamble' | 'ca-cert' | 'tini' | 'entrypoint'
  | 'user-env' | 'apt' | 'uv' | 'python-install' | 'artifacts-copy' | 'requirements-copy' | 'cflags'
  | 'reset-managed'
  | 'pip-requirements' | 'cog-sdk' | 'ldconfig' | 'user-run' | 'weights-copy' | 'workdir'
  | 'expose' | 'cog-env' | 'cmd' | 'copy-src' | 'copy-config'
  // Added by the pruner:
  | 'base-arg' | 'pip-install' | 'target' | 'unknown';

export interface Dockerfile {
  instructions: Instruction[];
  /** The requirements.txt Cog stages in .cog/build (COPY --from=cog_build), when known. */
  requirementsTxt?: string;
  /** Local wheels/sdists Cog stages: project-relative path -> path in the image. */
  artifacts?: { source: string; target: string }[];
}

/** A line the pruner removed, replaced or added, with the reason shown to the user. */
export interface DockerfileChange {
  action: 'removed' | 'replaced' | 'added' | 'kept';
  before?: Instruction;
  after?: Instruction;
  reason: string;
}

export interface DockerfilePlan {
  /** What `cog debug` prints for the project (pinned Cog release). */
  cogDebug: Dockerfile;
  /** What the target ships. For target `cog` this equals cogDebug. */
  pruned: Dockerfile;
  changes: DockerfileChange[];
  findings: Finding[];
  /** The base image the pruned file defaults to (the `ARG BASE_IMAGE` value). */
  baseImage?: string;
  /** Why the pruner chose that base: 'cpu' | 'slim' (pip CUDA wheels) | 'runtime' | 'devel'. */
  cudaNeed?: CudaNeed;
}

export type CudaNeed = 'none' | 'runtime' | 'devel';

export function instr(keyword: string, args: string, provenance: string, role?: Role): Instruction {
  const out: Instruction = { keyword, args, provenance };
  if (role) out.role = role;
  return out;
}

export function renderInstruction(i: Instruction): string {
  return i.keyword === '#' ? `#${i.args}` : `${i.keyword} ${i.args}`;
}

export function renderDockerfile(df: Dockerfile): string {
  return df.instructions.map(renderInstruction).join('\n') + '\n';
}
