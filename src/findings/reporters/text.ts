import type { Finding } from '../types.js';
import { oneLine } from './escape.js';

/** `file:line:col: severity CODE message` plus an indented hint: what a terminal user reads. */
export function formatFindingText(f: Finding): string {
  const where = f.file ? `${oneLine(f.file)}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: ` : '';
  const target = f.target ? ` [${f.target}]` : '';
  const head = `${where}${f.severity} ${f.code}${target}: ${oneLine(f.message)}`;
  return f.hint ? `${head}\n    hint: ${oneLine(f.hint)}` : head;
}

export function renderFindingsText(findings: readonly Finding[]): string {
  return findings.map(formatFindingText).join('\n');
}

export function summarizeFindings(findings: readonly Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`;
}
