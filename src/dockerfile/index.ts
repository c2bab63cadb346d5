// Public surface of the Dockerfile stage (stub: the generator and pruner land behind these names).
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import type { TargetName } from '../target/types.js';

/** One Dockerfile instruction with where it came from (cog.yaml key or generator rule). */
export interface Instruction {
  /** FROM, RUN, ENV, COPY, WORKDIR, ARG, EXPOSE, CMD, LABEL, ENTRYPOINT, USER ... */
  keyword: string;
  /** Everything after the keyword, as rendered (may span lines with `\` continuations). */
  args: string;
  /** Why it is there: `build.system_packages`, `cog: python install`, `fal: curl`, ... */
  provenance: string;
}

export interface Dockerfile {
  instructions: Instruction[];
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
}

export function dockerfileFor(ir: CogIR, target: TargetName): DockerfilePlan {
  void ir; void target;
  throw new Error('not implemented');
}

export function renderDockerfile(df: Dockerfile): string {
  return df.instructions.map((i) => `${i.keyword} ${i.args}`).join('\n') + '\n';
}
