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

/** Rendered models by model id. */
export type RenderedModels = ReadonlyMap<string, RenderedModel>;

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
