// The conversion matrix: the user's contract, as data. docs/conversion-matrix.md is generated
// from it, and a test holds it to the findings catalogue (every partial or ✗ row names a code).

import type { TargetName } from './types.js';

/** ✓ converts · partial: converts with a finding · ✗ no 1-1 mapping (finding) · n not yet implemented · - not applicable */
export type MatrixStatus = '✓' | 'partial' | '✗' | 'n' | '-';

export interface MatrixCell {
  status: MatrixStatus;
  /** What the concept becomes on the target. */
  how: string;
  code?: string;
}

export interface MatrixRow {
  concept: string;
  cells: Partial<Record<TargetName, MatrixCell>>;
}

export const MATRIX_TARGETS: TargetName[] = ['fal', 'modal', 'workers-ai', 'cog'];

/** A concept of a fal or Modal app and what it becomes in Cog (the reverse direction). */
export interface ReverseMatrixRow {
  concept: string;
  fal: MatrixCell;
  modal: MatrixCell;
}
