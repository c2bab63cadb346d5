// wrangler.jsonc as data: a small printer for JSON with `//` comments before keys (the comments
// say where a person must act). Strings are written with tsStr, which is valid JSON.

import { tsNumber, tsStr } from '../../src/quote/index.js';

export type JsoncValue = string | number | boolean | JsoncValue[] | JsoncObject;
/** An object whose entries may carry comment lines, printed before the key. */
export interface JsoncObject {
  entries: { key: string; value: JsoncValue; comment?: string[] }[];
}

export const obj = (...entries: JsoncObject['entries']): JsoncObject => ({ entries });

function print(v: JsoncValue, indent: string): string {
  if (typeof v === 'string') return tsStr(v);
  if (typeof v === 'number') return tsNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => typeof x !== 'object')) return `[${v.map((x) => print(x, inner)).join(', ')}]`;
    return `[\n${v.map((x) => `${inner}${print(x, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (v.entries.length === 0) return '{}';
  const lines = v.entries.map((e) => {
    const comments = (e.comment ?? []).map((c) => `${inner}// ${c}\n`).join('');
    return `${comments}${inner}${tsStr(e.key)}: ${print(e.value, inner)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

export function printJsonc(header: string[], value: JsoncObject): string {
  return `${header.map((h) => `// ${h}\n`).join('')}${print(value, '')}\n`;
}
