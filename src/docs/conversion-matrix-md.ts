// docs/conversion-matrix.md from the targets' matrix data (npm run docs).
import { MATRIX_TARGETS, type MatrixCell, type MatrixRow, type ReverseMatrixRow } from '../target/matrix.js';
import { FAL_MATRIX } from '../../targets/fal/matrix.js';
import { MODAL_MATRIX } from '../../targets/modal/matrix.js';
import { COG_REVERSE_MATRIX, COG_SAME } from '../../targets/cog/matrix.js';
import { WORKERS_AI_MATRIX } from '../../targets/workers-ai/matrix.js';
import { mdCell } from '../findings/reporters/markdown.js';

const BY_TARGET: Partial<Record<string, Record<string, MatrixCell>>> = { fal: FAL_MATRIX, modal: MODAL_MATRIX, 'workers-ai': WORKERS_AI_MATRIX, cog: Object.fromEntries(Object.keys(FAL_MATRIX).map((c) => [c, COG_SAME])) };

/** The reverse rows: fal and Modal app concepts -> Cog (targets/cog/matrix.ts). */
export function reverseMatrixRows(): ReverseMatrixRow[] {
  return COG_REVERSE_MATRIX;
}

export function matrixRows(): MatrixRow[] {
  const concepts = Object.keys(FAL_MATRIX);
  return concepts.map((concept) => ({
    concept,
    cells: Object.fromEntries(MATRIX_TARGETS.map((t) => [t, BY_TARGET[t]?.[concept] ?? { status: 'n', how: 'not yet implemented' }])),
  }));
}

function cell(c: MatrixCell): string {
  if (c.status === 'n' || c.status === '-') return c.status;
  const code = c.code ? ` ([${c.code}](findings.md#${c.code.toLowerCase()}))` : '';
  return `${c.status} ${mdCell(c.how)}${code}`;
}

export function renderConversionMatrix(): string {
  const out = [
    '# Conversion matrix',
    '',
    '<!-- Generated from targets/*/matrix.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Glossary: ✓ converts · partial: converts, with a finding saying what differs · ✗ no 1-1 mapping,',
    'a finding says what to do by hand · n not yet implemented. Codes link to docs/findings.md.',
    '',
    `| Cog concept | ${MATRIX_TARGETS.join(' | ')} |`,
    `|---|${MATRIX_TARGETS.map(() => '---').join('|')}|`,
  ];
  for (const row of matrixRows()) {
    const cells = MATRIX_TARGETS.map((t) => {
      const c = row.cells[t]!;
      if (c.status === 'n') return 'n';
      const code = c.code ? ` ([${c.code}](findings.md#${c.code.toLowerCase()}))` : '';
      return `${c.status} ${mdCell(c.how)}${code}`;
    });
    out.push(`| ${mdCell(row.concept)} | ${cells.join(' | ')} |`);
  }
  out.push('', '## The other way: fal and Modal apps to Cog', '');
  out.push('`cog-migrate APP.py --to cog` (docs/targets/cog.md): what each concept of the app becomes in the Cog project.', '');
  out.push('| app concept | fal -> cog | modal -> cog |', '|---|---|---|');
  for (const row of reverseMatrixRows()) out.push(`| ${mdCell(row.concept)} | ${cell(row.fal)} | ${cell(row.modal)} |`);
  return out.join('\n') + '\n';
}
