// `cog-migrate batch` end to end (in-process CLI, real worker threads): statuses, exit codes per
// --fail-on, a fatal model and a crashing worker beside good ones, timeouts, discovery rules,
// --changed-since, --baseline, and the refusal to write over an earlier OUT.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FATAL, GOOD, WARNS, countFiles, freshOut, modelTree, readReport, statuses } from '../helpers/batch.js';

afterEach(() => {
  delete process.env.COG_MIGRATE_FAULT;
});

describe('cog-migrate batch', () => {
  it('converts every model found, skipping node_modules, dot folders and earlier outputs; a fatal model is a failed row', async () => {
    const root = modelTree({
      'org/alpha': GOOD,
      'org/alpha/variants/small': GOOD,
      beta: WARNS,
      broken: FATAL,
      'node_modules/pkg': GOOD,
      '.git/hidden': GOOD,
    });
    expect((await cli(join(root, 'org/alpha'), '--to', 'fal', '--out', join(root, 'org', 'alpha-fal'))).code).toBe(0);
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--jobs', '2', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(statuses(report)).toEqual({
      'beta fal': 'converted',
      'broken fal': 'failed',
      'org/alpha fal': 'converted',
      'org/alpha/variants/small fal': 'converted',
    });
    expect(report.findings.map((f) => f.code)).toEqual(['CM607']);
    expect(report.models.find((m) => m.id === 'broken')!.rows[0]!.findings.map((f) => f.code).join()).toMatch(/CM2\d\d/);
    expect(readdirSync(out).sort()).toEqual(['beta', 'junit.xml', 'org__alpha', 'org__alpha__variants__small', 'report.html', 'report.json', 'report.sarif', 'summary.md']);
    expect(existsSync(join(out, 'org__alpha', 'fal', 'app.py'))).toBe(true);
    expect(existsSync(join(out, 'org__alpha', 'fal', 'MIGRATION.md'))).toBe(true);
    expect(r.stderr).toMatch(/\[\d\/4\] broken {2}fal: failed CM2\d\d/);
    expect(r.stdout).toContain('4 model(s) x 1 target(s): 3 converted, 1 failed');
  });

  it('exits per --fail-on: error, warning, never', async () => {
    const warnOnly = modelTree({ a: GOOD, b: WARNS });
    const withError = modelTree({ a: GOOD, c: FATAL });
    const run = async (root: string, failOn: string) => (await cli('batch', root, '--to', 'fal', '--out', freshOut(), '--fail-on', failOn, '--quiet', '--jobs', '1')).code;
    expect(await run(warnOnly, 'error')).toBe(0);
    expect(await run(warnOnly, 'warning')).toBe(1);
    expect(await run(warnOnly, 'never')).toBe(0);
    expect(await run(withError, 'error')).toBe(1);
    expect(await run(withError, 'never')).toBe(0);
    // the default is error
    expect((await cli('batch', withError, '--to', 'fal', '--out', freshOut(), '--quiet')).code).toBe(1);
  });

  it('a model that crashes its worker and one over the time limit are rows; the models beside them are written whole', async () => {
    const root = modelTree({ a: GOOD, b: GOOD, crasher: GOOD, sleeper: GOOD, d: GOOD, broken: FATAL });
    process.env.COG_MIGRATE_FAULT = 'crash:crasher,hang:sleeper';
    const out = freshOut();
    // 10 s per model: only the hanging model waits that long, and a good one must not time out on
    // a loaded runner (3 s did under load average 20).
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--jobs', '2', '--timeout', '10', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(statuses(report)).toEqual({ 'a fal': 'converted', 'b fal': 'converted', 'broken fal': 'failed', 'crasher fal': 'crashed', 'd fal': 'converted', 'sleeper fal': 'timeout' });
    const codes = (id: string) => report.models.find((m) => m.id === id)!.rows[0]!.findings.map((f) => f.code);
    expect(codes('crasher')).toEqual(['CM601']);
    expect(codes('sleeper')).toEqual(['CM602']);
    for (const id of ['a', 'b', 'd']) expect(countFiles(join(out, id, 'fal'))).toBe(report.models.find((m) => m.id === id)!.rows[0]!.files);
    expect(existsSync(join(out, 'crasher'))).toBe(false);
    expect(existsSync(join(out, 'sleeper'))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('--changed-since converts only models with files changed since the revision', async () => {
    const root = modelTree({ a: GOOD, b: GOOD, c: GOOD });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'models');
    writeFileSync(join(root, 'b', 'predict.py'), GOOD['predict.py'] + '\n# changed\n');
    const out = freshOut();
    expect((await cli('batch', root, '--to', 'fal', '--out', out, '--changed-since', 'HEAD', '--quiet')).code).toBe(0);
    expect(readReport(out).models.map((m) => m.id)).toEqual(['b']);
    const bad = await cli('batch', root, '--to', 'fal', '--out', freshOut(), '--changed-since', 'no-such-rev', '--quiet');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error CM604/);
  });

  it('--baseline shows per model what changed in its schema; a breaking change fails the run', async () => {
    const root = modelTree({ a: GOOD, b: GOOD });
    const first = freshOut();
    expect((await cli('batch', root, '--to', 'fal', '--out', first, '--quiet')).code).toBe(0);
    writeFileSync(join(root, 'b', 'predict.py'), GOOD['predict.py'].replace('text: str = Input(description="Text to echo")', 'text: str = Input(description="Text to echo"), n: int = Input()'));
    const second = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', second, '--baseline', first);
    expect(r.code).toBe(1);
    const report = readReport(second);
    expect(report.models.find((m) => m.id === 'a')!.changes).toEqual({ baseline: 'compared', items: [] });
    expect(report.models.find((m) => m.id === 'b')!.changes!.items).toMatchObject([{ kind: 'input-added-required', input: 'n', breaking: true }]);
    expect(r.stdout).toContain('1 breaking schema change(s)');
  });

  it('refuses a non-empty OUT without --force, and replaces model folders whole with it', async () => {
    const root = modelTree({ a: GOOD });
    const out = freshOut();
    expect((await cli('batch', root, '--to', 'fal', '--out', out, '--quiet')).code).toBe(0);
    const again = await cli('batch', root, '--to', 'fal', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/error CM010/);
    expect((await cli('batch', root, '--to', 'fal', '--out', out, '--force', '--quiet')).code).toBe(0);
    expect(readFileSync(join(out, 'a', 'fal', 'predict.py'), 'utf8')).toBe(GOOD['predict.py']);
  });

  it('--json prints a machine summary and nothing else on stdout', async () => {
    const root = modelTree({ a: GOOD, broken: FATAL });
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--json', '--fail-on', 'never');
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toMatchObject({ models: 2, rows: 2, byStatus: { converted: 1, failed: 1 } });
    expect(doc.models).toMatchObject([{ id: 'a', rows: [{ target: 'fal', status: 'converted' }] }, { id: 'broken', rows: [{ status: 'failed' }] }]);
    expect(r.stderr).toBe('');
  });

  it('reports usage errors: unknown target, bad --shard, nothing found', async () => {
    const root = modelTree({ a: GOOD });
    expect((await cli('batch', root, '--to', 'nope', '--out', freshOut())).code).toBe(2);
    expect((await cli('batch', root, '--to', 'fal', '--shard', '3/2', '--out', freshOut())).code).toBe(2);
    const empty = modelTree({ 'x/readme': { 'README.md': 'hi' } });
    const none = await cli('batch', empty, '--to', 'fal', '--out', freshOut());
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/error CM600/);
  });

  it('--report html,json,junit,sarif writes those (report.json always) and says which; an unknown format is a usage error', async () => {
    const root = modelTree({ a: GOOD });
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--report', 'html,junit,sarif');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a', 'junit.xml', 'report.html', 'report.json', 'report.sarif']);
    expect(r.stdout).toContain(`Reports: ${join(out, 'report.html')} (open in a browser), report.json, junit.xml, report.sarif`);
    const bad = await cli('batch', root, '--to', 'fal', '--out', freshOut(), '--report', 'html,xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format xml');
    expect(bad.stderr).toContain('json, html, junit, sarif, summary');
  });
});
