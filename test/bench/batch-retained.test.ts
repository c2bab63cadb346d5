// batch's main thread holds, per model, only what the reports other than report.json and
// report.html read (the rows' statuses and findings): the models' report parts wait on disk in
// the spool (src/report/batch/part-spool.ts) and never reach the main thread. bench/batch-retained.ts
// runs the batch over N and 2N copies of the fixtures in a child with `--expose-gc` and measures
// the JS heap held with each run's result (memory bounds, not time bounds). Measured: about 3.7 KB
// per model (the same in three runs); the code before the spool held about 84 KB per model
// (`--root` on a checkout of it), so the bound below fails if the parts or the whole models come
// back to the main thread.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RetainedRun } from '../../bench/batch-retained.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('batch main thread memory', () => {
  it('grows by a few KB per model, not by the models\' reports', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(ROOT, 'bench/batch-retained.ts'), '60', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as RetainedRun;
    expect(r.models).toBe(60);
    expect(r.perModelKb, `held ${r.heldMb[0]} MB with 60 models, ${r.heldMb[1]} MB with 120`).toBeLessThan(16);
    expect(r.heldMb[1]).toBeLessThan(2);
  }, 300_000);
});
