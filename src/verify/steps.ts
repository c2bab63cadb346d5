// The bookkeeping every verify run shares, whatever the target: named steps with their
// findings, durations and detail lines, skipped steps with the reason, and progress events.

import type { Finding } from '../findings/types.js';
import { hasErrors } from '../findings/types.js';
import type { VerifyOptions, VerifyProgress, VerifyStep } from './types.js';

export type StepBody = () => Promise<{ findings: Finding[]; extra?: Partial<VerifyStep> }>;

export interface StepRunner {
  findings: Finding[];
  steps: VerifyStep[];
  progress: (ev: VerifyProgress) => void;
  /** Runs one step; true when it raised no error finding. */
  step(name: string, body: StepBody): Promise<boolean>;
  skip(name: string, why: string): void;
}

export function progressOf(options: VerifyOptions): (ev: VerifyProgress) => void {
  const cb = options.onProgress;
  if (!cb) return () => undefined;
  return (ev) => cb(ev.kind === 'line' ? `[${ev.step}] ${ev.text}` : `[${ev.step}] ${ev.kind === 'start' ? 'start' : ev.text}`, ev);
}

export function stepRunner(options: VerifyOptions): StepRunner {
  const findings: Finding[] = [];
  const steps: VerifyStep[] = [];
  const progress = progressOf(options);
  return {
    findings,
    steps,
    progress,
    async step(name, body) {
      progress({ step: name, kind: 'start', text: name });
      const started = Date.now();
      const r = await body();
      findings.push(...r.findings);
      const ok = !hasErrors(r.findings);
      steps.push({ name, ok, durationMs: Date.now() - started, ...r.extra });
      progress({ step: name, kind: 'end', text: ok ? 'ok' : 'failed' });
      return ok;
    },
    skip(name, why) {
      steps.push({ name, ok: false, skipped: why, detail: `skipped: ${why}`, durationMs: 0 });
    },
  };
}
