// The longest prediction or training a model's cog-safe-push configs allow (predict_timeout,
// train_timeout), for the targets whose request timeout must cover it (fal's request_timeout,
// Modal's timeout). Only the phases the emitted app serves count.

import type { CogIR } from '../ir/types.js';

export interface LongestTimeout {
  seconds: number;
  /** Where it is set, in the user's words: `cog-safe-push.yaml predict_timeout: 900`. */
  what: string;
}

/** The longest cog-safe-push timeout beyond `platformDefault` seconds, or undefined. */
export function longestSafePushTimeout(ir: CogIR, platformDefault: number, phases: readonly ('predict' | 'train')[] = ['predict', 'train']): LongestTimeout | undefined {
  let best: LongestTimeout | undefined;
  for (const c of ir.safePush ?? []) {
    for (const phase of phases) {
      const t = ir.predictors[phase] ? c[phase]?.timeout : undefined;
      if (t !== undefined && t > platformDefault && (!best || t > best.seconds)) best = { seconds: t, what: `${c.file} ${phase}_timeout: ${t}` };
    }
  }
  return best;
}
