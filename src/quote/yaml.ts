// Quoting for values that reach generated YAML (and TOML strings, which accept the same form).

/** A double-quoted YAML scalar for `s`: always quoted so that `yes`, `3.10`, `#` keep their text. */
export function yamlScalar(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}
