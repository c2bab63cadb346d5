// User text inside findings (a default's source, a file name) must not steer the terminal or
// restructure a Markdown report: control characters become visible escapes and everything is
// kept on one line.

const MAX_CHARS = 600;

/** `s` with every control character (C0, DEL, C1, U+2028/2029) shown as \xNN / \uNNNN and tabs
 * as spaces, so that printing it cannot move the cursor, recolour or clear the terminal. */
export function visible(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += ' ';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16)}`;
    else out += ch;
  }
  return out;
}

/** One line, no control characters (as `visible`), bounded length. */
export function oneLine(s: string): string {
  const out = visible(s);
  return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS)}…` : out;
}

/** JSON text with DEL, C1 controls and U+2028/2029 written as \u escapes: the same JSON value, but
 * nothing a terminal acts on (JSON.stringify already escapes C0, ESC included). */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** oneLine, plus what Markdown would read as structure: HTML, table pipes and links. */
export function mdInline(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/([|<>])/g, '\\$1').replace(/\]\(/g, ']\\(');
}
