// report.json: the BatchReport as versioned JSON (schema: docs/schemas/batch-report.v1.json).
// Keys in a stable order, so equal reports are equal bytes: a merged shard report can be compared
// with an unsharded one byte for byte.
import type { BatchReport } from '../../batch/types.js';

export function renderBatchJson(report: BatchReport): string {
  return JSON.stringify(canonicalReport(report), null, 2) + '\n';
}

/**
 * The report as report.json holds it, as a value: keys sorted, undefined members gone. What
 * every other format renders, so that a report read back from disk renders to the same bytes.
 */
export function canonicalReport(report: BatchReport): BatchReport {
  return sortKeys(report) as BatchReport;
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
