// pip requirement lines -> PythonRequirement, as pip reads a requirements file: backslash
// continuations joined, `#` comments (at line start or after whitespace) dropped, then each
// logical line classified as an option, an editable, a URL, a local file, or a PEP 508
// requirement. Everything is kept verbatim (`raw`, `specifier`, `marker`, `url`, `option`)
// so a target can write the same line back; only `name` is normalised.

import type { PythonRequirement, SourceLocation } from '../../../ir/types.js';

export interface LogicalLine {
  /** Comment-free, trimmed text; continuations joined. */
  text: string;
  /** 1-based line and column of the first character of `text` in the file. */
  line: number;
  column: number;
}

/** pip's comment rule: `#` at the start or after whitespace; `url#egg=x` is not a comment. */
export function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return (m ? line.slice(0, m.index) : line).trim();
}

export function splitRequirementLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  let buffer = '';
  let startLine = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? '';
    if (buffer === '') startLine = i + 1;
    // A whole-line comment ends a continuation rather than joining onto it, as in pip.
    const isComment = /^\s*#/.test(line);
    if (!isComment && line.endsWith('\\')) {
      buffer += line.slice(0, -1);
      if (i < physical.length - 1) continue;
    } else {
      buffer += isComment && buffer !== '' ? '' : line;
    }
    const stripped = stripComment(buffer);
    if (stripped !== '') {
      const lead = buffer.length - buffer.trimStart().length;
      out.push({ text: stripped, line: startLine, column: lead + 1 });
    }
    buffer = '';
    // A comment line that closed a continuation still needs its own (empty) turn.
  }
  return out;
}

export interface ParsedRequirement {
  req: PythonRequirement;
  /** `-r FILE` / `--requirement FILE`: the caller reads FILE in place of this line. */
  include?: string;
  /** Why the line could not be read as a requirement; it is kept verbatim anyway. */
  problem?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const SPEC_CLAUSE = String.raw`\s*(?:===|~=|==|!=|<=|>=|<|>)\s*[^,;\s()]+\s*`;
const SPECIFIER = new RegExp(String.raw`^(?:\(${SPEC_CLAUSE}(?:,${SPEC_CLAUSE})*\)|${SPEC_CLAUSE}(?:,${SPEC_CLAUSE})*)$`);
const URL_START = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const VCS_START = /^(?:git|hg|svn|bzr)\+/;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Parses one logical line (already comment-free); never throws. */
export function parseRequirement(line: string, loc: SourceLocation): ParsedRequirement {
  const parsed = classify(line.trim(), loc);
  // loc last, so serialised requirements read raw, kind, name, ..., loc.
  const { loc: at, ...rest } = parsed.req;
  parsed.req = { ...rest, loc: at };
  return parsed;
}

function classify(raw: string, loc: SourceLocation): ParsedRequirement {
  if (raw.startsWith('-')) return parseOption(raw, loc);
  const [first = ''] = raw.split(/\s+/, 1);
  if (URL_START.test(first) || VCS_START.test(first)) {
    const req: PythonRequirement = { raw, kind: 'url', url: first, loc };
    const egg = eggName(first);
    if (egg) req.name = egg;
    Object.assign(req, splitTail(raw.slice(first.length)));
    return { req };
  }
  if (/^[./~]/.test(first) || first.includes('/') || first.includes('\\') || ARCHIVE.test(first)) {
    const req: PythonRequirement = { raw, kind: 'file', url: first, loc };
    Object.assign(req, splitTail(raw.slice(first.length)));
    return { req };
  }
  return parsePep508(raw, loc);
}

function parseOption(raw: string, loc: SourceLocation): ParsedRequirement {
  const include = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=[^\s-]))(\S.*)$/.exec(raw);
  if (include?.[1]) return { req: { raw, kind: 'option', option: raw, loc }, include: include[1].trim() };
  const editable = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S.*)$/.exec(raw);
  if (editable?.[1]) {
    const target = editable[1].trim();
    const req: PythonRequirement = { raw, kind: 'editable', url: target, loc };
    const egg = eggName(target);
    if (egg) req.name = egg;
    return { req };
  }
  return { req: { raw, kind: 'option', option: raw, loc } };
}

function eggName(url: string): string | undefined {
  const m = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
  return m?.[1] ? normalizeName(m[1]) : undefined;
}

function parsePep508(raw: string, loc: SourceLocation): ParsedRequirement {
  const nameMatch = NAME.exec(raw);
  if (!nameMatch?.[1]) return { req: { raw, kind: 'package', loc }, problem: 'it does not start with a package name' };
  const req: PythonRequirement = { raw, kind: 'package', name: normalizeName(nameMatch[1]), loc };
  let rest = raw.slice(nameMatch[1].length).trimStart();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { req, problem: 'its [extras] are not closed' };
    req.extras = rest.slice(1, close).split(',').map((e) => e.trim()).filter((e) => e !== '');
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    const afterAt = rest.slice(1).trimStart();
    const [url = ''] = afterAt.split(/\s+/, 1);
    if (url === '') return { req, problem: 'nothing follows @' };
    req.url = url;
    Object.assign(req, splitTail(afterAt.slice(url.length)));
    return { req };
  }
  const { before, marker, option } = splitMarkerAndOptions(rest);
  if (marker !== undefined) req.marker = marker;
  if (option !== undefined) req.option = option;
  if (before !== '') {
    req.specifier = before;
    if (!SPECIFIER.test(before)) return { req, problem: `${JSON.stringify(before)} is not a version specifier (e.g. ==1.2, >=1,<2)` };
  }
  return { req };
}

/** After a URL or path: an optional `; marker` and trailing per-requirement options. */
function splitTail(tail: string): Partial<PythonRequirement> {
  const { before, marker, option } = splitMarkerAndOptions(tail);
  const out: Partial<PythonRequirement> = {};
  if (marker !== undefined) out.marker = marker;
  if (option !== undefined) out.option = before !== '' ? `${before} ${option}`.trim() : option;
  else if (before !== '') out.option = before;
  return out;
}

/**
 * Splits `SPEC ; MARKER --opt value` into its parts. Options start at the first whitespace-
 * preceded dash outside quotes (pip allows `--hash`, `-f URL`, `--extra-index-url` after a
 * requirement, and people write them in cog.yaml package lists).
 */
function splitMarkerAndOptions(text: string): { before: string; marker?: string; option?: string } {
  let quote: string | undefined;
  let optionAt = -1;
  let markerAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ';' && markerAt < 0) markerAt = i;
    else if (ch === '-' && (i === 0 || /\s/.test(text[i - 1] ?? '')) && /[A-Za-z-]/.test(text[i + 1] ?? '')) {
      optionAt = i;
      break;
    }
  }
  const end = optionAt >= 0 ? optionAt : text.length;
  const option = optionAt >= 0 ? text.slice(optionAt).trim() : undefined;
  if (markerAt >= 0 && markerAt < end) {
    const marker = text.slice(markerAt + 1, end).trim();
    return { before: text.slice(0, markerAt).trim(), ...(marker !== '' ? { marker } : {}), ...(option ? { option } : {}) };
  }
  return { before: text.slice(0, end).trim(), ...(option ? { option } : {}) };
}
