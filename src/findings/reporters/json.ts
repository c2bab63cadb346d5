import type { Finding } from '../types.js';

/** Findings in a stable key order, for goldens and machine consumers. */
export function findingsToJson(findings: readonly Finding[]): object[] {
  return findings.map((f) => {
    const o: Record<string, unknown> = { code: f.code, severity: f.severity, message: f.message };
    if (f.file !== undefined) o.file = f.file;
    if (f.line !== undefined) o.line = f.line;
    if (f.column !== undefined) o.column = f.column;
    if (f.hint !== undefined) o.hint = f.hint;
    if (f.target !== undefined) o.target = f.target;
    return o;
  });
}
