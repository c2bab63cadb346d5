// What `inspect` shows of a model's cog-safe-push configs: one line per config, then its
// hardware and test cases, so a user sees what the migrated tests will check.

import type { SafePushChecker, SafePushConfig, SafePushPhase } from './types.js';

export function describeChecker(c: SafePushChecker): string {
  switch (c.kind) {
    case 'succeeds': return 'succeeds';
    case 'exact_string': return `output == ${JSON.stringify(c.expected)}`;
    case 'error_contains': return `fails with ${JSON.stringify(c.expected)}`;
    case 'jq_query': return `jq ${JSON.stringify(c.query)}`;
    case 'match_url': return `output matches ${c.url}`;
    case 'match_prompt': return `output matches the prompt ${JSON.stringify(c.prompt)} (judged by a person or an AI)`;
  }
}

export function safePushSummary(configs: readonly SafePushConfig[] | undefined): string[] {
  const lines: string[] = [];
  for (const c of configs ?? []) {
    lines.push('', `tests: ${c.file}${c.variant ? ` (variant ${c.variant})` : ''} -> ${c.model}`);
    lines.push(`  test hardware: ${c.testHardware.name}${c.deployment?.hardware ? `, deployment hardware: ${c.deployment.hardware}` : ''}`);
    const phases: [string, SafePushPhase | undefined][] = [['predict', c.predict], ['train', c.train]];
    for (const [role, phase] of phases) {
      if (!phase) continue;
      for (const t of phase.testCases) {
        const inputs = t.inputs.map((i) => `${i.name}=${JSON.stringify(i.value)}`).join(', ');
        lines.push(`  ${role}(${inputs}): ${describeChecker(t.checker)}`);
      }
      if (phase.fuzz) lines.push(`  ${role} fuzz: ${phase.fuzz.iterations} iterations${phase.fuzz.disabledInputs.length ? `, without ${phase.fuzz.disabledInputs.map((d) => d.name).join(', ')}` : ''}`);
    }
  }
  return lines;
}
