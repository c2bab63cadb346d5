// `batch --baseline OLD_OUT`: per model, how its schema changed since the earlier run's report.
import { diffSchemas } from '../ir/compat/index.js';
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
