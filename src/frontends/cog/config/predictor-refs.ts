// predict:, run: (the BaseRunner entry, Cog 0.20+), train:, and the 2021 model: references.

import type { SourceLocation } from '../../../ir/types.js';
import type { PredictorRef } from '../types.js';
import { add, locOf, readString, type Ctx } from './nodes.js';

/** Cog's own check: the reference splits on ".py:" into exactly two parts. */
export function isPredictorRef(ref: string): boolean {
  const parts = ref.split('.py:');
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '';
}

export function readPredictorRef(ctx: Ctx, key: PredictorRef['key'], node: unknown, keyLoc: SourceLocation): PredictorRef | undefined {
  const ref = readString(ctx, key, node, keyLoc)?.trim();
  if (ref === undefined || ref === '') return undefined;
  const loc = locOf(ctx, node, keyLoc);
  if (!isPredictorRef(ref)) {
    const example = key === 'run' ? 'run.py:Runner' : key === 'train' ? 'train.py:Trainer' : 'predict.py:Predictor';
    add(ctx, 'CM120', `${key}: ${JSON.stringify(ref)} is not of the form "${example}"`, loc);
    return undefined;
  }
  return { ref, key, role: key === 'train' ? 'train' : 'predict', loc };
}
