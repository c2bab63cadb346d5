// SARIF 2.1.0 for code scanning: one result per distinct finding, located at the line of cog.yaml
// or of the predictor that caused it (paths relative to the working folder of the run, which in
// CI is the repository root). A finding shared by several targets is one result naming them all.
import type { BatchReport } from '../../batch/types.js';
import { codeSpec } from '../codes/index.js';
import type { Finding, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INFO_URI = 'https://github.com/cog-migrate/cog-migrate/blob/main/docs/findings.md';

interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: object[];
  properties: { model: string; targets: string[] };
}

export function renderSarif(report: BatchReport): string {
  const results = new Map<string, Result>();
  const add = (model: string, source: string, f: Finding, target?: string) => {
    const uri = joinUri(source, f.file ?? 'cog.yaml');
    const key = JSON.stringify([f.code, uri, f.line, f.column, f.message]);
    const existing = results.get(key);
    if (existing) {
      if (target && !existing.properties.targets.includes(target)) existing.properties.targets.push(target);
      return;
    }
    const region = f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {};
    results.set(key, {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.hint ? `${f.message}\n${f.hint}` : f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...region } }],
      properties: { model, targets: target ? [target] : [] },
    });
  };
  for (const m of report.models) for (const row of m.rows) for (const f of row.findings) add(m.id, m.source, f, row.target);
  for (const f of report.findings) add('', '', f);
  const codes = [...new Set([...results.values()].map((r) => r.ruleId))].sort();
  const rules = codes.map((code) => {
    const spec = codeSpec(code);
    return {
      id: code,
      name: code,
      shortDescription: { text: spec.title },
      help: { text: spec.hint },
      helpUri: `${INFO_URI}#${code.toLowerCase()}`,
      defaultConfiguration: { level: LEVEL[spec.defaultSeverity] },
    };
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cog-migrate', version: report.tool.version, informationUri: INFO_URI, rules } },
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder cog-migrate batch ran in (the repository root in CI).' } } },
      results: [...results.values()].map((r) => ({ ...r, ruleIndex: codes.indexOf(r.ruleId) })),
    }],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function joinUri(source: string, file: string): string {
  const parts = [...source.split('/'), ...file.split('/')].filter((p) => p !== '' && p !== '.');
  return parts.map((p) => encodeURIComponent(p)).join('/');
}
