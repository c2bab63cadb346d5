// Human-readable spellings of IR values, in Cog's own (Python) words, for reports and messages.

import type { Input, IrType, StaticValue } from './types.js';

export function describeType(t: IrType): string {
  switch (t.kind) {
    case 'str': case 'int': case 'float': case 'bool': return t.kind;
    case 'dict': return t.values ? `Dict[str, ${describeType(t.values)}]` : 'dict';
    case 'path': return 'Path';
    case 'file': return 'File';
    case 'secret': return 'Secret';
    case 'any': return 'Any';
    case 'list': return `List[${describeType(t.items)}]`;
    case 'optional': return `Optional[${describeType(t.inner)}]`;
    case 'iterator': return `Iterator[${describeType(t.items)}]`;
    case 'concatenateIterator': return `ConcatenateIterator[${describeType(t.items)}]`;
    case 'asyncIterator': return `AsyncIterator[${describeType(t.items)}]`;
    case 'asyncConcatenateIterator': return `AsyncConcatenateIterator[${describeType(t.items)}]`;
    case 'object': return t.name;
  }
}

export function describeValue(v: StaticValue | 'required'): string {
  if (v === 'required') return 'required';
  if (v.kind === 'source') return `${v.text} (not a literal)`;
  return JSON.stringify(v.value);
}

/** `ge=0, le=1, choices=[...]` as the user wrote them in `Input(...)`. */
export function describeConstraints(i: Input): string {
  const parts: string[] = [];
  if (i.ge !== undefined) parts.push(`ge=${i.ge}`);
  if (i.le !== undefined) parts.push(`le=${i.le}`);
  if (i.minLength !== undefined) parts.push(`min_length=${i.minLength}`);
  if (i.maxLength !== undefined) parts.push(`max_length=${i.maxLength}`);
  if (i.regex !== undefined) parts.push(`regex=${JSON.stringify(i.regex)}`);
  if (i.choices !== undefined) parts.push(`choices=${describeValue(i.choices)}`);
  if (i.deprecated) parts.push('deprecated=True');
  return parts.join(', ');
}
