// The text a reviewer reads for a list of schema changes.
import { oneLine } from '../../findings/reporters/escape.js';
import type { SchemaChange } from './types.js';

export function renderChangesText(changes: readonly SchemaChange[]): string {
  if (changes.length === 0) return 'No schema changes.';
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = changes.map((c) => `${c.breaking ? 'BREAKING  ' : 'compatible'} ${c.mode === 'train' ? '[train] ' : ''}${oneLine(c.message)}  (${c.kind})`);
  lines.push(`${breaking} breaking, ${changes.length - breaking} compatible change(s).`);
  return lines.join('\n');
}
