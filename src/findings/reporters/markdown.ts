import type { Finding } from '../types.js';
import { mdInline as mdCell } from './escape.js';

export { mdInline as mdCell } from './escape.js';

export function renderFindingsMarkdown(findings: readonly Finding[]): string {
  if (findings.length === 0) return '_No findings._\n';
  const rows = findings.map((f) => {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}${f.column ? `:${f.column}` : ''}` : '';
    return `| ${f.severity} | ${f.code} | ${mdCell(where)} | ${mdCell(f.message)} | ${mdCell(f.hint ?? '')} |`;
  });
  return ['| severity | code | where | message | what to do |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
