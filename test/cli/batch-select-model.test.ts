// Multi-model repositories with a select script (issue 13): batch treats every variant the
// script can make live as a model of its own, grouped under the project in report.json and
// report.html; a script that cannot be read statically converts the live cog.yaml with CM176.
// Single conversion picks a variant with --variant. The repositories are fixtures/_select-model.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { freshOut, readReport, statuses } from '../helpers/batch.js';
import { reportJsonErrors } from '../helpers/schemas.js';

const REPOS = resolve(import.meta.dirname, '../../fixtures/_select-model');

describe('cog-migrate batch over repositories with a select script', () => {
  it('converts each variant the script can make live, with its own cog.yaml, config, machine and app name', async () => {
    const out = freshOut();
    const r = await cli('batch', REPOS, '--to', 'fal,modal', '--out', out, '--jobs', '2', '--fail-on', 'never', '--quiet');
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(reportJsonErrors(report)).toEqual([]);
    expect(statuses(report)).toEqual({
      'merged@careful fal': 'converted', 'merged@careful modal': 'converted', 'merged@fast fal': 'converted', 'merged@fast modal': 'converted',
      'rendered fal': 'converted', 'rendered modal': 'converted',
      'substituted@lower fal': 'converted', 'substituted@lower modal': 'converted', 'substituted@upper fal': 'converted', 'substituted@upper modal': 'converted',
    });
    expect(report.models.map((m) => [m.id, m.group, m.variant, m.outName])).toEqual([
      ['merged@careful', 'merged', 'careful', 'merged-careful'], ['merged@fast', 'merged', 'fast', 'merged-fast'],
      ['rendered', undefined, undefined, 'rendered'],
      ['substituted@lower', 'substituted', 'lower', 'substituted-lower'], ['substituted@upper', 'substituted', 'upper', 'substituted-upper'],
    ]);
    const file = (outName: string, target: string, rel: string) => readFileSync(join(out, outName, target, rel), 'utf8');
    // The variant's own cog.yaml travels with it, as the script would have written it.
    expect(file('merged-careful', 'fal', 'cog.yaml')).toContain('predict: predict.py:CarefulPredictor');
    expect(file('merged-careful', 'fal', 'cog.yaml')).toContain('- pillow==10.4.0');
    expect(file('substituted-lower', 'modal', 'cog.yaml')).toContain('predict: "predict.py:Lower"');
    // Its template variables as the script sets them per variant: concurrency.max 1 for lower, 4 for upper.
    expect(file('substituted-lower', 'modal', 'modal_app.py')).not.toContain('@modal.concurrent');
    expect(file('substituted-upper', 'modal', 'modal_app.py')).toContain('@modal.concurrent(max_inputs=4)');
    // Each variant's machine (its own cog-safe-push config) and an app named after the model it publishes.
    expect(file('merged-fast', 'modal', 'modal_app.py')).toContain('gpu="T4"');
    expect(file('merged-careful', 'modal', 'modal_app.py')).toContain('gpu="L40S"');
    expect(file('merged-fast', 'fal', 'app.py')).toContain('app_name = "count-fast"');
    expect(file('substituted-upper', 'fal', 'app.py')).toContain('app_name = "shout"');
    const cases = (outName: string) => (JSON.parse(file(outName, 'fal', 'tests/cases.json')) as { cases: { variant: string; checker: { expected: string } }[] }).cases;
    expect(cases('merged-fast').map((c) => [c.variant, c.checker.expected])).toEqual([['fast', '3']]);
    expect(cases('substituted-lower').map((c) => [c.variant, c.checker.expected])).toEqual([['lower', 'hi']]);
    // How each variant's cog.yaml was made is in its findings; the unreadable script says what to do.
    const row = (id: string) => report.models.find((m) => m.id === id)!.rows[0]!;
    expect(row('merged@fast').findings.find((f) => f.code === 'CM177')?.message).toBe('variant fast: cog.yaml made from cog.yaml.template and model-cog-configs/fast.yaml as script/select.sh makes it (it merges cog.yaml.template with model-cog-configs/<variant>.yaml into cog.yaml (yq, lists appended) and copies safe-push-configs/<variant>.yaml to cog-safe-push.yaml)');
    expect(row('rendered').findings.find((f) => f.code === 'CM176')).toMatchObject({ severity: 'warning', file: 'script/select-model' });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-group="merged"');
    expect(html).toContain('substituted <span class="variant">variant lower</span>');
    expect(html).toContain('(4 of them variants of 2 project(s))');
  }, 180_000);
});

describe('cog-migrate DIR --variant NAME', () => {
  it("converts one variant: its cog.yaml, its machine; another variant's name is refused with the list, nothing written", async () => {
    const out = join(freshOut(), 'careful');
    const r = await cli(join(REPOS, 'merged'), '--to', 'modal', '--variant', 'careful', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'modal_app.py'), 'utf8')).toContain('gpu="L40S"');
    expect(readFileSync(join(out, 'cog.yaml'), 'utf8')).toContain('predict: predict.py:CarefulPredictor');
    const bad = join(freshOut(), 'nope');
    const refused = await cli(join(REPOS, 'merged'), '--to', 'fal', '--variant', 'nope', '--out', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error CM175: the project has no variant "nope": its variants are careful, fast');
    expect(existsSync(bad)).toBe(false);
    // Without --variant there is no live cog.yaml: the error says how to pick one.
    const none = await cli(join(REPOS, 'merged'), '--to', 'fal', '--out', bad);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('convert one with --variant NAME (careful, fast)');
  }, 120_000);
});
