import type { PredictorRef, PredictorResult } from '../types.js';

/** Statically extracts the predictor named by `ref` (never imports or runs user code). Never throws for bad input. */
export function extractPredictor(root: string, ref: PredictorRef): PredictorResult {
  void root; void ref;
  throw new Error('not implemented');
}
