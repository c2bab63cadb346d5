import type { SourceLocation } from '../ir/types.js';
import { codeSpec } from './codes/index.js';
import type { Finding, Severity } from './types.js';

/**
 * Makes a finding from the catalogue: severity and hint default to the code's entry, so call
 * sites only say what is specific to this occurrence.
 */
export function finding(
  code: string,
  message: string,
  loc?: SourceLocation | { file: string; line?: number; column?: number },
  extra: { hint?: string; severity?: Severity; target?: string } = {},
): Finding {
  const spec = codeSpec(code);
  const out: Finding = { code, severity: extra.severity ?? spec.defaultSeverity, message };
  if (loc) {
    out.file = loc.file;
    if (loc.line !== undefined) out.line = loc.line;
    if (loc.column !== undefined) out.column = loc.column;
  }
  out.hint = extra.hint ?? spec.hint;
  if (extra.target) out.target = extra.target;
  return out;
}
