// Python string literals -> their values, statically. Handles prefixes (r, b, u, f), implicit
// concatenation, triple quotes and every escape Python defines except \N{NAME}.

import type { SyntaxNode } from './parse.js';

export type StringValue = { ok: true; value: string } | { ok: false; reason: string };

/** Value of a `string` or `concatenated_string` node. Bytes and interpolating f-strings fail. */
export function stringValue(node: SyntaxNode): StringValue {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      if (part.type === 'comment') continue;
      const v = stringValue(part);
      if (!v.ok) return v;
      out += v.value;
    }
    return { ok: true, value: out };
  }
  if (node.type !== 'string') return { ok: false, reason: `not a string (${node.type})` };
  const plain = plainStringValue(node.text);
  if (plain !== undefined) return { ok: true, value: plain };
  const startNode = node.children.find((c) => c.type === 'string_start');
  const endNode = node.children.find((c) => c.type === 'string_end');
  if (!startNode || !endNode) return { ok: false, reason: 'incomplete string' };
  if (node.namedChildren.some((c) => c.type === 'interpolation')) return { ok: false, reason: 'f-string with interpolation' };
  const prefix = startNode.text.replace(/["']+$/, '').toLowerCase();
  if (prefix.includes('b')) return { ok: false, reason: 'bytes literal' };
  // The content is everything between the quotes, taken from the source as written (not from
  // string_end's start: tree-sitter-python folds a leading `\\` of a raw string into string_end).
  const whole = node.text;
  const opening = startNode.text;
  const quote = opening.slice(prefix.length);
  if (!whole.endsWith(quote) || whole.length < opening.length + quote.length) return { ok: false, reason: 'incomplete string' };
  let body = whole.slice(opening.length, whole.length - quote.length);
  if (prefix.includes('f')) body = body.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (prefix.includes('r')) return { ok: true, value: body.replace(/\r\n/g, '\n') };
  return decodeEscapes(body);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Decodes the escapes of a non-raw Python str body. */
/**
 * The value of the commonest literal, `"text"` or `'''text'''` without prefix, backslash or
 * carriage return, read from its text alone: the general path below asks tree-sitter for the
 * node's children, which costs more than the whole string here.
 */
function plainStringValue(whole: string): string | undefined {
  const q = whole[0];
  if ((q !== '"' && q !== "'") || whole.includes('\\') || whole.includes('\r')) return undefined;
  const quote = whole.length >= 6 && whole[1] === q && whole[2] === q ? q + q + q : q;
  if (whole.length < 2 * quote.length || !whole.endsWith(quote)) return undefined;
  const body = whole.slice(quote.length, whole.length - quote.length);
  // A quote character inside a one-quote body means the text is not one whole literal.
  if (quote.length === 1 && body.includes(q)) return undefined;
  return body;
}

export function decodeEscapes(body: string): StringValue {
  let out = '';
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const ch = body[i]!;
    if (ch === '\r' && body[i + 1] === '\n') { out += '\n'; i++; continue; }
    if (ch !== '\\') { out += ch; continue; }
    const next = body[i + 1];
    if (next === undefined) return { ok: false, reason: 'trailing backslash' };
    if (next === '\n') { i++; continue; }
    if (next === '\r') { i += body[i + 2] === '\n' ? 2 : 1; continue; }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) { out += simple; i++; continue; }
    if (next >= '0' && next <= '7') {
      let j = i + 1;
      let digits = '';
      while (j < n && digits.length < 3 && body[j]! >= '0' && body[j]! <= '7') digits += body[j++];
      out += String.fromCodePoint(parseInt(digits, 8));
      i = j - 1;
      continue;
    }
    const hexLen = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex)) return { ok: false, reason: `bad \\${next} escape` };
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return { ok: false, reason: 'escape out of range' };
      out += String.fromCodePoint(cp);
      i += 1 + hexLen;
      continue;
    }
    if (next === 'N') return { ok: false, reason: '\\N{...} escape' };
    // Unknown escapes keep their backslash, as Python does.
    out += ch;
  }
  return { ok: true, value: out };
}
