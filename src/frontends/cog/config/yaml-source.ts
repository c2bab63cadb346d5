// Reads cog.yaml from the project and parses it into a YAML document with positions, turning
// every way the file can be unusable (missing, binary, huge, not YAML, an alias bomb, not a
// mapping) into findings. The document keeps source tokens so callers can read a scalar's
// text as written (`python_version: 3.10` must stay "3.10", not the float 3.1).

import { existsSync, statSync } from 'node:fs';
import { LineCounter, isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import { finding } from '../../../findings/finding.js';
import type { Finding } from '../../../findings/types.js';
import { safeReadProjectText } from './safe-read.js';
import { composeFirstDocument } from './yaml-parse.js';

export const COG_YAML = 'cog.yaml';
/** cog.yaml files are a few KB; anything near this is not a cog.yaml a person wrote. */
export const MAX_COG_YAML_BYTES = 1024 * 1024;
/** Alias expansions allowed before the file counts as a resource-exhaustion attempt. */
export const MAX_ALIAS_COUNT = 100;
/** YAML errors reported one by one; past this the file is not a cog.yaml with typos but noise. */
export const MAX_YAML_ERRORS = 20;

export interface YamlSource {
  text: string;
  doc: Document.Parsed;
  top: YAMLMap;
  lines: LineCounter;
}

export type YamlSourceResult = { ok: true; source: YamlSource; findings: Finding[] } | { ok: false; findings: Finding[] };

export function readCogYaml(root: string): YamlSourceResult {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { ok: false, findings: [finding('CM002', `${root} is not a directory`)] };
  }
  const read = safeReadProjectText(root, COG_YAML, MAX_COG_YAML_BYTES);
  if (!read.ok) {
    if (read.problem === 'missing') return { ok: false, findings: [finding('CM001', 'no cog.yaml in the project', { file: COG_YAML })] };
    if (read.problem === 'too-large') return { ok: false, findings: [finding('CM101', read.detail, { file: COG_YAML })] };
    return { ok: false, findings: [finding('CM100', read.detail, { file: COG_YAML })] };
  }
  return parseCogYamlText(read.text);
}

/** Parses cog.yaml text (already read); exported for tests and for in-memory callers. */
export function parseCogYamlText(original: string): YamlSourceResult {
  const findings: Finding[] = [];
  const stripped = stripLeadingDocstring(original);
  let text = original;
  if (stripped) {
    text = stripped.text;
    findings.push(finding('CM105', `cog.yaml opens with a """...""" block (lines 1-${stripped.endLine}); it was ignored`, { file: COG_YAML, line: stripped.startLine, column: 1 }));
  }
  const lines = new LineCounter();
  // merge: Cog's Go YAML reader honours `<<: *anchor` merge keys, so we do too.
  const options = { keepSourceTokens: true, merge: true } as const;
  const composed = composeFirstDocument(text, options, lines, MAX_YAML_ERRORS);
  const problems = composed.ok ? composed.doc.errors.map((e) => ({ offset: e.pos[0], message: e.message })) : composed.errors;
  for (const err of problems) {
    const pos = lines.linePos(err.offset);
    findings.push(finding('CM102', yamlErrorText(err.message), { file: COG_YAML, line: pos.line, column: pos.col }));
  }
  if (!composed.ok) {
    if (composed.stoppedEarly) findings.push(finding('CM102', `cog.yaml has more than ${MAX_YAML_ERRORS} YAML errors; reading stopped there`, { file: COG_YAML, line: 1, column: 1 }));
    return { ok: false, findings };
  }
  const doc = composed.doc;
  if (composed.moreDocuments) {
    // Cog decodes the first document of the stream and ignores the rest; do the same, and say so.
    const second = lines.linePos(composed.secondOffset);
    findings.push(finding('CM106', 'cog.yaml holds more than one YAML document; only the first was read, as Cog does', { file: COG_YAML, line: second.line, column: second.col }));
  }
  if (doc.errors.length > 0) return { ok: false, findings };
  for (const warn of doc.warnings.slice(0, MAX_YAML_ERRORS)) {
    const pos = lines.linePos(warn.pos[0]);
    findings.push(finding('CM106', firstLine(warn.message), { file: COG_YAML, line: pos.line, column: pos.col }));
  }
  // Aliases are only followed by our own walkers, but a full expansion is the one reliable
  // check that no path through the document explodes; the library counts and stops early.
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ReferenceError && /alias/i.test(message)) {
      findings.push(finding('CM103', `cog.yaml: ${message}`, { file: COG_YAML, line: 1, column: 1 }));
      return { ok: false, findings };
    }
    if (e instanceof RangeError) {
      findings.push(finding('CM102', `cog.yaml is nested too deeply to read (${message})`, { file: COG_YAML, line: 1, column: 1 }));
      return { ok: false, findings };
    }
    // Anything else (a merge key over a non-mapping, say) is reported with its line by the
    // typed readers, which walk the same nodes.
  }
  const contents = doc.contents;
  if (contents === null || (isScalarNull(contents))) {
    // An empty cog.yaml is valid for Cog (all defaults); give callers an empty mapping.
    const empty = parseDocument('{}', { keepSourceTokens: true });
    return { ok: true, source: { text, doc, top: empty.contents as YAMLMap, lines }, findings };
  }
  if (!isMap(contents)) {
    const pos = contents.range ? lines.linePos(contents.range[0]) : { line: 1, col: 1 };
    findings.push(finding('CM104', 'the top level of cog.yaml must be a mapping (key: value lines)', { file: COG_YAML, line: pos.line, column: pos.col }));
    return { ok: false, findings };
  }
  return { ok: true, source: { text, doc, top: contents, lines }, findings };
}

function isScalarNull(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'value' in node && (node as { value: unknown }).value === null && !isMap(node);
}

/** The library turns a stack overflow while composing into an ordinary error; say what it means. */
function yamlErrorText(message: string): string {
  return /call stack/i.test(message) ? 'cog.yaml is nested too deeply to read' : firstLine(message);
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/:$/, '') ?? message;
}

/**
 * A Python-style docstring before the YAML (seen in public models) is blanked out character by
 * character, newlines kept, so every later offset, line and column stays what the user sees.
 */
export function stripLeadingDocstring(text: string): { text: string; startLine: number; endLine: number } | undefined {
  const m = /^\s*/.exec(text);
  const start = m ? m[0].length : 0;
  const quote = text.startsWith('"""', start) ? '"""' : text.startsWith("'''", start) ? "'''" : undefined;
  if (!quote) return undefined;
  const close = text.indexOf(quote, start + 3);
  if (close < 0) return undefined;
  const end = close + 3;
  const blanked = text.slice(start, end).replace(/[^\n]/g, ' ');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return { text: text.slice(0, start) + blanked + text.slice(end), startLine: lineOf(start), endLine: lineOf(close) };
}
