// Splits Python source into top-level statements with a light lexical scan (strings, brackets,
// comments, backslash continuations), so that a very large file can be parsed only where an
// extractor looks: imports, classes, small assignments and the named function. Positions in the
// partial tree stay those of the whole file (tree-sitter's included ranges).

import type Parser from 'tree-sitter';
import { pushAll } from '../util/push-all.js';

export interface Segment {
  start: number;
  end: number;
  /** First word of the statement (`import`, `class`, `def`, `@`, a name...). */
  head: string;
  /** For `def`/`class` (also after decorators) and `NAME = ...`: the defined name. */
  name?: string;
  /** The statement is a simple assignment to `name`. */
  assigns?: boolean;
}

/** Statements bigger than this are skipped in large files unless they define a kept name or a class. */
const SMALL_SEGMENT_CHARS = 64 * 1024;
const CONTINUATION_HEADS = new Set(['else', 'elif', 'except', 'finally', 'case']);

/** Top-level statement boundaries (character offsets). */
export function topLevelSegments(text: string): Segment[] {
  return segmentsAt(text, 0, text.length, 0);
}

/**
 * Statements of one block: those starting at exactly `indent` columns within [from, to), outside
 * strings and brackets and not continued by a backslash.
 */
export function segmentsAt(text: string, from: number, to: number, indent: number): Segment[] {
  const starts: number[] = [];
  let depth = 0;
  let i = from;
  let lineStart = true;
  let continued = false;
  while (i < to) {
    if (lineStart) {
      lineStart = false;
      let k = i;
      while (k < to && (text[k] === ' ' || text[k] === '\t')) k++;
      const c = text[k];
      // A statement starts at its line start, indentation included: the Python scanner measures
      // indentation from the characters it is given.
      if (depth === 0 && !continued && k - i === indent && c !== undefined && c !== '\n' && c !== '\r' && c !== '#' && c !== '\f') starts.push(i);
      continued = false;
      i = k;
      continue;
    }
    const ch = text[i]!;
    if (ch === '\n') { lineStart = true; i++; continue; }
    if (ch === '#') { while (i < to && text[i] !== '\n') i++; continue; }
    if (ch === '\\') {
      if (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n')) { continued = true; lineStart = true; i += text[i + 1] === '\n' ? 2 : 3; continue; }
      i += 2;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') { depth++; i++; continue; }
    if (ch === ')' || ch === ']' || ch === '}') { if (depth > 0) depth--; i++; continue; }
    if (ch === '"' || ch === "'") { i = skipString(text, i); continue; }
    i++;
  }
  const segments: Segment[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]! : to;
    segments.push(describe(text, start, trimTrailingBlankLines(text, start, end)));
  }
  return mergeDependent(segments);
}

/** Blank lines after a statement are not part of it (after blankComments, neither are comments). */
function trimTrailingBlankLines(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '\n' || text[e - 1] === '\r' || text[e - 1] === '\f')) e--;
  const nl = text.indexOf('\n', e);
  return nl < 0 || nl >= end ? end : nl + 1;
}

/** Index just past the string literal that opens at `i`. Prefixes are ordinary letters before it. */
export function skipString(text: string, i: number): number {
  // Raw strings follow the same rule: a backslash still keeps the next quote from ending them.
  const q = text[i]!;
  const triple = text[i + 1] === q && text[i + 2] === q;
  let j = i + (triple ? 3 : 1);
  const n = text.length;
  while (j < n) {
    const c = text[j]!;
    if (c === '\\') { j += 2; continue; }
    if (!triple && c === '\n') return j; // unterminated: let the parser report it
    if (c === q) {
      if (!triple) return j + 1;
      if (text[j + 1] === q && text[j + 2] === q) return j + 3;
    }
    j++;
  }
  return n;
}

function describe(text: string, start: number, end: number): Segment {
  const head300 = text.slice(start, Math.min(end, start + 300)).replace(/^[ \t]+/, '');
  const m = /^(@|[A-Za-z_][A-Za-z0-9_]*)/.exec(head300);
  const head = m ? m[1]! : head300[0] ?? '';
  const seg: Segment = { start, end, head };
  const def = /^(?:async\s+)?(?:def|class)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(head300);
  if (def) seg.name = def[1]!;
  else {
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=[^=]/.exec(head300);
    if (assign) { seg.name = assign[1]!; seg.assigns = true; }
  }
  return seg;
}

/** Decorators belong to the definition after them; `else:`/`except:` to the statement before. */
function mergeDependent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let pendingDecorator: Segment | undefined;
  for (const seg of segments) {
    if (pendingDecorator) {
      const merged: Segment = { start: pendingDecorator.start, end: seg.end, head: seg.head === '@' ? '@' : seg.head };
      const name = seg.name ?? pendingDecorator.name;
      if (name) merged.name = name;
      if (seg.head === '@') { pendingDecorator = merged; continue; }
      pendingDecorator = undefined;
      out.push(merged);
      continue;
    }
    if (seg.head === '@') { pendingDecorator = seg; continue; }
    const prev = out[out.length - 1];
    if (prev && CONTINUATION_HEADS.has(seg.head)) { prev.end = seg.end; continue; }
    out.push(seg);
  }
  if (pendingDecorator) out.push(pendingDecorator);
  return out;
}

function pointAt(lineStarts: number[], index: number): Parser.Point {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= index) lo = mid; else hi = mid - 1;
  }
  return { row: lo, column: index - lineStarts[lo]! };
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

function addIdentifiers(text: string, from: number, to: number, into: Set<string>): void {
  IDENT.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(IDENT)) into.add(m[0]);
}

/**
 * Ranges to parse in a large file, and how much was left out. Kept: imports (also inside
 * if/try blocks), the definitions named in `keepNames`, and, transitively, every top-level
 * class, function or constant whose name the kept text mentions. Inside a big kept class only
 * the header, the methods named in `keepMembers` and the non-method statements are kept.
 */
export function relevantRanges(text: string, keepNames: readonly string[], keepMembers: readonly string[] = []): { ranges: Parser.Range[]; skippedChars: number } {
  const segments = topLevelSegments(text);
  const kept: { start: number; end: number }[] = [];
  const mentioned = new Set<string>(keepNames);
  const members = new Set(keepMembers);
  const isKept = new Array<boolean>(segments.length).fill(false);
  const keep = (i: number) => {
    isKept[i] = true;
    const seg = segments[i]!;
    const pieces = seg.assigns ? [{ start: seg.start, end: seg.end }] : reducedPieces(text, seg, members);
    for (const p of pieces) {
      kept.push(p);
      addIdentifiers(text, p.start, p.end, mentioned);
    }
  };
  // With nothing named (a module imported by the predictor), its classes are what is looked up.
  if (keepNames.length === 0) for (const seg of segments) if (seg.head === 'class' && seg.name) mentioned.add(seg.name);
  segments.forEach((seg, i) => {
    if (seg.head === 'import' || seg.head === 'from') keep(i);
    else if (!seg.name && seg.end - seg.start <= SMALL_SEGMENT_CHARS && /\bimport\b/.test(text.slice(seg.start, seg.end))) keep(i);
  });
  // Only the last module-level assignment of a name is what a lookup sees.
  const lastAssign = new Map<string, number>();
  segments.forEach((seg, i) => { if (seg.assigns && seg.name) lastAssign.set(seg.name, i); });
  for (let changed = true; changed;) {
    changed = false;
    segments.forEach((seg, i) => {
      if (isKept[i] || !seg.name || !mentioned.has(seg.name)) return;
      if (seg.assigns && lastAssign.get(seg.name) !== i) return;
      keep(i);
      changed = true;
    });
  }
  kept.sort((a, b) => a.start - b.start);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const ranges: Parser.Range[] = [];
  let covered = 0;
  let last: Parser.Range | undefined;
  for (const p of kept) {
    covered += p.end - p.start;
    if (last && last.endIndex === p.start) {
      last.endIndex = p.end;
      last.endPosition = pointAt(lineStarts, p.end);
      continue;
    }
    last = { startIndex: p.start, endIndex: p.end, startPosition: pointAt(lineStarts, p.start), endPosition: pointAt(lineStarts, p.end) };
    ranges.push(last);
  }
  return { ranges, skippedChars: text.length - covered };
}

/**
 * A big kept statement, reduced: a class keeps its header, the methods named in `members`
 * (themselves reduced) and its small non-method statements; a function keeps its signature and
 * the first small statement of its body (enough for a valid parse: inputs live in the signature).
 */
function reducedPieces(text: string, seg: Segment, members: ReadonlySet<string>): { start: number; end: number }[] {
  if (seg.end - seg.start <= SMALL_SEGMENT_CHARS) return [{ start: seg.start, end: seg.end }];
  const body = bodyStart(text, seg);
  if (!body) return [{ start: seg.start, end: seg.end }];
  const inner = segmentsAt(text, body.start, seg.end, body.indent);
  const pieces = [{ start: seg.start, end: body.start }];
  if (!isClassSegment(text, seg)) {
    const first = inner.find((s) => s.end - s.start <= SMALL_SEGMENT_CHARS) ?? inner[0];
    if (first) pieces.push({ start: first.start, end: first.end });
    return pieces;
  }
  for (const s of inner) {
    const isDef = s.name !== undefined && !s.assigns;
    if (isDef && members.has(s.name!)) pushAll(pieces, reducedPieces(text, s, new Set()));
    else if (!isDef && s.end - s.start <= SMALL_SEGMENT_CHARS) pieces.push({ start: s.start, end: s.end });
  }
  if (pieces.length === 1 && inner[0]) pieces.push({ start: inner[0].start, end: inner[0].end });
  return pieces;
}

function isClassSegment(text: string, seg: Segment): boolean {
  return seg.head === 'class' || (seg.head === '@' && /^[ \t]*class\s/m.test(text.slice(seg.start, Math.min(seg.end, seg.start + 2000))));
}

/** Where the first body statement of a def/class starts (its line start) and its indentation. */
function bodyStart(text: string, seg: Segment): { start: number; indent: number } | undefined {
  // The header ends at the first colon outside brackets and strings after `def`/`class`.
  let depth = 0;
  const kw = /^[ \t]*(?:async[ \t]+)?(?:def|class)\s/m.exec(text.slice(seg.start, Math.min(seg.end, seg.start + 100_000)));
  if (!kw) return undefined;
  let i = seg.start + kw.index + kw[0].length;
  for (; i < seg.end; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === '"' || ch === "'") { i = skipString(text, i) - 1; continue; }
    else if (ch === '#') { while (i < seg.end && text[i] !== '\n') i++; }
    else if (ch === ':' && depth === 0) break;
  }
  const nl = text.indexOf('\n', i);
  if (nl < 0 || nl >= seg.end) return undefined; // a one-line body
  if (text.slice(i + 1, nl).replace(/#.*/, '').trim()) return undefined; // `def f(): return 1`
  for (let j = nl + 1; j < seg.end;) {
    let k = j;
    while (k < seg.end && (text[k] === ' ' || text[k] === '\t')) k++;
    const c = text[k];
    if (c !== '\n' && c !== '\r' && c !== '#' && c !== undefined) return { start: j, indent: k - j };
    const next = text.indexOf('\n', k);
    if (next < 0) return undefined;
    j = next + 1;
  }
  return undefined;
}
