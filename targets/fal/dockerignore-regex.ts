// A project's .dockerignore as fal's `app_files_ignore`: Python regular expressions that fal
// 1.83 applies with `re.search` to each file's path relative to app.py's folder (fal/file_sync.py,
// FileSync._matches_patterns), a match leaving the file out of the upload. Docker's rules
// (moby/patternmatcher, src/fs/docker-pattern.ts) differ in three ways, each translated here:
//   - a pattern matches a path or any folder above it (MatchesOrParentMatches): every expression
//     ends in `(?:/|\Z)`, "here the path or one of its folders ends";
//   - Docker takes plain string tests as shortcuts for some patterns (`a/**` is "starts with
//     a/", `**/x` "ends with /x or is x"): those are translated as the tests they are, not as the
//     expression Docker would otherwise build;
//   - the last matching pattern wins and `!` re-includes, while fal's list can only exclude: a
//     pattern followed by exceptions becomes one expression that refuses what a later exception
//     matches (negative lookaheads at the start of the path).
// What has no exact Python form (a Go escape such as `\d`, a bracket expression Go reads
// differently) is reported instead of guessed, and left out so that fal uploads more, never less.

import type { DockerignoreLine } from '../../src/ir/types.js';
import { compileDockerPattern, patternForm, type PatternPiece } from '../../src/fs/docker-pattern.js';


/** One entry of app_files_ignore, from the .dockerignore line it translates. */
export interface IgnoreExpression {
  regex: string;
  line: number;
  pattern: string;
}

/** A pattern left out of app_files_ignore, and why. `dropped`: the lines of earlier patterns
 * also left out because this exception could not be expressed. */
export interface Untranslated {
  line: number;
  pattern: string;
  why: string;
  dropped: number[];
}

export interface Translation {
  expressions: IgnoreExpression[];
  untranslated: Untranslated[];
  /** Set when the expressions passed the budget: how many characters they had reached (none are given). */
  oversize?: number;
}

/** Python's `re.escape` for one character, as far as an expression without flags needs it. */
function pyChar(ch: string): string {
  return /[.^$*+?{}[\]\\|()]/.test(ch) ? `\\${ch}` : ch;
}

const pyText = (text: string): string => Array.from(text).map(pyChar).join('');

/** Where the path, or one of its folders, ends. */
const BOUNDARY = String.raw`(?:/|\Z)`;

type Expr = { source: string; anchored: boolean } | { why: string };

/** Docker's `[...]` as a Python class: only plain characters and ranges, which both read alike. */
function bracketClass(pieces: readonly PatternPiece[], start: number): { source: string; end: number } | { why: string } {
  let content = '';
  for (let i = start + 1; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind === 'bracket' && p.ch === ']') {
      if (content === '' || content === '^' || /--|&&|~~|\|\|/.test(content)) break;
      return { source: `[${content}]`, end: i };
    }
    if (p.kind !== 'lit' || p.ch === '[' || p.ch === '\\') break;
    content += p.ch;
  }
  return { why: 'its bracket expression holds wildcards, escapes or nested brackets, which Go and Python read differently' };
}

function regexpBody(pieces: readonly PatternPiece[]): { source: string } | { why: string } {
  let source = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    switch (p.kind) {
      case 'lit':
        // Docker leaves `^` to Go as an anchor, which Python's `^` is too (without MULTILINE).
        if (p.ch === '^') source += '^';
        else if (p.ch === '\\') return { why: 'it ends in a lone backslash' };
        else source += pyChar(p.ch);
        break;
      case 'escape':
        if (!/^[!-/:-@[-`{-~]$/.test(p.ch)) return { why: `\`\\${p.ch}\` is a Go regular-expression escape, not a plain character` };
        source += pyChar(p.ch);
        break;
      case 'bracket': {
        if (p.ch === ']') {
          source += '\\]';
          break;
        }
        const cls = bracketClass(pieces, i);
        if ('why' in cls) return cls;
        source += cls.source;
        i = cls.end;
        break;
      }
      case 'star': source += '[^/]*'; break;
      case 'any': source += '[^/]'; break;
      case 'globstar': source += '(?:.*/)?'; break;
      case 'tail': source += '.*'; break;
    }
  }
  return { source };
}

/** A pattern (cleaned, no `!`) as a Python expression true for a path it or a folder above it matches. */
function expression(text: string): Expr {
  const form = patternForm(text);
  switch (form.kind) {
    case 'exact': return { source: `^${pyText(form.text)}${BOUNDARY}`, anchored: true };
    case 'prefix': return { source: `^${pyText(form.prefix)}`, anchored: true };
    case 'suffix':
      if (form.suffix === '') return { source: '^', anchored: true };
      if (form.suffix.startsWith('/')) return { source: `(?:^|/)${pyText(form.suffix.slice(1))}${BOUNDARY}`, anchored: false };
      return { source: `${pyText(form.suffix)}${BOUNDARY}`, anchored: false };
    case 'regexp': {
      const body = regexpBody(form.pieces);
      return 'why' in body ? body : { source: `^${body.source}${BOUNDARY}`, anchored: true };
    }
  }
}

/** The expression's test from the start of the path, for use after `^` (and in a lookahead). */
function fromStart(e: { source: string; anchored: boolean }): string {
  return e.anchored ? e.source.slice(1) : `(?s:.*?)${e.source}`;
}

/** The .dockerignore lines as fal ignore expressions. Patterns Docker refuses are skipped (the
 * conversion reports them, CM013). Past `maxChars` characters of expressions the translation
 * stops and says so (`oversize`): each pattern carries the lookaheads of every exception after
 * it, so a generated file of thousands of rules would otherwise cost quadratic time and memory. */
export function dockerignoreToRegexes(lines: readonly DockerignoreLine[], maxChars = Number.POSITIVE_INFINITY): Translation {
  const read = lines.flatMap((l) => {
    const compiled = compileDockerPattern(l.pattern);
    return 'error' in compiled ? [] : [{ ...l, exclusion: compiled.exclusion, expr: expression(compiled.text) }];
  });
  // The exceptions in file order, and for each of them the first exception at or after it that
  // has no exact form: one backward pass, so no pattern scans the rest of the file.
  const exceptions = read.flatMap((r, i) => (r.exclusion ? [i] : []));
  const firstUnexpressible: (number | undefined)[] = new Array<number | undefined>(exceptions.length + 1).fill(undefined);
  for (let k = exceptions.length - 1; k >= 0; k--) {
    const x = read[exceptions[k]!]!;
    firstUnexpressible[k] = 'why' in x.expr ? exceptions[k] : firstUnexpressible[k + 1];
  }
  const untranslated: Untranslated[] = [];
  const expressions: IgnoreExpression[] = [];
  const blocked = new Map<number, number[]>();
  let next = 0; // exceptions[next] is the first exception after the pattern at hand
  let size = 0;
  for (let i = 0; i < read.length; i++) {
    const r = read[i]!;
    while (next < exceptions.length && exceptions[next]! <= i) next++;
    if (r.exclusion) continue;
    if ('why' in r.expr) {
      untranslated.push({ line: r.line, pattern: r.pattern, why: r.expr.why, dropped: [] });
      continue;
    }
    const unexpressible = firstUnexpressible[next];
    if (unexpressible !== undefined) {
      // Without that exception's test, this pattern would keep out what the exception re-includes.
      const line = read[unexpressible]!.line;
      blocked.set(line, [...(blocked.get(line) ?? []), r.line]);
      continue;
    }
    const later = exceptions.slice(next).map((k) => read[k]!.expr as { source: string; anchored: boolean });
    const regex = later.length === 0 ? r.expr.source : `^${later.map((x) => `(?!${fromStart(x)})`).join('')}${fromStart(r.expr)}`;
    size += regex.length;
    if (size > maxChars) return { expressions: [], untranslated: [], oversize: size };
    expressions.push({ regex, line: r.line, pattern: r.pattern });
  }
  for (const r of read) {
    if (r.exclusion && 'why' in r.expr && blocked.has(r.line)) {
      untranslated.push({ line: r.line, pattern: r.pattern, why: r.expr.why, dropped: blocked.get(r.line)! });
    }
  }
  untranslated.sort((a, b) => a.line - b.line);
  return { expressions, untranslated };
}
