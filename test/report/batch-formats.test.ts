// The batch report files, validated against their schemas: report.json against its own
// documented schema, SARIF against the SARIF 2.1.0 JSON Schema, JUnit against a JUnit XSD. The
// batch covers every row status that needs no signal (converted, failed, crashed, timeout) and
// hostile text in findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FATAL, GOOD, WARNS, freshOut, modelTree, readReport } from '../helpers/batch.js';
import { junitErrors, reportJsonErrors, sarifErrors } from '../helpers/schemas.js';
import { renderJunit } from '../../src/findings/reporters/junit.js';
import { renderSarif } from '../../src/findings/reporters/sarif.js';
import type { BatchReport } from '../../src/batch/types.js';

let out = '';

beforeAll(async () => {
  const root = modelTree({
    'org/good': GOOD, 'org/warns': WARNS, broken: FATAL, crasher: GOOD, sleeper: GOOD,
    syntax: { ...GOOD, 'predict.py': GOOD['predict.py'].replace('-> str:', '-> str\n') },
    'odd <name> & "quotes"': { ...GOOD, 'cog.yaml': GOOD['cog.yaml'] + 'weird_key_\u0007: 1\n' },
  });
  process.env.COG_MIGRATE_FAULT = 'crash:crasher,hang:sleeper';
  out = freshOut();
  try {
    await cli('batch', root, '--to', 'fal', '--out', out, '--jobs', '2', '--timeout', '3', '--fail-on', 'never', '--quiet');
  } finally {
    delete process.env.COG_MIGRATE_FAULT;
  }
}, 120_000);

describe('batch report formats', () => {
  it('the batch covers converted, failed, crashed and timeout rows', () => {
    const statuses = new Set(readReport(out).models.flatMap((m) => m.rows.map((r) => r.status)));
    expect([...statuses].sort()).toEqual(['converted', 'crashed', 'failed', 'timeout']);
  });

  it('report.json follows docs/schemas/batch-report.v1.json', () => {
    expect(reportJsonErrors(readReport(out))).toEqual([]);
  });

  it('the schema rejects what it should (an unknown status)', () => {
    const bad = structuredClone(readReport(out));
    bad.models[0]!.rows[0]!.status = 'fine' as never;
    expect(reportJsonErrors(bad).join()).toMatch(/status/);
  });

  it('report.sarif is valid SARIF 2.1.0, with results at cog.yaml and predictor lines', () => {
    const doc = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8'));
    expect(sarifErrors(doc)).toEqual([]);
    const results = doc.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    const at = (suffix: string) => results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(suffix));
    expect(at('broken/cog.yaml')).toMatchObject({ ruleId: 'CM203', locations: [{ physicalLocation: { region: { startLine: 1 } } }] });
    expect(at('syntax/predict.py')?.ruleId).toMatch(/^CM2\d\d$/);
    expect(at('syntax/predict.py')?.locations[0]!.physicalLocation.region?.startLine).toBe(4);
    const warn = results.find((r) => r.ruleId === 'CM110' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('org/warns/cog.yaml'));
    expect(warn?.locations[0]!.physicalLocation.region?.startLine).toBe(3);
    const rules = doc.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of results) expect(rules).toContain(r.ruleId);
  });

  it('the SARIF validator rejects a broken document', () => {
    const doc = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8'));
    doc.runs[0].results[0].level = 'catastrophic';
    expect(sarifErrors(doc)).not.toEqual([]);
  });

  it('junit.xml follows the JUnit XSD: a test case per model and target', async () => {
    const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml).toMatch(/<testcase classname="cog-migrate.fal" name="broken">\n {6}<failure message="[^"]+" type="CM2\d\d">/);
    expect(xml).toMatch(/name="crasher">\n {6}<error [^>]*type="CM601"/);
    expect(xml).toMatch(/name="sleeper">\n {6}<error [^>]*type="CM602"/);
    expect(xml).toContain('name="odd &lt;name&gt; &amp; &quot;quotes&quot;"');
  });

  it('the XSD rejects a broken document', async () => {
    expect(await junitErrors('<testsuites><testsuite name="x"><testcase name="y"/></testsuite></testsuites>')).not.toEqual([]);
  });

  it('interrupted rows are skipped test cases, and hostile finding text stays valid XML and SARIF', async () => {
    const report: BatchReport = {
      reportVersion: 1, tool: { name: 'cog-migrate', version: '0' }, targets: ['fal'], findings: [],
      models: [
        { id: 'a', outName: 'a', source: 'a', rows: [{ target: 'fal', status: 'interrupted', findings: [{ code: 'CM603', severity: 'error', message: 'stop' }] }] },
        { id: 'b', outName: 'b', source: 'b', rows: [{ target: 'fal', status: 'failed', findings: [{ code: 'CM203', severity: 'error', message: 'bad \u0000\u001b[31m ]]> </failure> \ud800', file: 'predict.py', line: 2, column: 1 }] }] },
      ],
    };
    const xml = renderJunit(report);
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml).toContain('<skipped message="stop"/>');
    expect(sarifErrors(JSON.parse(renderSarif(report)))).toEqual([]);
  });
});
