// The Dockerfile diff a reviewer reads must show what is built. A target may add to the pruned
// Dockerfile (fal copies the folder back to /src, puts pip's NVIDIA libraries on the linker
// path); it then hands back the text it ships, and this folds the difference into the plan's
// changes: lines the target adds appear as added, at their place, with the comment the target
// wrote above them as the reason; pruned lines the target leaves out appear as removed.

import { parseDockerfile, renderInstruction, type DockerfileChange, type DockerfilePlan, type Instruction } from '../dockerfile/index.js';

interface ShippedLine {
  instruction: Instruction;
  /** The comment lines the target wrote right above it, without `#`. */
  comment: string[];
}

/** The plan with the target's own additions and omissions, so that its diff ends in `shipped`. */
export function withShippedLines(plan: DockerfilePlan, shipped: string, target: string): DockerfilePlan {
  const lines = shippedLines(shipped);
  const pruned = plan.pruned.instructions;
  const pairs = alignment(pruned.map(renderInstruction), lines.map((l) => renderInstruction(l.instruction)));
  if (pairs.length === pruned.length && pairs.length === lines.length) return plan;
  const matchOfPruned = new Map(pairs.map(([p, s]) => [p, s]));
  const changes: DockerfileChange[] = [];
  let nextShipped = 0;
  const addUpTo = (end: number) => {
    // A comment within a run of added lines explains the lines from it on (and any before it).
    const run = lines.slice(nextShipped, end);
    const first = run.find((l) => l.comment.length > 0)?.comment.join(' ') ?? `the ${target} target adds this line`;
    let reason = first;
    for (const { instruction, comment } of run) {
      if (comment.length) reason = comment.join(' ');
      changes.push({ action: 'added', after: instruction, reason });
    }
    nextShipped = Math.max(nextShipped, end);
  };
  let prunedIndex = 0;
  for (const change of plan.changes) {
    if (!change.after || change.action === 'removed') {
      changes.push(change);
      continue;
    }
    const at = matchOfPruned.get(prunedIndex++);
    if (at === undefined) {
      // A line the pruner added and the target then dropped nets out to nothing in the diff.
      if (change.before) changes.push({ action: 'removed', before: change.before, reason: `${change.reason}; then left out by the ${target} target` });
      continue;
    }
    addUpTo(at);
    nextShipped = at + 1;
    changes.push(change);
  }
  addUpTo(lines.length);
  return { ...plan, pruned: { ...plan.pruned, instructions: lines.map((l) => l.instruction) }, changes };
}

function shippedLines(text: string): ShippedLine[] {
  const out: ShippedLine[] = [];
  let comment: string[] = [];
  for (const i of parseDockerfile(text).instructions) {
    if (i.keyword === '#') {
      comment.push(i.args.trim());
      continue;
    }
    out.push({ instruction: i, comment });
    comment = [];
  }
  return out;
}

/** Longest common subsequence of two line lists, as index pairs in order. */
function alignment(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}
