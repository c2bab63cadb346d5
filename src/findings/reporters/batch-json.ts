// report.json: the BatchReport as versioned JSON (schema: docs/schemas/batch-report.v1.json).
// Keys in a stable order, so equal reports are equal bytes: a merged shard report can be compared
// with an unsharded one byte for byte.
import type { BatchReport, ModelReport } from '../../batch/types.js';
import type { RenderedModels } from '../../report/batch/model-parts.js';
import { joinPieces, type TextPiece } from '../../fs/write-file-atomic.js';

/**
 * The document is the run's fields around one entry per model. A model's entry is taken from
 * `rendered` when the worker that converted it rendered it already (see model-parts.ts), so the
 * main thread only joins text; `modelJson` renders the others, the same way.
 */
export function renderBatchJson(report: BatchReport, rendered?: RenderedModels): string {
  return joinPieces(batchJsonPieces(report, rendered));
}

/** report.json in pieces, in order (a model's entry is one piece): what a batch writes to disk
 * without holding the whole text. */
export function* batchJsonPieces(report: BatchReport, rendered?: RenderedModels): Generator<TextPiece> {
  const { models, ...run } = report;
  const head = JSON.stringify(canonical({ ...run, models: [] }), null, 2) + '\n';
  // Only a top-level key stands at two spaces' indent: this is the models member.
  const member = models.length === 0 ? null : /\n {2}"models": \[\](,?)\n/.exec(head);
  if (!member) {
    yield head;
    return;
  }
  yield `${head.slice(0, member.index)}\n  "models": [\n    `;
  for (const [i, m] of models.entries()) {
    if (i > 0) yield ',\n    ';
    yield rendered?.part(m.id, 'json') ?? modelJson(canonical(m));
  }
  yield `\n  ]${member[1]}\n${head.slice(member.index + member[0].length)}`;
}

/** A canonical model's entry in report.json, indented as it stands in the models array (a JSON
 * text has no raw newline inside a string, so every newline is a line break of the layout). */
export function modelJson(model: ModelReport): string {
  return JSON.stringify(model, null, 2).replaceAll('\n', '\n    ');
}

/**
 * The report as report.json holds it, as a value: keys sorted, undefined members gone. What
 * every other format renders, so that a report read back from disk renders to the same bytes.
 */
export function canonicalReport(report: BatchReport): BatchReport {
  return canonical(report);
}

/** A value with its keys in report.json's order (code-unit order, reportVersion first) and
 * undefined members gone: a report, a model or any part of one. */
export function canonical<T>(value: T): T {
  return sortKeys(value) as T;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  // The schema's own key order inside an OpenAPI document carries no meaning; sorting is safe.
  // Code-unit order, as `<` compares; reportVersion first. A loop, not entries/fromEntries: the
  // report of a large batch is most of the time spent writing reports. No prototype, so a user
  // key named __proto__ stays a key.
  const keys = Object.keys(obj).sort();
  const at = keys.indexOf('reportVersion');
  if (at > 0) keys.unshift(...keys.splice(at, 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) {
    const v = obj[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}
