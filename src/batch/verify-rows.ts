// `batch --verify LEVEL`: verification of each written target folder, after its model converted.
// The caller bounds how many run at once (--verify-jobs): a build level may hold a Docker build.

import { join } from 'node:path';
import { hasErrors } from '../findings/types.js';
import type { ModelReport } from './types.js';

export type BatchVerifyLevel = 'static' | 'build';

export async function verifyRows(out: string, model: ModelReport, level: BatchVerifyLevel, onLine: (target: string, line: string) => void): Promise<void> {
  // Imported here: verification brings dockerode, which a batch without --verify never needs.
  const { verify } = await import('../verify/index.js');
  for (const row of model.rows) {
    if (row.status !== 'converted' || !row.outDir) continue;
    const r = await verify(join(out, row.outDir), { level, target: row.target, onProgress: (line) => onLine(row.target, line) });
    row.findings.push(...r.findings);
    // Durations vary run to run; the report keeps only what is the same every time.
    row.verify = { level, steps: r.steps.map(({ durationMs: _d, ...s }) => s) };
    if (hasErrors(r.findings)) row.status = 'verify-failed';
  }
}
