// report.json: the BatchReport as versioned JSON (schema: docs/schemas/batch-report.v1.json).
// Keys in a stable order, so equal reports are equal bytes: a merged shard report can be compared
// with an unsharded one byte for byte.
import type { BatchReport } from '../../batch/types.js';

export function renderBatchJson(report: BatchReport): string {
  return JSON.stringify(sortKeys(report), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  // The schema's own key order inside an OpenAPI document carries no meaning; sorting is safe.
  entries.sort(([a], [b]) => (a === 'reportVersion' ? -1 : b === 'reportVersion' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
