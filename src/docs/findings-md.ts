// docs/findings.md is generated from the catalogue (npm run docs), so it cannot drift.
import { ALL_CODES } from '../findings/codes/index.js';
import { mdCell } from '../findings/reporters/markdown.js';

const RANGES: [string, string][] = [
  ['CM0', 'The project, usage and output'],
  ['CM1', 'cog.yaml'],
  ['CM2', 'The predictor (Python)'],
  ['CM3', 'Dockerfile generation and pruning'],
  ['CM4', 'Target mapping'],
  ['CM5', 'Verification'],
  ['CM6', 'Batch conversion and schema changes'],
  ['CM7', 'Rewriting client code (cog-migrate clients)'],
  ['CM8', 'fal and Modal apps read back (APP.py --to cog)'],
  ['CM9', 'Internal faults'],
];

export function renderFindingsCatalogue(): string {
  const out = [
    '# Findings',
    '',
    '<!-- Generated from src/findings/codes/*.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Everything cog-migrate has to tell you arrives as a finding: a stable code, a severity, the file,',
    'line and column in your project, a message and a hint. Exit codes: 0 converted, 1 errors found (or',
    'warnings with `--strict`), 2 usage error, 3 internal fault.',
    '',
  ];
  for (const [prefix, title] of RANGES) {
    const codes = ALL_CODES.filter((c) => c.code.startsWith(prefix));
    if (codes.length === 0) continue;
    out.push(`## ${prefix}xx — ${title}`, '', '| code | severity | meaning | what to do |', '|---|---|---|---|');
    for (const c of codes) out.push(`| <a id="${c.code.toLowerCase()}"></a>${c.code} | ${c.defaultSeverity} | ${mdCell(c.title)} | ${mdCell(c.hint)} |`);
    out.push('');
  }
  return out.join('\n');
}
