// The two charts of report.html as inline SVG (no script, no external library): rows by status
// for each target as stacked bars, and findings by code as bars coloured by severity.
import type { BatchReport, RowStatus } from '../../batch/types.js';
import { ROW_STATUSES } from '../../batch/types.js';
import type { Severity } from '../../findings/types.js';
import { escapeHtml } from './escape.js';

export const STATUS_COLOURS: Record<RowStatus, string> = {
  converted: '#2e7d32', 'verify-failed': '#ef6c00', failed: '#c62828', crashed: '#6a1b9a', timeout: '#4e342e', interrupted: '#757575',
};
const SEVERITY_COLOURS: Record<Severity, string> = { error: '#c62828', warning: '#ef6c00', info: '#1565c0' };

export function statusChart(report: BatchReport): string {
  const width = 520;
  const barX = 110;
  const barW = width - barX - 50;
  const rowH = 26;
  const height = report.targets.length * rowH + 34;
  const bars = report.targets.map((target, i) => {
    const counts = ROW_STATUSES.map((s) => ({ s, n: report.models.filter((m) => m.rows.some((r) => r.target === target && r.status === s)).length }));
    const total = counts.reduce((a, c) => a + c.n, 0) || 1;
    let x = barX;
    const y = 8 + i * rowH;
    const segs = counts.filter((c) => c.n > 0).map((c) => {
      const w = (c.n / total) * barW;
      const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${STATUS_COLOURS[c.s]}"><title>${escapeHtml(`${target}: ${c.n} ${c.s}`)}</title></rect>`;
      x += w;
      return seg;
    });
    return `<text x="${barX - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(target)}</text>${segs.join('')}<text x="${barX + barW + 6}" y="${y + 13}">${total === 1 && counts.every((c) => c.n === 0) ? 0 : total}</text>`;
  });
  const legendY = report.targets.length * rowH + 24;
  let lx = 10;
  const legend = ROW_STATUSES.map((s) => {
    const item = `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" fill="${STATUS_COLOURS[s]}"/><text x="${lx + 14}" y="${legendY}">${s}</text>`;
    lx += 26 + s.length * 5.6;
    return item;
  }).join('');
  return `<svg class="chart" role="img" aria-label="Rows by status per target" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars.join('')}${legend}</svg>`;
}

export function codeChart(report: BatchReport, top = 12): string {
  const counts = new Map<string, { n: number; severity: Severity }>();
  for (const m of report.models) for (const r of m.rows) for (const f of r.findings) {
    const c = counts.get(f.code) ?? { n: 0, severity: f.severity };
    c.n++;
    counts.set(f.code, c);
  }
  const rows = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, top);
  if (rows.length === 0) return '<p class="muted">No findings.</p>';
  const max = rows[0]![1].n;
  const width = 520;
  const barX = 70;
  const barW = width - barX - 50;
  const height = rows.length * 22 + 6;
  const bars = rows.map(([code, c], i) => {
    const y = 4 + i * 22;
    const w = Math.max(2, (c.n / max) * barW);
    return `<text x="${barX - 8}" y="${y + 12}" text-anchor="end">${code}</text><rect x="${barX}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${SEVERITY_COLOURS[c.severity]}"><title>${code}: ${c.n} (${c.severity})</title></rect><text x="${(barX + w + 6).toFixed(1)}" y="${y + 12}">${c.n}</text>`;
  });
  return `<svg class="chart" role="img" aria-label="Findings by code" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars.join('')}</svg>`;
}
