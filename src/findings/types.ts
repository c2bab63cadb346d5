// Findings are the only channel from the library to the user: everything a person must know
// travels as one of these, never as a log line or a thrown string.

import type { SourceLocation } from '../ir/types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable code from the catalogue in codes.ts, e.g. `CM101`. */
  code: string;
  severity: Severity;
  message: string;
  /** Project-relative file; absent for findings about the project as a whole. */
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  /** Set when the finding comes from one target's mapping. */
  target?: string;
}

export function at(loc: SourceLocation | undefined): Pick<Finding, 'file' | 'line' | 'column'> {
  if (!loc) return {};
  return { file: loc.file, line: loc.line, column: loc.column };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
