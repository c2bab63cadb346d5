// A .dockerignore read and matched with Docker's rules (BuildKit's: moby/patternmatcher's
// ignorefile.ReadAll, then MatchesOrParentMatches per path): lines starting with `#` are
// comments, patterns are cleaned paths relative to the context root, a leading `!` re-includes,
// the last matching pattern wins, and a pattern matching a parent folder matches the path.
// Each pattern matches in linear time (docker-pattern.ts); rules whose first segment is literal
// are indexed by it, so 20,000 rules cost a path only the few that can apply to it.

import type { DockerignoreLine } from '../ir/types.js';
import { cleanPath, compileDockerPattern, type DockerPattern } from './docker-pattern.js';

export interface DockerignoreRules {
  patterns: DockerPattern[];
  /** True when some pattern re-includes (`!`): an excluded folder must still be walked. */
  hasExceptions: boolean;
  /** Indexes into `patterns` by literal first segment; the rest apply to every path. */
  byHead: Map<string, number[]>;
  general: number[];
  /** Memo: the ordered pattern indexes for one first segment. */
  forHead: Map<string, number[]>;
  /** Estimated microseconds spent matching so far (DockerPattern.cost); callers stop at MATCH_BUDGET. */
  spent: number;
  /** Patterns whose compile cost has been counted. */
  compiled: Set<number>;
}

/**
 * Estimated time allowed for applying one .dockerignore to one project (microseconds): a few
 * seconds, well beyond real files (a hundred rules over ten thousand files spend a fraction).
 * Linear matching bounds each match; this bounds rules x paths. An estimate, not a clock, so
 * the verdict is the same on every machine.
 */
export const MATCH_BUDGET = 5e6;

/** The rules, and the patterns Docker refuses (it fails the build on them; we skip them). */
export function parseDockerignore(text: string): { rules: DockerignoreRules; invalid: string[] } {
  const patterns: DockerPattern[] = [];
  const invalid: string[] = [];
  const lines = text.split(/\r?\n/);
  if (lines[0]?.startsWith('\ufeff')) lines[0] = lines[0].slice(1);
  for (const line of lines) {
    const pattern = readLine(line);
    if (pattern === undefined) continue;
    const compiled = compileDockerPattern(pattern);
    if ('error' in compiled) invalid.push(line.trim());
    else patterns.push(compiled);
  }
  const byHead = new Map<string, number[]>();
  const general: number[] = [];
  patterns.forEach((p, i) => {
    if (p.literalHead === undefined) general.push(i);
    else {
      const bucket = byHead.get(p.literalHead);
      if (bucket) bucket.push(i);
      else byHead.set(p.literalHead, [i]);
    }
  });
  return { rules: { patterns, hasExceptions: patterns.some((p) => p.exclusion), byHead, general, forHead: new Map(), spent: 0, compiled: new Set() }, invalid };
}

/** The patterns of a .dockerignore text with their (1-based) lines, as ignorefile.ReadAll reads them. */
export function dockerignoreLines(text: string): DockerignoreLine[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.startsWith('\ufeff')) lines[0] = lines[0].slice(1);
  return lines.flatMap((line, i) => {
    const pattern = readLine(line);
    return pattern === undefined ? [] : [{ pattern, line: i + 1 }];
  });
}

/** ignorefile.ReadAll for one line: the pattern it contributes, if any (`!` first for an exception). */
function readLine(line: string): string | undefined {
  if (line.startsWith('#')) return undefined;
  let pattern = line.trim();
  if (pattern === '') return undefined;
  const invert = pattern.startsWith('!');
  if (invert) pattern = pattern.slice(1).trim();
  if (pattern.length > 0) {
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
  }
  return invert ? `!${pattern}` : pattern;
}

/** True when the context-relative POSIX path is excluded (MatchesOrParentMatches). Meaningless
 * once `rules.spent` exceeds MATCH_BUDGET. */
export function isIgnored(rules: DockerignoreRules, path: string): boolean {
  const file = cleanPath(path);
  if (file === '.' || rules.patterns.length === 0) return false;
  const dirs = file.split('/');
  dirs.pop();
  let matched = false;
  for (const i of candidates(rules, file.split('/')[0]!)) {
    const pattern = rules.patterns[i]!;
    // Only a pattern that could change the verdict is tried, as Docker does.
    if (pattern.exclusion !== matched) continue;
    // Past the budget the verdict no longer counts (the caller gives up); stop spending.
    if (rules.spent > MATCH_BUDGET) return matched;
    if (!rules.compiled.has(i)) {
      rules.compiled.add(i);
      rules.spent += pattern.cost.compile;
    }
    rules.spent += pattern.cost.fixed + pattern.cost.perChar * file.length;
    let match = pattern.matches(file);
    for (let d = 1; !match && d <= dirs.length; d++) {
      const parent = dirs.slice(0, d).join('/');
      rules.spent += pattern.cost.fixed + pattern.cost.perChar * parent.length;
      match = pattern.matches(parent);
    }
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

function candidates(rules: DockerignoreRules, head: string): number[] {
  const bucket = rules.byHead.get(head);
  if (!bucket) return rules.general;
  let merged = rules.forHead.get(head);
  if (!merged) {
    merged = [...rules.general, ...bucket].sort((a, b) => a - b);
    rules.forHead.set(head, merged);
  }
  return merged;
}
