// The line-by-line view of a plan: the `cog debug` Dockerfile with each removed line marked `-`,
// each added line `+`, kept lines indented, and the reason under every change (used by
// `cog-migrate dockerfile --explain` and by MIGRATION.md).

import type { DockerfilePlan, Instruction } from './model.js';
import { renderInstruction } from './model.js';
import { COG_RELEASE } from './release.js';
import { pushAll } from '../util/push-all.js';

function mark(prefix: string, i: Instruction): string[] {
  return renderInstruction(i).split('\n').map((l) => `${prefix} ${l}`);
}

export function explainDockerfile(plan: DockerfilePlan): string {
  const out: string[] = [`# Changes against \`cog debug\` (Cog ${COG_RELEASE}); - removed, + added, unmarked kept.`];
  if (plan.baseImage) out.push(`# Base image: ${plan.baseImage} (CUDA need: ${plan.cudaNeed ?? 'n/a'})`);
  for (const c of plan.changes) {
    if (c.action === 'kept' && c.before) pushAll(out, mark(' ', c.before));
    else if (c.action === 'removed' && c.before) pushAll(out, mark('-', c.before));
    else if (c.action === 'added' && c.after) pushAll(out, mark('+', c.after));
    else if (c.action === 'replaced') {
      if (c.before) pushAll(out, mark('-', c.before));
      if (c.after) pushAll(out, mark('+', c.after));
    }
    if (c.action !== 'kept') out.push(`      # ${c.reason}`);
  }
  return out.join('\n') + '\n';
}
