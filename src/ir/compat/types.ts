// One difference between two versions of a model's schema, judged as cog-safe-push judges a new
// version against the live one (replicate/cog-safe-push, cog_safe_push/schema.py,
// check_backwards_compatible): what an existing caller's request or response parsing would trip
// over is breaking; the rest is compatible but still shown.

export type ChangeKind =
  // breaking
  | 'input-removed'
  | 'input-type-changed'
  | 'input-format-changed'
  | 'input-choices-removed'
  | 'input-minimum-added'
  | 'input-minimum-raised'
  | 'input-maximum-added'
  | 'input-maximum-lowered'
  | 'input-length-narrowed'
  | 'input-pattern-changed'
  | 'input-added-required'
  | 'input-became-required'
  | 'output-removed'
  | 'output-type-changed'
  | 'mode-removed'
  // compatible
  | 'input-added-optional'
  | 'input-choices-added'
  | 'input-range-widened'
  | 'input-default-changed'
  | 'input-became-optional'
  | 'input-description-changed'
  | 'input-deprecated'
  | 'output-description-changed'
  | 'output-field-added'
  | 'mode-added';

export interface SchemaChange {
  kind: ChangeKind;
  breaking: boolean;
  /** `predict` for Input/Output, `train` for TrainingInput/TrainingOutput. */
  mode: 'predict' | 'train';
  /** The input's name; absent for output and mode changes. */
  input?: string;
  /** One line a reviewer reads: `input steps: maximum lowered from 100 to 50`. */
  message: string;
  before?: unknown;
  after?: unknown;
}
