import type { Severity } from '../types.js';

/** One entry of the findings catalogue. docs/findings.md is generated from these. */
export interface CodeSpec {
  code: string;
  defaultSeverity: Severity;
  title: string;
  /** What the user should do; shown with the finding unless the finding gives its own. */
  hint: string;
}
