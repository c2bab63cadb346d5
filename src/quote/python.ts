// Quoting for values that reach generated Python. Every user-supplied value (names,
// descriptions, defaults, choices) passes through here; templates never interpolate raw text.

import type { LiteralValue } from '../ir/types.js';

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** A Python string literal that evaluates to exactly `s` (double-quoted, escapes only). */
export function pyStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0x2028 || cp === 0x2029) {
      out += cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/** A raw Python string literal (`r"..."`) for `s`, the form regular expressions are read in,
 * when one holds it exactly; pyStr's escaped form otherwise (a `"`, a control character, a
 * trailing backslash). */
export function pyRawStr(s: string): string {
  const plain = !/["\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]/.test(s) && !s.endsWith('\\');
  return plain ? `r"${s}"` : pyStr(s);
}

export function isPyIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !PY_KEYWORDS.has(s);
}

/** Returns `s` when it is a safe ASCII Python identifier; throws otherwise (a programming error:
 * callers validate names when reading and report a finding). */
export function pyIdent(s: string): string {
  if (!isPyIdentifier(s)) throw new Error(`not a safe Python identifier: ${JSON.stringify(s)}`);
  return s;
}

/** A Python expression for a JSON-compatible literal. */
export function pyLiteral(v: LiteralValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'float("nan")';
    if (v === Infinity) return 'float("inf")';
    if (v === -Infinity) return '-float("inf")';
    return String(v);
  }
  if (typeof v === 'string') return pyStr(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  const entries = Object.entries(v).map(([k, val]) => `${pyStr(k)}: ${pyLiteral(val)}`);
  return `{${entries.join(', ')}}`;
}

/** A comment-safe rendering of user text: one line, control characters shown as escapes. */
export function pyComment(s: string): string {
  return pyStr(s).slice(1, -1).replace(/\\"/g, '"');
}
