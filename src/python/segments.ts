// Splits Python source into top-level statements with a light lexical scan (strings, brackets,
// comments, backslash continuations), so that a very large file can be parsed only where an
// extractor looks: imports, classes, small assignments and the named function. Positions in the
// partial tree stay those of the whole file (tree-sitter's included ranges).

import type Parser from 'tree-sitter';

export interface Segment {
  start: number;
  end: number;
  /** First word of the statement (`import`, `class`, `def`, `@`, a name...). */
  head: string;
  /** For `def`/`class` (also after decorators): the defined name. */
  name?: string;
}

/** Statements bigger than this are skipped in large files unless they define a kept name or a class. */
const SMALL_SEGMENT_CHARS = 64 * 1024;
const CONTINUATION_HEADS = new Set(['else', 'elif', 'except', 'finally', 'case']);

/** Top-level statement boundaries (character offsets). */
export function topLevelSegments(text: string): Segment[] {
  const starts: number[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  let lineStart = true;
  let continued = false;
  while (i < n) {
    const ch = text[i]!;
    if (lineStart) {
      lineStart = false;
      if (depth === 0 && !continued && ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '#' && ch !== '\f') starts.push(i);
      continued = false;
    }
    if (ch === '\n') { lineStart = true; i++; continue; }
    if (ch === '#') { while (i < n && text[i] !== '\n') i++; continue; }
    if (ch === '\\') { if (text[i + 1] === '\n') continued = true; else if (text[i + 1] === '\r' && text[i + 2] === '\n') { continued = true; i++; } i += 2; if (continued) lineStart = true; continue; }
    if (ch === '(' || ch === '[' || ch === '{') { depth++; i++; continue; }
    if (ch === ')' || ch === ']' || ch === '}') { if (depth > 0) depth--; i++; continue; }
    if (ch === '"' || ch === "'") { i = skipString(text, i); continue; }
    i++;
  }
  const segments: Segment[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]! : n;
    segments.push(describe(text, start, end));
  }
  return mergeDependent(segments);
}

/** Index just past the string literal that opens at `i`. Prefixes are ordinary letters before it. */
function skipString(text: string, i: number): number {
  const q = text[i]!;
  const raw = isRawPrefix(text, i);
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
  void raw; // a raw string still cannot end in an odd backslash before its quote, so the rule is the same
  return n;
}

function isRawPrefix(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /[a-zA-Z]/.test(text[k]!)) {
    if (text[k] === 'r' || text[k] === 'R') return true;
    k--;
  }
  return false;
}

function describe(text: string, start: number, end: number): Segment {
  const m = /^(@|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(start, Math.min(end, start + 200)));
  const head = m ? m[1]! : text[start]!;
  const seg: Segment = { start, end, head };
  const def = /^(?:async\s+)?(?:def|class)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(start, Math.min(end, start + 300)));
  if (def) seg.name = def[1]!;
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

function isRelevant(seg: Segment, keep: ReadonlySet<string>): boolean {
  if (seg.head === 'import' || seg.head === 'from' || seg.head === 'class') return true;
  if (seg.name !== undefined && keep.has(seg.name)) return true;
  return seg.end - seg.start <= SMALL_SEGMENT_CHARS;
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

/** Ranges to parse in a large file, and how much was left out. */
export function relevantRanges(text: string, keepNames: readonly string[]): { ranges: Parser.Range[]; skippedChars: number } {
  const keep = new Set(keepNames);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const ranges: Parser.Range[] = [];
  let skipped = 0;
  let last: Parser.Range | undefined;
  for (const seg of topLevelSegments(text)) {
    if (!isRelevant(seg, keep)) { skipped += seg.end - seg.start; continue; }
    if (last && last.endIndex === seg.start) {
      last.endIndex = seg.end;
      last.endPosition = pointAt(lineStarts, seg.end);
      continue;
    }
    last = { startIndex: seg.start, endIndex: seg.end, startPosition: pointAt(lineStarts, seg.start), endPosition: pointAt(lineStarts, seg.end) };
    ranges.push(last);
  }
  return { ranges, skippedChars: skipped };
}
