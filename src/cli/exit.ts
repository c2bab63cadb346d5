// Exit codes, decided in one place: 0 converted, 1 errors found (or warnings with --strict),
// 2 usage error, 3 internal fault.
import type { Finding } from '../findings/types.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(findings: readonly Finding[], strict: boolean): ExitCode {
  if (findings.some((f) => f.code === 'CM901')) return EXIT.internal;
  if (findings.some((f) => f.severity === 'error')) return EXIT.findings;
  if (strict && findings.some((f) => f.severity === 'warning')) return EXIT.findings;
  return EXIT.ok;
}

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
