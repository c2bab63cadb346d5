import type { ConfigResult } from '../types.js';

/** Reads `<root>/cog.yaml` into build, runtime and predictor references. Never throws for bad input. */
export function loadCogConfig(root: string): ConfigResult {
  void root;
  throw new Error('not implemented');
}
