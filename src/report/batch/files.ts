// The report files of a batch, written into OUT (or a merge's --out), and the report read back
// from such a folder (for `report merge` and `batch --baseline`).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { REPORT_VERSION, type BatchReport, type VerifyTiming } from '../../batch/types.js';
import { batchJsonPieces } from '../../findings/reporters/batch-json.js';
import { renderJunit } from '../../findings/reporters/junit.js';
import { renderSarif } from '../../findings/reporters/sarif.js';
import { renderBatchMarkdown } from '../../findings/reporters/batch-markdown.js';
import { batchHtmlPieces } from './html.js';
import { writeFileAtomic, writePiecesAtomic, type TextPiece } from '../../fs/write-file-atomic.js';
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

/** `--report` names -> file. report.json is written whatever is chosen: `report merge`,
 * `--baseline` and the next batch's discovery (CM607) read it. */
export const REPORT_FORMATS: Record<string, string> = {
  json: 'report.json',
  html: 'report.html',
  junit: 'junit.xml',
  sarif: 'report.sarif',
  summary: 'summary.md',
};

/** The files `--report a,b` asks for (report.json always among them), or the names it does not know. */
export function chooseReports(list: string): { files: string[] } | { unknown: string[] } {
  const names = [...new Set(list.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter((n) => !(n in REPORT_FORMATS));
  if (unknown.length > 0) return { unknown };
  return { files: Object.entries(REPORT_FORMATS).filter(([n]) => n === 'json' || names.includes(n)).map(([, file]) => file) };
}

/** Beside the reports after `batch --verify`: what changes run to run, so report.json does not. */
export const VERIFY_TIMINGS = 'verify-timings.json';

export interface WriteReportsOptions {
  /** The models' parts their workers rendered already. */
  rendered?: RenderedModels;
  /** With --verify: the run's durations and image ids (verify-timings.json). */
  timings?: readonly VerifyTiming[];
  /** The report files to write (chooseReports); all of them when absent. */
  files?: readonly string[];
}

export function writeBatchReports(dir: string, report: BatchReport, options: WriteReportsOptions = {}): { ok: true; files: string[] } | { ok: false; findings: Finding[] } {
  const { rendered, timings = [] } = options;
  try {
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    // A report read back from disk (merge, baseline) renders to the same bytes as a fresh one:
    // report.json and report.html's data render each model in report.json's key order
    // (model-parts.ts), and the other formats read members by name, whatever their order.
    for (const [name, render] of Object.entries(BATCH_REPORTS)) {
      if (options.files && !options.files.includes(name)) continue;
      writePiecesAtomic(join(dir, name), render(report, rendered));
      files.push(name);
    }
    if (timings.length > 0) {
      writeFileAtomic(join(dir, VERIFY_TIMINGS), JSON.stringify({ timingsVersion: 1, rows: timings }, null, 2) + '\n');
      files.push(VERIFY_TIMINGS);
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
