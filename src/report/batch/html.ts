// report.html: the page a reviewer opens from disk. Self-contained (styles, script, charts and
// data inline; a Content-Security-Policy forbids loading anything else): a models x targets
// table with status and finding counts, filter and sort, and per row the model's findings
// (linked to file:line in the output), schema, Dockerfile changes and MIGRATION.md.

import { existsSync, readFileSync } from 'node:fs';
import type { BatchReport, ModelReport, TargetRow } from '../../batch/types.js';
import { countReport, ROW_STATUSES } from '../../batch/types.js';
import { codeChart, statusChart, STATUS_COLOURS } from './charts.js';
import { escapeHtml as h } from './escape.js';
import { modelHtmlData, type RenderedModels } from './model-parts.js';
import { canonical } from '../../findings/reporters/batch-json.js';
import { packagePath } from '../../util/package-root.js';
import { joinPieces, type TextPiece } from '../../fs/write-file-atomic.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function renderBatchHtml(report: BatchReport, rendered?: RenderedModels): string {
  return joinPieces(batchHtmlPieces(report, rendered));
}

/** report.html in pieces, in order (a model's data entry is one piece): what a batch writes to
 * disk without holding the whole page. */
export function* batchHtmlPieces(report: BatchReport, rendered?: RenderedModels): Generator<TextPiece> {
  const counts = countReport(report);
  const statusParts = ROW_STATUSES.filter((s) => counts.byStatus[s] > 0).map((s) => `<b>${counts.byStatus[s]}</b> ${s}`);
  const rows = report.models.flatMap((m, mi) => m.rows.map((r, ri) => rowHtml(m, r, mi, ri, m.changes?.items.length ?? 0, mi * report.targets.length + ri)));
  // Variants of one project (cog-safe-push-configs/<variant>.yaml) sit together under its name.
  const groups = new Map<string, number>();
  for (const m of report.models) if (m.group !== undefined) groups.set(m.group, (groups.get(m.group) ?? 0) + 1);
  const grouped = groups.size === 0 ? '' : ` (${[...groups.values()].reduce((a, b) => a + b, 0)} of them variants of ${groups.size} project(s))`;
  const runFindings = report.findings.length === 0 ? '' : `<section><h3>About the run</h3><ul class="findings">${report.findings.map((f) => `<li class="sev-${f.severity}"><code>${h(f.code)}</code>${h(`${f.severity}: ${f.message}`)}</li>`).join('')}</ul></section>`;
  const option = (v: string) => `<option value="${h(v)}">${h(v)}</option>`;
  const shard = report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : '';
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>cog-migrate batch report</title>
<style>
${asset('report.css')}${ROW_STATUSES.map((s) => `.s-${s} { background: ${STATUS_COLOURS[s]}; }`).join('\n')}
</style>
</head>
<body>
<header>
<h1>cog-migrate batch report</h1>
<p class="summary"><b>${counts.models}</b> model(s)${grouped} x <b>${report.targets.length}</b> target(s) (${report.targets.map(h).join(', ')}): ${statusParts.join(', ') || 'nothing converted'} · <b>${counts.bySeverity.error}</b> error(s), <b>${counts.bySeverity.warning}</b> warning(s), <b>${counts.bySeverity.info}</b> note(s)${counts.breaking ? ` · <b>${counts.breaking}</b> breaking schema change(s)` : ''}${shard} · cog-migrate ${h(report.tool.version)}</p>
</header>
<section class="charts">
<figure><figcaption>Status per target</figcaption>${statusChart(report)}</figure>
<figure><figcaption>Findings by code</figcaption>${codeChart(report)}</figure>
</section>
${runFindings}
<div class="controls">
<input id="filter" type="search" placeholder="Filter by model, target, status or code (e.g. CM203)" aria-label="Filter rows">
<select id="status" aria-label="Status"><option value="">every status</option>${ROW_STATUSES.map(option).join('')}</select>
<select id="target" aria-label="Target"><option value="">every target</option>${report.targets.map(option).join('')}</select>
<span id="count" class="muted"></span>
</div>
<table id="rows">
<thead><tr><th data-key="model">Model</th><th data-key="target">Target</th><th data-key="status">Status</th><th data-key="errors" data-type="num">Errors</th><th data-key="warnings" data-type="num">Warnings</th><th data-key="notes" data-type="num">Notes</th><th data-key="changes" data-type="num">Schema changes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<script type="application/json" id="report-data">`;
  // The data the page opens rows from: one entry per model, rendered by the worker that converted
  // it when it could (model-parts.ts), so only the joining happens here.
  yield '{"models":[';
  for (const [i, m] of report.models.entries()) {
    if (i > 0) yield ',';
    yield rendered?.part(m.id, 'html') ?? modelHtmlData(canonical(m));
  }
  yield `]}</script>
<script>
${asset('report.js')}</script>
</body>
</html>
`;
}

function rowHtml(m: ModelReport, r: TargetRow, mi: number, ri: number, changes: number, order: number): string {
  const model = m.id;
  const label = m.group !== undefined ? `${h(m.group)} <span class="variant">variant ${h(m.variant ?? '')}</span>` : h(model);
  const n = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const codes = [...new Set(r.findings.map((f) => f.code))].join(' ');
  const num = (v: number) => `<td class="num${v === 0 ? ' zero' : ''}">${v}</td>`;
  return `<tr class="row" data-m="${mi}" data-r="${ri}" data-order="${order}" data-model="${h(model)}"${m.group !== undefined ? ` data-group="${h(m.group)}"` : ''} data-target="${h(r.target)}" data-status="${r.status}" data-errors="${n('error')}" data-warnings="${n('warning')}" data-notes="${n('info')}" data-changes="${changes}" data-codes="${h(codes)}">`
    + `<td><button class="expand" aria-expanded="false">${label}</button></td><td>${h(r.target)}</td><td><span class="status s-${r.status}">${r.status}</span></td>`
    + `${num(n('error'))}${num(n('warning'))}${num(n('info'))}${num(changes)}</tr>`;
}

/** The page's stylesheet and script, kept as real files in src/report/batch/assets (dist/ and the bundled CLI read them there). */
function asset(name: string): string {
  const p = packagePath('src', 'report', 'batch', 'assets', name);
  if (!existsSync(p)) throw new Error(`report asset ${name} not found at ${p}`);
  return readFileSync(p, 'utf8');
}
