// The contract between the two halves of the Cog frontend: the cog.yaml loader (config/) and
// the static predictor extractor (predictor/). index.ts joins them into the IR.

import type { Build, CogIR, Predictor, Runtime, SourceLocation } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';

/** A `predict:`/`train:`/`run:`/`model:` reference such as `predict.py:Predictor`. */
export interface PredictorRef {
  /** As written in cog.yaml. */
  ref: string;
  /** The cog.yaml key it came from, in the user's words. */
  key: 'predict' | 'train' | 'run' | 'model';
  role: 'predict' | 'train';
  loc: SourceLocation;
}

export interface CogConfig {
  build: Build;
  runtime: Runtime;
  predict?: PredictorRef;
  train?: PredictorRef;
  configGeneration: CogIR['project']['configGeneration'];
}

/** loadCogConfig(root): the config when cog.yaml could be read at all, plus findings. */
export interface ConfigResult {
  config?: CogConfig;
  findings: Finding[];
}

/** extractPredictor(root, ref): the predictor when it could be located, plus findings. */
export interface PredictorResult {
  predictor?: Predictor;
  findings: Finding[];
}
