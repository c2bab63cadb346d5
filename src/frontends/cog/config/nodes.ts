// Typed reads of YAML nodes with positions. Each reader returns undefined (and records a
// finding naming the YAML path and line) when the value has the wrong type, so callers fall
// back to Cog's default instead of throwing. Aliases are followed through the document.

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { finding } from '../../../findings/finding.js';
import type { Finding } from '../../../findings/types.js';
import type { SourceLocation } from '../../../ir/types.js';
import { COG_YAML } from './yaml-source.js';
import { pushAll } from '../../../util/push-all.js';

export interface Ctx {
  root: string;
  /** cog.yaml text as parsed (docstring blanked), for reading scalars as written. */
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  findings: Finding[];
  /** YAML paths already reported as unknown/removed, so each is reported once. */
  reported: Set<string>;
}

export function add(ctx: Ctx, code: string, message: string, loc?: SourceLocation, extra?: Parameters<typeof finding>[3]): void {
  ctx.findings.push(finding(code, message, loc, extra));
}

/** Follows an alias to the node it names (one step: anchors cannot point at aliases). */
export function deref(ctx: Ctx, node: unknown): unknown {
  if (isAlias(node)) return node.resolve(ctx.doc);
  return node;
}

export function locOf(ctx: Ctx, node: unknown, fallback?: SourceLocation): SourceLocation {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return fallback ?? { file: COG_YAML, line: 1, column: 1 };
  const pos = ctx.lines.linePos(range[0]);
  return { file: COG_YAML, line: pos.line, column: pos.col };
}

/** The key text of a mapping pair, as written. */
export function keyText(ctx: Ctx, pair: Pair): string {
  const key = deref(ctx, pair.key);
  if (isScalar(key)) return key.value === null ? '' : scalarText(ctx, key);
  return String(key);
}

export interface Entry {
  key: string;
  pair: Pair;
  value: unknown;
  keyLoc: SourceLocation;
}

/** Merge keys nest at most this deep (anchors cannot recurse, so this is a second guard). */
const MAX_MERGE_DEPTH = 10;

/**
 * Pairs of a mapping with their key text. `<<: *anchor` merge keys are expanded as YAML 1.1
 * (and Cog) do: the mapping's own keys win, then earlier merged mappings over later ones.
 */
export function entries(ctx: Ctx, map: YAMLMap, depth = 0): Entry[] {
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    const key = keyText(ctx, pair);
    if (key === '<<' && depth < MAX_MERGE_DEPTH) {
      const value = deref(ctx, pair.value);
      const sources = isSeq(value) ? value.items.map((item) => deref(ctx, item)) : [value];
      for (const source of sources) {
        if (isMap(source)) pushAll(merged, entries(ctx, source, depth + 1));
        else add(ctx, 'CM113', `<< must merge a mapping (or a list of mappings), not ${describe(ctx, source)}`, locOf(ctx, source, locOf(ctx, pair.key)));
      }
      continue;
    }
    own.push({ key, pair, value: deref(ctx, pair.value), keyLoc: locOf(ctx, pair.key) });
  }
  const seen = new Set(own.map((e) => e.key));
  for (const entry of merged) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    own.push(entry);
  }
  return own;
}

/** The text of a scalar as a string: as written for plain numbers/booleans ("3.10", "11.0"). */
export function scalarText(ctx: Ctx, node: { value: unknown; type?: string; range?: [number, number, number] | null }): string {
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'PLAIN' && node.range) return ctx.text.slice(node.range[0], node.range[1]).trim();
  return String(node.value);
}

export function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

const TYPE_NAMES: Record<string, string> = { string: 'a string', boolean: 'true or false', list: 'a list', mapping: 'a mapping', integer: 'a whole number' };

export function describe(ctx: Ctx, node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    const text = scalarText(ctx, node);
    return `${typeof node.value === 'string' ? 'the string' : typeof node.value} ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '...' : text)}`;
  }
  return 'an unexpected value';
}

export function wrongType(ctx: Ctx, path: string, node: unknown, expected: keyof typeof TYPE_NAMES, fallback?: SourceLocation): void {
  add(ctx, 'CM113', `${path} must be ${TYPE_NAMES[expected]}, not ${describe(ctx, node)}`, locOf(ctx, node, fallback));
}

/**
 * A string-typed key. Plain scalars that YAML reads as numbers or booleans are taken as
 * written (Cog's Go decoder does the same for string fields); mappings and lists are errors.
 */
export function readString(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): string | undefined {
  if (isNullish(node)) return undefined;
  if (isScalar(node)) return scalarText(ctx, node);
  wrongType(ctx, path, node, 'string', fallback);
  return undefined;
}

const YAML11_TRUE = new Set(['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']);
const YAML11_FALSE = new Set(['no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N']);

export function readBool(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): boolean | undefined {
  if (isNullish(node)) return undefined;
  if (isScalar(node)) {
    if (typeof node.value === 'boolean') return node.value;
    if (node.type === 'PLAIN' && typeof node.value === 'string') {
      if (YAML11_TRUE.has(node.value) || YAML11_FALSE.has(node.value)) {
        const value = YAML11_TRUE.has(node.value);
        add(ctx, 'CM114', `${path}: ${node.value} was read as ${value}`, locOf(ctx, node));
        return value;
      }
    }
  }
  wrongType(ctx, path, node, 'boolean', fallback);
  return undefined;
}

export function readInt(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): number | undefined {
  if (isNullish(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
  wrongType(ctx, path, node, 'integer', fallback);
  return undefined;
}

/** A list key: `key:` with nothing (or only comments) under it is an empty list, as in Cog. */
export function readSeq(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): YAMLSeq | undefined {
  if (isNullish(node)) return undefined;
  if (isSeq(node)) return node;
  wrongType(ctx, path, node, 'list', fallback);
  return undefined;
}

export function readMap(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): YAMLMap | undefined {
  if (isNullish(node)) return undefined;
  if (isMap(node)) return node;
  wrongType(ctx, path, node, 'mapping', fallback);
  return undefined;
}

/** Items of a list of strings with their locations; wrong-typed items are reported and skipped. */
export function readStringList(ctx: Ctx, path: string, node: unknown, fallback?: SourceLocation): { value: string; loc: SourceLocation; node: unknown }[] {
  const seq = readSeq(ctx, path, node, fallback);
  if (!seq) return [];
  const out: { value: string; loc: SourceLocation; node: unknown }[] = [];
  seq.items.forEach((raw, i) => {
    const item = deref(ctx, raw);
    if (isNullish(item)) return;
    const value = readString(ctx, `${path}[${i}]`, item, locOf(ctx, seq));
    if (value !== undefined) out.push({ value, loc: locOf(ctx, item, locOf(ctx, seq)), node: item });
  });
  return out;
}

/**
 * Reports a key that is unknown at its level, once per YAML path. `removed` is the sentence
 * for keys older Cog releases accepted; `known` (the keys valid there) gives a spelling hint.
 */
export function reportKey(ctx: Ctx, path: string, loc: SourceLocation, removed?: string, known?: Iterable<string>): void {
  if (ctx.reported.has(path)) return;
  ctx.reported.add(path);
  if (removed) {
    add(ctx, 'CM111', `${path}: ${removed}`, loc);
    return;
  }
  const key = path.slice(path.lastIndexOf('.') + 1);
  const near = known ? closest(key, known) : undefined;
  add(ctx, 'CM110', `unknown key ${path}${near ? ` (did you mean ${near}?)` : ''}`, loc);
}

/** The known key within edit distance 2 of `key`, if exactly one is nearest. */
function closest(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 3;
}
