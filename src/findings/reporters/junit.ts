// JUnit XML for CI test views: one <testsuite> per target, one <testcase> per model. An error
// finding is a <failure>, a crash or timeout an <error>, an interrupted model <skipped>; warnings
// and notes go to <system-out> so the case stays green but the reviewer can read them.
import type { BatchReport, TargetRow } from '../../batch/types.js';
import type { Finding } from '../types.js';
import { formatFindingText } from './text.js';

export function renderJunit(report: BatchReport): string {
  const suites = report.targets.map((target) => {
    const cases = report.models.map((m) => ({ id: m.id, row: m.rows.find((r) => r.target === target) })).filter((c): c is { id: string; row: TargetRow } => Boolean(c.row));
    const count = (pred: (r: TargetRow) => boolean) => cases.filter((c) => pred(c.row)).length;
    const failures = count((r) => r.status === 'failed' || r.status === 'verify-failed');
    const errors = count((r) => r.status === 'crashed' || r.status === 'timeout');
    const skipped = count((r) => r.status === 'interrupted');
    const body = cases.map((c) => testcase(target, c.id, c.row)).join('');
    return `  <testsuite name="${attr(`cog-migrate ${target}`)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${body}  </testsuite>\n`;
  });
  const all = report.models.flatMap((m) => m.rows);
  const n = (pred: (r: TargetRow) => boolean) => all.filter(pred).length;
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<testsuites name="cog-migrate batch" tests="${all.length}" failures="${n((r) => r.status === 'failed' || r.status === 'verify-failed')}" errors="${n((r) => r.status === 'crashed' || r.status === 'timeout')}" skipped="${n((r) => r.status === 'interrupted')}">\n`
    + suites.join('')
    + '</testsuites>\n';
}

function testcase(target: string, id: string, row: TargetRow): string {
  const open = `    <testcase classname="${attr(`cog-migrate.${target}`)}" name="${attr(id)}">\n`;
  const errs = row.findings.filter((f) => f.severity === 'error');
  const rest = row.findings.filter((f) => f.severity !== 'error');
  const parts: string[] = [];
  const first = errs[0];
  if (row.status === 'interrupted') parts.push(`      <skipped message="${attr(first?.message ?? 'interrupted')}"/>\n`);
  else if ((row.status === 'crashed' || row.status === 'timeout') && first) parts.push(`      <error message="${attr(first.message)}" type="${attr(first.code)}">${text(lines(errs))}</error>\n`);
  else if (first) parts.push(`      <failure message="${attr(first.message)}" type="${attr(first.code)}">${text(lines(errs))}</failure>\n`);
  if (rest.length > 0) parts.push(`      <system-out>${text(lines(rest))}</system-out>\n`);
  return parts.length === 0 ? open.replace('>\n', '/>\n') : open + parts.join('') + '    </testcase>\n';
}

function lines(findings: readonly Finding[]): string {
  return findings.map(formatFindingText).join('\n');
}

/** XML 1.0 cannot carry most control characters even escaped: they become visible escapes. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    const paired = code < 0xdc00 ? /[\udc00-\udfff]/.test(all[i + 1] ?? '') : /[\ud800-\udbff]/.test(all[i - 1] ?? '');
    return paired ? c : '\ufffd';
  });
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
