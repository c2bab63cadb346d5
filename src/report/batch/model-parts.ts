// The large per-model parts of the batch reports: a model's entry in report.json and its entry in
// report.html's embedded data (findings, schema summary, Dockerfile lines, MIGRATION.md). A batch
// worker renders both right after converting the model, in parallel with the other workers, so
// the main thread only joins text when it writes the reports (rendering them there was most of
// the time between the last model and the end of a run). A model changed after it was rendered
// (verification, a baseline comparison) must not use them: runBatch only keeps them when nothing
// changes the models afterwards. Both are rendered from the canonical model, as report.json holds
// it, so a report read back from disk renders to the same bytes.

import type { ModelReport } from '../../batch/types.js';
import { canonical, modelJson } from '../../findings/reporters/batch-json.js';
import { jsonForScript } from './escape.js';
import { summarizeSchema } from './schema-summary.js';

export interface RenderedModel {
  /** The model's entry in report.json's models array. */
  json: string;
  /** The model's entry in report.html's data, escaped for the script element it sits in. */
  html: string;
}

/** Where the renderers of report.json and report.html find the parts the workers rendered: the
 * batch's spool on disk (part-spool.ts), or a map (renderedInMemory). */
export interface RenderedModels {
  /** The model's part, as text or as its UTF-8 bytes; undefined when no worker rendered it. */
  part(id: string, kind: keyof RenderedModel): string | Uint8Array | undefined;
}

/** Rendered models held in memory, by model id. */
export function renderedInMemory(models: ReadonlyMap<string, RenderedModel>): RenderedModels {
  return { part: (id, kind) => models.get(id)?.[kind] };
}

/**
 * A model whose parts are rendered, with only what the other formats read of it: JUnit, SARIF,
 * summary.md, report.html's rows and charts, the counts and `batch --json` read the identity,
 * the rows' target, status, findings and output folder, and the schema changes. The schema, the
 * Dockerfile lines, MIGRATION.md and the mapping (most of a model's size) are in its parts.
 */
export function withoutRenderedParts(model: ModelReport): ModelReport {
  const { schema: _schema, rows, ...rest } = model;
  return {
    ...rest,
    rows: rows.map((r) => ({ target: r.target, status: r.status, findings: r.findings, ...(r.outDir !== undefined ? { outDir: r.outDir } : {}) })),
  };
}

export function renderModel(model: ModelReport): RenderedModel {
  const c = canonical(model);
  return { json: modelJson(c), html: modelHtmlData(c) };
}

/** A canonical model's entry in report.html's data: what the page shows when a row opens. */
export function modelHtmlData(m: ModelReport): string {
  return jsonForScript({
    id: m.id,
    source: m.source,
    ...(m.group !== undefined ? { group: m.group, variant: m.variant } : {}),
    schema: summarizeSchema(m.schema) ?? null,
    ...(m.changes ? { changes: m.changes } : {}),
    rows: m.rows.map((r) => ({
      target: r.target, status: r.status, findings: r.findings,
      ...(r.outDir ? { outDir: r.outDir } : {}), ...(r.dockerfile ? { dockerfile: r.dockerfile } : {}), ...(r.migrationMd ? { migrationMd: r.migrationMd } : {}),
    })),
  });
}
