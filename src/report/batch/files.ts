// The report files of a batch, written into OUT (or a merge's --out), and the report read back
// from such a folder (for `report merge` and `batch --baseline`).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { REPORT_VERSION, type BatchReport } from '../../batch/types.js';
import { batchJsonPieces } from '../../findings/reporters/batch-json.js';
import { renderJunit } from '../../findings/reporters/junit.js';
import { renderSarif } from '../../findings/reporters/sarif.js';
import { renderBatchMarkdown } from '../../findings/reporters/batch-markdown.js';
import { batchHtmlPieces } from './html.js';
import { writePiecesAtomic, type TextPiece } from '../../fs/write-file-atomic.js';
import type { RenderedModels } from './model-parts.js';

/** File name -> renderer; every renderer takes the same BatchReport (and the models the workers
 * rendered already, which only report.json and report.html have parts of). The two large ones
 * give their text in pieces, written as they come (the models' parts can stay on disk). */
export const BATCH_REPORTS: Record<string, (r: BatchReport, rendered?: RenderedModels) => Iterable<TextPiece>> = {
  'report.json': batchJsonPieces,
  'report.html': batchHtmlPieces,
  'junit.xml': (r) => [renderJunit(r)],
  'report.sarif': (r) => [renderSarif(r)],
  'summary.md': (r) => [renderBatchMarkdown(r)],
};

export function writeBatchReports(dir: string, report: BatchReport, rendered?: RenderedModels): { ok: true; files: string[] } | { ok: false; findings: Finding[] } {
  try {
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    // A report read back from disk (merge, baseline) renders to the same bytes as a fresh one:
    // report.json and report.html's data render each model in report.json's key order
    // (model-parts.ts), and the other formats read members by name, whatever their order.
    for (const [name, render] of Object.entries(BATCH_REPORTS)) {
      writePiecesAtomic(join(dir, name), render(report, rendered));
      files.push(name);
    }
    return { ok: true, files };
  } catch (err) {
    return { ok: false, findings: [finding('CM012', `could not write the reports in ${dir}: ${(err as Error).message}`)] };
  }
}

export function readBatchReport(dir: string): { report?: BatchReport; findings: Finding[] } {
  const path = existsSync(join(dir, 'report.json')) ? join(dir, 'report.json') : dir;
  const fail = (why: string) => ({ findings: [finding('CM605', `${dir}: ${why}`)] });
  if (!existsSync(path)) return fail('no report.json');
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return fail(`report.json is not JSON (${(e as Error).message})`);
  }
  const r = doc as Partial<BatchReport>;
  if (typeof r !== 'object' || r === null || r.tool?.name !== 'cog-migrate') return fail('report.json was not written by cog-migrate batch');
  if (r.reportVersion !== REPORT_VERSION) return fail(`report version ${JSON.stringify(r.reportVersion)} is not ${REPORT_VERSION}`);
  if (!Array.isArray(r.models) || !Array.isArray(r.targets) || !Array.isArray(r.findings)) return fail('report.json lacks models, targets or findings');
  for (const m of r.models) {
    if (typeof m?.id !== 'string' || !Array.isArray(m.rows)) return fail('a model entry lacks id or rows');
  }
  return { report: r as BatchReport, findings: [] };
}
