// `batch --baseline OLD_OUT`: per model, how its schema changed since the earlier run's report.
// From diff.js itself: the package index also loads the project reader (tree-sitter, yaml),
// which the batch's main thread never needs.
import { diffSchemas } from '../ir/compat/diff.js';
import type { BatchReport, ModelReport } from './types.js';

export function compareWithBaseline(models: ModelReport[], baseline: BatchReport): void {
  const before = new Map(baseline.models.map((m) => [m.id, m]));
  for (const m of models) {
    if (!m.schema) continue;
    const old = before.get(m.id);
    if (!old?.schema) m.changes = { baseline: 'new', items: [] };
    else m.changes = { baseline: 'compared', items: diffSchemas(old.schema, m.schema) };
  }
}
