// `cog-migrate report merge OUT1 OUT2 ...`: shard reports joined into the report one unsharded
// run would have written (same models, same order, the run findings once).
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import type { BatchReport } from './types.js';

export function mergeReports(reports: readonly BatchReport[]): { report?: BatchReport; findings: Finding[] } {
  if (reports.length === 0) return { findings: [finding('CM605', 'no reports to merge')] };
  const findings: Finding[] = [];
  const targets = [...new Set(reports.flatMap((r) => r.targets))];
  const differ = reports.find((r) => r.targets.join(',') !== reports[0]!.targets.join(','));
  if (differ) findings.push(finding('CM605', `the shards converted for different targets (${reports.map((r) => r.targets.join(',')).join(' vs ')})`, undefined, { severity: 'warning', hint: 'Run every shard with the same --to.' }));
  const counts = new Set(reports.map((r) => r.shard?.count).filter((c) => c !== undefined));
  if (counts.size > 1) findings.push(finding('CM605', `the shards come from different splits (${[...counts].map((c) => `/${c}`).join(', ')})`, undefined, { severity: 'warning', hint: 'Merge the outputs of one run of --shard 1/N ... N/N.' }));
  const byId = new Map<string, BatchReport['models'][number]>();
  for (const r of reports) {
    for (const m of r.models) {
      if (byId.has(m.id)) {
        findings.push(finding('CM606', `model ${m.id} is in more than one shard report`));
        continue;
      }
      byId.set(m.id, m);
    }
  }
  const seen = new Set<string>();
  const runFindings = reports.flatMap((r) => r.findings).filter((f) => {
    const k = JSON.stringify(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const models = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const report: BatchReport = { reportVersion: reports[0]!.reportVersion, tool: reports[0]!.tool, targets, models, findings: runFindings };
  return { report, findings };
}
