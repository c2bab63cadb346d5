// summary.md: the batch in a few lines of Markdown for a CI job summary ($GITHUB_STEP_SUMMARY,
// a merge-request note): rows by status per target, the most frequent findings, and the models
// that need a human, with the first error of each.
import type { BatchReport, RowStatus } from '../../batch/types.js';
import { countReport, ROW_STATUSES } from '../../batch/types.js';
import { codeSpec } from '../codes/index.js';
import { mdInline } from './escape.js';

const MAX_MODELS = 50;

export function renderBatchMarkdown(report: BatchReport): string {
  const counts = countReport(report);
  const out: string[] = ['## cog-migrate batch', ''];
  out.push(`${counts.models} model(s) x ${report.targets.length} target(s): ${counts.bySeverity.error} error(s), ${counts.bySeverity.warning} warning(s)${counts.breaking ? `, ${counts.breaking} breaking schema change(s)` : ''}${report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : ''}.`, '');
  const used = ROW_STATUSES.filter((s) => counts.byStatus[s] > 0);
  out.push(`| target | ${used.join(' | ')} |`, `|---|${used.map(() => '---:').join('|')}|`);
  for (const t of report.targets) {
    const n = (s: RowStatus) => report.models.filter((m) => m.rows.some((r) => r.target === t && r.status === s)).length;
    out.push(`| ${mdInline(t)} | ${used.map(n).join(' | ')} |`);
  }
  const byCode = new Map<string, number>();
  for (const m of report.models) for (const r of m.rows) for (const f of r.findings) if (f.severity !== 'info') byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  if (byCode.size > 0) {
    out.push('', '| code | count | what |', '|---|---:|---|');
    for (const [code, n] of [...byCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10)) out.push(`| ${code} | ${n} | ${mdInline(codeSpec(code).title)} |`);
  }
  const needs = report.models.flatMap((m) => m.rows.filter((r) => r.status !== 'converted').map((r) => ({ id: m.id, r })));
  if (needs.length > 0) {
    out.push('', '| model | target | status | first error |', '|---|---|---|---|');
    for (const { id, r } of needs.slice(0, MAX_MODELS)) {
      const f = r.findings.find((x) => x.severity === 'error');
      out.push(`| ${mdInline(id)} | ${mdInline(r.target)} | ${r.status} | ${f ? `${f.code} ${mdInline(f.message)}` : ''} |`);
    }
    if (needs.length > MAX_MODELS) out.push('', `... and ${needs.length - MAX_MODELS} more: see report.html.`);
  }
  out.push('', 'Full report: report.html (open it from the artifact, offline).', '');
  return out.join('\n');
}
