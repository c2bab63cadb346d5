import type { BatchReport } from '../../batch/types.js';
export function renderBatchHtml(report: BatchReport): string {
  return `<!doctype html><title>cog-migrate</title><p>${report.models.length} models</p>`;
}
