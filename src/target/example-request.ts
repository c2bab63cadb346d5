// The input a target's "try it" commands send (MIGRATION.md's `modal run --input` and curl lines):
// a value for every input a request must carry, as the smoke run derives them, so the first
// command a user copies is a valid request. File inputs get a placeholder URL to replace.

import type { CogIR, LiteralValue } from '../ir/types.js';
import { deriveExamples, needsValue } from '../verify/smoke/examples.js';

/** Placeholder for a file input in a copied command: the user replaces it with a real URL. */
export const FILE_URL_PLACEHOLDER = 'https://example.com/REPLACE-ME';

export function exampleRequestInput(ir: CogIR): Record<string, LiteralValue> {
  const predictor = ir.predictors.predict;
  if (!predictor) return {};
  const examples = deriveExamples(predictor);
  const out: Record<string, LiteralValue> = {};
  for (const input of predictor.inputs) {
    if (!needsValue(input)) continue;
    if (input.name in examples.files) out[input.name] = FILE_URL_PLACEHOLDER;
    else if (input.name in examples.values) out[input.name] = examples.values[input.name]!;
  }
  return out;
}
