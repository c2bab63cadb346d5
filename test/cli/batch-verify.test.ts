// batch --verify static: each converted target folder is verified after it is written (parse and
// type-check against the pinned fal SDK); a failed model is not verified; the steps are in the
// report without durations, which are in verify-timings.json beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FATAL, GOOD, freshOut, modelTree, readReport } from '../helpers/batch.js';
import { pythonEnv } from '../helpers/python-env.js';

describe('batch --verify static', () => {
  it('verifies converted outputs with a bounded pool and records the steps', async () => {
    pythonEnv('fal'); // builds the pinned SDK environment the type-check uses, once
    const root = modelTree({ a: GOOD, b: GOOD, broken: FATAL });
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--verify', 'static', '--verify-jobs', '2', '--jobs', '1', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const report = readReport(out);
    for (const id of ['a', 'b']) {
      const row = report.models.find((m) => m.id === id)!.rows[0]!;
      expect(row.status).toBe('converted');
      expect(row.verify?.level).toBe('static');
      expect(row.verify!.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true]]);
      expect(JSON.stringify(row.verify)).not.toContain('durationMs');
    }
    const broken = report.models.find((m) => m.id === 'broken')!.rows[0]!;
    expect(broken.verify).toBeUndefined();
    const timings = JSON.parse(readFileSync(join(out, 'verify-timings.json'), 'utf8')) as { rows: { model: string; target: string; steps: { name: string; durationMs: number }[] }[] };
    expect(timings.rows.map((t) => [t.model, t.target, t.steps.map((s) => s.name)])).toEqual([['a', 'fal', ['parse', 'typecheck']], ['b', 'fal', ['parse', 'typecheck']]]);
    expect(timings.rows.every((t) => t.steps.every((s) => s.durationMs >= 0))).toBe(true);
  }, 600_000);
});
