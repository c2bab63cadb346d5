// A cog-safe-push config file as a YAML document with positions, and typed reads of its nodes
// that record a finding (file, line, the field's YAML path) instead of throwing. The field
// rules are cog-safe-push's own: its pydantic models forbid unknown fields everywhere.

import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { finding } from '../../findings/finding.js';
import type { Finding } from '../../findings/types.js';
import type { SourceLocation } from '../../ir/types.js';

/** cog-safe-push configs are a few KB; anything near this is not one a person wrote. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

export interface ConfigCtx {
  file: string;
  lines: LineCounter;
  findings: Finding[];
}

export function locOf(ctx: ConfigCtx, node: unknown): SourceLocation {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return { file: ctx.file, line: 1, column: 1 };
  const pos = ctx.lines.linePos(range[0]);
  return { file: ctx.file, line: pos.line, column: pos.col };
}

export function report(ctx: ConfigCtx, code: string, message: string, node: unknown): void {
  ctx.findings.push(finding(code, message, locOf(ctx, node)));
}

/** Parses the text; the top-level mapping, or undefined with a CM180 finding. */
export function parseConfig(ctx: ConfigCtx, text: string): YAMLMap | undefined {
  const doc = parseDocument(text, { lineCounter: ctx.lines, prettyErrors: true, merge: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    ctx.findings.push(finding('CM180', `${ctx.file}: ${first.message.split('\n')[0] ?? first.message}`, { file: ctx.file, line: pos?.line ?? 1, column: pos?.col ?? 1 }));
    return undefined;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    ctx.findings.push(finding('CM180', `${ctx.file}: ${(e as Error).message}`, { file: ctx.file, line: 1, column: 1 }));
    return undefined;
  }
  if (!isMap(doc.contents)) {
    ctx.findings.push(finding('CM180', `${ctx.file} must be a YAML mapping (key: value lines)`, locOf(ctx, doc.contents)));
    return undefined;
  }
  return doc.contents;
}

export interface Field {
  key: string;
  value: unknown;
  keyNode: unknown;
}

/**
 * The fields of a mapping, by name. Fields not in `known` get CM183 with the closest known
 * name; a repeated key is reported too (YAML parsing already refuses most).
 */
export function fields(ctx: ConfigCtx, map: YAMLMap, known: readonly string[], path: string): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!known.includes(key)) {
      const near = closest(key, known);
      report(ctx, 'CM183', `${path}${key} is not a cog-safe-push field${near ? ` (did you mean ${path}${near}?)` : ''}`, pair.key);
      continue;
    }
    out.set(key, { key, value: pair.value, keyNode: pair.key });
  }
  return out;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

function wrongType(ctx: ConfigCtx, path: string, expected: string, node: unknown): undefined {
  const got = isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : isScalar(node) ? JSON.stringify(node.value) : 'nothing';
  report(ctx, 'CM184', `${path} must be ${expected}, not ${got}`, node);
  return undefined;
}

/** A string field; YAML null (`key:` with no value) counts as absent, as pydantic's None does. */
export function str(ctx: ConfigCtx, f: Field | undefined, path: string): string | undefined {
  if (!f || (isScalar(f.value) && f.value.value === null)) return undefined;
  if (isScalar(f.value) && typeof f.value.value === 'string') return f.value.value;
  return wrongType(ctx, path, 'a string', f.value ?? f.keyNode);
}

/** An int field: pydantic's lax mode also takes integral floats and digit strings. */
export function int(ctx: ConfigCtx, f: Field | undefined, path: string): number | undefined {
  if (!f || (isScalar(f.value) && f.value.value === null)) return undefined;
  const v = isScalar(f.value) ? f.value.value : undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return wrongType(ctx, path, 'an integer', f.value ?? f.keyNode);
}

const TRUE = new Set(['true', 'yes', 'on', 'y', 't', '1']);
const FALSE = new Set(['false', 'no', 'off', 'n', 'f', '0']);

/** A bool field, with the strings and 0/1 pydantic's lax mode accepts. */
export function bool(ctx: ConfigCtx, f: Field | undefined, path: string): boolean | undefined {
  if (!f || (isScalar(f.value) && f.value.value === null)) return undefined;
  const v = isScalar(f.value) ? f.value.value : undefined;
  if (typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v.toLowerCase() : typeof v === 'number' ? String(v) : undefined;
  if (s !== undefined && TRUE.has(s)) return true;
  if (s !== undefined && FALSE.has(s)) return false;
  return wrongType(ctx, path, 'true or false', f.value ?? f.keyNode);
}

export function mapping(ctx: ConfigCtx, f: Field | undefined, path: string): YAMLMap | undefined {
  if (!f || (isScalar(f.value) && f.value.value === null)) return undefined;
  if (isMap(f.value)) return f.value;
  return wrongType(ctx, path, 'a mapping', f.value ?? f.keyNode);
}

export function list(ctx: ConfigCtx, f: Field | undefined, path: string): unknown[] | undefined {
  if (!f || (isScalar(f.value) && f.value.value === null)) return undefined;
  if (isSeq(f.value)) return f.value.items;
  return wrongType(ctx, path, 'a list', f.value ?? f.keyNode);
}

export { isMap, isScalar, isSeq };
