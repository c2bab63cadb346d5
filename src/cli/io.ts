// The only place that writes to the terminal. Commands receive an Io so tests can capture output.
import type { Finding } from '../findings/types.js';
import { renderFindingsText, summarizeFindings } from '../findings/reporters/text.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A terminal for live progress (a redrawn bar); absent when output is captured, piped or in CI. */
  tty?: NodeJS.WriteStream;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  ...(process.stderr.isTTY && !process.env.CI ? { tty: process.stderr } : {}),
};

export function reportFindings(io: Io, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  io.err(renderFindingsText(findings));
  io.err(summarizeFindings(findings));
}
