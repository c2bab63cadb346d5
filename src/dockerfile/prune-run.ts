// A build.run line in a pruned Dockerfile: the BuildKit options it starts with (the secret mounts
// Cog writes from `mounts:`, and options the user wrote at the start of the command) are kept
// or dropped one by one by what the target's builder does with them (data/target-needs.json,
// runOptions), and the change carries the reason for each.

import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import type { Instruction } from './model.js';
import { splitRunOptions, type RunOptionKind } from './run-options.js';
import needs from './data/target-needs.json' with { type: 'json' };

type Decision = 'keep' | 'drop' | 'warn';
type PrunedTarget = 'fal' | 'modal' | 'workers-ai';

interface TargetRunOptions {
  runOptions: Record<RunOptionKind, Decision>;
  runOptionsWhy: Partial<Record<RunOptionKind, string>>;
}

export interface PrunedRun {
  after: Instruction;
  /** Why options were dropped or kept against the builder's grain; empty when the line is unchanged. */
  notes: string[];
  findings: Finding[];
}

/** The pruned form of one `user-run` instruction for `target`. */
export function pruneUserRun(i: Instruction, target: PrunedTarget): PrunedRun {
  const split = splitRunOptions(i.args);
  if (!split.ok || split.options.length === 0) return { after: i, notes: [], findings: [] };
  const table = needs[target] as TargetRunOptions;
  const kept: string[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  for (const option of split.options) {
    const decision = table.runOptions[option.kind];
    const why = table.runOptionsWhy[option.kind] ?? '';
    if (decision === 'drop') {
      notes.push(`without \`${option.text}\`: ${why}`);
      continue;
    }
    kept.push(option.text);
    if (decision === 'warn') {
      notes.push(`\`${option.text}\` kept, but ${why}`);
      findings.push(finding('CM343', `build.run step keeps \`${option.text}\`, which the ${target} builder does not run: ${why}`, undefined, { target }));
    }
  }
  const args = [...kept, split.command].join(' ');
  return { after: args === i.args ? i : { ...i, args }, notes, findings };
}
