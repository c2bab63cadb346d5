// The per-model report parts a batch worker renders (src/report/batch/model-parts.ts) make the
// same report.json and report.html as rendering the whole report in one place: report.json is
// the canonical report as JSON, and the page's data is the same with a model's parts taken from
// the worker or rendered by the main thread. Hostile text (a closing script tag, U+2028, a
// `__proto__` key in a schema), undefined members and an empty report included.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_REPORTS, writeBatchReports } from '../../src/report/batch/files.js';
import { PartSpool, SpoolWriter } from '../../src/report/batch/part-spool.js';
import { canonicalReport, renderBatchJson } from '../../src/findings/reporters/batch-json.js';
import { renderBatchHtml } from '../../src/report/batch/html.js';
import { renderModel, renderedInMemory, withoutRenderedParts, type RenderedModel } from '../../src/report/batch/model-parts.js';
import type { BatchReport, ModelReport } from '../../src/batch/types.js';

function model(id: string, extra: Partial<ModelReport> = {}): ModelReport {
  const schema = JSON.parse('{"openapi":"3.0.2","info":{"title":"Cog"},"components":{"schemas":{"Input":{"type":"object","required":["b"],"properties":{"b":{"type":"string","x-order":1,"default":{"z":1,"a":2}},"__proto__":{"type":"integer","x-order":0}}},"Output":{"type":"string"}}}}');
  return {
    id, outName: id, source: `models/${id}`, schema,
    rows: [{
      target: 'fal', status: 'converted', outDir: `${id}/fal`, files: 3, migrationMd: '# MIGRATION\n</script><!-- & \u2028 \u2029 é 漢\n',
      findings: [{ code: 'CM110', severity: 'warning', message: 'a <b>warning</b> & "quotes"', file: 'cog.yaml', line: 3, column: undefined }],
      dockerfile: [{ action: 'removed', before: 'RUN x', reason: 'why </script>' }],
      mapping: undefined,
    }],
    ...extra,
  };
}

function report(models: ModelReport[]): BatchReport {
  return { reportVersion: 1, tool: { name: 'cog-migrate', version: '0.0.0' }, targets: ['fal'], models, findings: [{ code: 'CM607', severity: 'info', message: 'run </script>' }] };
}

const models = [
  model('a'),
  model('b', { group: 'b', variant: 'v1', changes: { baseline: 'compared', items: [] } }),
  model('c', { rows: [{ target: 'fal', status: 'crashed', findings: [{ code: 'CM601', severity: 'error', message: 'crashed' }] }] }),
];

describe('report parts rendered by the workers', () => {
  it('report.json is the canonical report as JSON, with or without rendered parts', () => {
    const r = report(models);
    const whole = JSON.stringify(canonicalReport(r), null, 2) + '\n';
    expect(renderBatchJson(r)).toBe(whole);
    const rendered = new Map<string, RenderedModel>(models.slice(0, 2).map((m) => [m.id, renderModel(m)]));
    expect(renderBatchJson(r, renderedInMemory(rendered))).toBe(whole);
    expect(JSON.parse(whole)).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('an empty report and a sharded one keep their layout', () => {
    const empty = report([]);
    expect(renderBatchJson(empty)).toBe(JSON.stringify(canonicalReport(empty), null, 2) + '\n');
    const shard = { ...report(models), shard: { index: 1, count: 2 } };
    expect(renderBatchJson(shard)).toBe(JSON.stringify(canonicalReport(shard), null, 2) + '\n');
  });

  it('report.html is the same page with the parts from the workers, and its data cannot close the script element', () => {
    const r = report(models);
    const rendered = new Map<string, RenderedModel>(models.map((m) => [m.id, renderModel(m)]));
    const page = renderBatchHtml(r, renderedInMemory(rendered));
    expect(page).toBe(renderBatchHtml(r));
    expect(page).toBe(renderBatchHtml(canonicalReport(r)));
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(data) as { models: { id: string; schema: { inputs: { name: string; default?: string }[] } | null; rows: { migrationMd?: string }[] }[] };
    expect(parsed.models.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(parsed.models[0]!.rows[0]!.migrationMd).toBe(models[0]!.rows[0]!.migrationMd);
    expect(parsed.models[0]!.schema!.inputs.map((i) => i.name)).toEqual(['__proto__', 'b']);
    expect(parsed.models[0]!.schema!.inputs[1]!.default).toBe('{"a":2,"z":1}');
  });

  it('the parts given are the parts used (so the equalities above do not only test the fallback)', () => {
    const r = report(models);
    const stale = renderModel(model('a', { source: 'elsewhere' }));
    expect(renderBatchHtml(r, renderedInMemory(new Map([['a', stale]])))).toContain('elsewhere');
  });

  it('parts spooled to disk, with the rest of each model only, write the same five files, and the spool goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogm-parts-'));
    try {
      const r = report(models);
      const spool = new PartSpool(join(dir, 'out'));
      // Two writers (two workers), each with its own file, the second given its models first.
      const writers = [new SpoolWriter(spool.dir, 'worker-1'), new SpoolWriter(spool.dir, 'worker-2')];
      spool.record(models[1]!.id, writers[1]!.add(renderModel(models[1]!)));
      spool.record(models[0]!.id, writers[0]!.add(renderModel(models[0]!)));
      const slim = { ...r, models: r.models.map((m) => (spool.has(m.id) ? withoutRenderedParts(m) : m)) };
      expect(slim.models[0]!.schema).toBeUndefined();
      expect(slim.models[0]!.rows[0]!.migrationMd).toBeUndefined();
      expect(writeBatchReports(join(dir, 'whole'), r).ok).toBe(true);
      expect(writeBatchReports(join(dir, 'spooled'), slim, { rendered: spool }).ok).toBe(true);
      expect(readdirSync(spool.dir).sort()).toEqual(['worker-1', 'worker-2']);
      spool.close();
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
      for (const name of Object.keys(BATCH_REPORTS)) {
        expect(readFileSync(join(dir, 'spooled', name), 'utf8'), name).toBe(readFileSync(join(dir, 'whole', name), 'utf8'));
      }
      expect(readFileSync(join(dir, 'whole', 'report.json'), 'utf8')).toBe(renderBatchJson(r));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
