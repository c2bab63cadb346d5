// `batch --verify LEVEL`: verification of each written target folder, after its model converted.
// The caller bounds how many run at once (--verify-jobs): a build level may hold a Docker build.

import { join } from 'node:path';
import { hasErrors } from '../findings/types.js';
import type { ModelReport, VerifyTiming } from './types.js';

export type BatchVerifyLevel = 'static' | 'build';

/**
 * Verifies the model's converted rows in place and returns, per row, what differs run to run:
 * each step's duration and the id of the image it built (verify-timings.json). The report keeps
 * the rest, so two runs over the same models give the same report.json.
 */
export async function verifyRows(out: string, model: ModelReport, level: BatchVerifyLevel, onLine: (target: string, line: string) => void): Promise<VerifyTiming[]> {
  const timings: VerifyTiming[] = [];
  // Imported here: verification brings dockerode, which a batch without --verify never needs.
  const { verify } = await import('../verify/index.js');
  for (const row of model.rows) {
    if (row.status !== 'converted' || !row.outDir) continue;
    const r = await verify(join(out, row.outDir), { level, target: row.target, onProgress: (line) => onLine(row.target, line) });
    row.findings.push(...r.findings);
    row.verify = { level, steps: r.steps.map(({ durationMs: _d, imageId: _i, ...s }) => s) };
    timings.push({ model: model.id, target: row.target, steps: r.steps.map((s) => ({ name: s.name, durationMs: s.durationMs, ...(s.imageId ? { imageId: s.imageId } : {}) })) });
    if (hasErrors(r.findings)) row.status = 'verify-failed';
  }
  return timings;
}
