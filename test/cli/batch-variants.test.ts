// Multi-variant repositories in a batch (issue 13): a project with several
// cog-safe-push-configs/<variant>.yaml is one model per variant, each converted with its own
// config (its Replicate machine, its test cases, an app named after the model it publishes), and
// report.json / report.html group the variants under the project.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { listFiles } from '../helpers/golden.js';
import { GOOD, freshOut, modelTree, readReport, statuses } from '../helpers/batch.js';
import { reportJsonErrors } from '../helpers/schemas.js';

const VARIANTS = resolve(import.meta.dirname, '../../fixtures/safe-push-variants/input');
const project = Object.fromEntries(listFiles(VARIANTS).map((f) => [f, readFileSync(join(VARIANTS, f), 'utf8')]));

describe('cog-migrate batch with a multi-variant project', () => {
  it('converts each variant as a model of its own, grouped under the project', async () => {
    const root = modelTree({ shouter: project, plain: GOOD });
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal,modal', '--out', out, '--jobs', '2', '--fail-on', 'never', '--quiet');
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(reportJsonErrors(report)).toEqual([]);
    expect(statuses(report)).toEqual({
      'plain fal': 'converted', 'plain modal': 'converted',
      'shouter@fast fal': 'converted', 'shouter@fast modal': 'converted',
      'shouter@small fal': 'converted', 'shouter@small modal': 'converted',
    });
    const groups = report.models.map((m) => [m.id, m.group, m.variant]);
    expect(groups).toEqual([['plain', undefined, undefined], ['shouter@fast', 'shouter', 'fast'], ['shouter@small', 'shouter', 'small']]);
    const fast = report.models.find((m) => m.variant === 'fast')!;
    const small = report.models.find((m) => m.variant === 'small')!;
    // Each variant's own machine: fast deploys on gpu-l40s, small tests on gpu-t4 (docs/hardware.md).
    const modalApp = (m: typeof fast) => readFileSync(join(out, m.outName, 'modal', 'modal_app.py'), 'utf8');
    expect(modalApp(fast)).toContain('gpu="L40S"');
    expect(modalApp(small)).toContain('gpu="T4"');
    // Each app is named after the Replicate model the variant publishes, so they never deploy over each other.
    expect(readFileSync(join(out, fast.outName, 'fal', 'app.py'), 'utf8')).toContain('app_name = "shout-fast"');
    expect(readFileSync(join(out, small.outName, 'fal', 'app.py'), 'utf8')).toContain('app_name = "shout-small"');
    // Only the variant's own test cases, and no "variants name different machines" note (CM191) for one variant.
    const cases = (m: typeof fast) => (JSON.parse(readFileSync(join(out, m.outName, 'fal', 'tests', 'cases.json'), 'utf8')) as { cases: { variant: string }[] }).cases.map((c) => c.variant);
    expect(new Set(cases(fast))).toEqual(new Set(['fast']));
    expect(new Set(cases(small))).toEqual(new Set(['small']));
    expect(fast.rows.flatMap((row) => row.findings.map((f) => f.code))).not.toContain('CM191');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-group="shouter"');
    expect(html).toContain('shouter <span class="variant">variant small</span>');
    expect(html).toContain('(2 of them variants of 1 project(s))');
  }, 180_000);
});
