// Quoting for values that reach generated YAML (cog.yaml, CI files) and TOML basic strings.

/**
 * A double-quoted YAML scalar for `s`: always quoted so that `yes`, `3.10`, `#` keep their text.
 * Everything outside YAML's printable set is escaped, and so are the characters YAML 1.1 readers
 * (PyYAML) fold as line breaks (NEL, U+2028, U+2029) and the BOM. Escapes are `\\`, `\"`, `\n`,
 * `\t` and `\uXXXX` only, so for well-formed text the result is also a valid TOML basic string.
 * A lone surrogate is written as its `\uXXXX` escape: YAML reads it back, TOML has no way to.
 */
export function yamlScalar(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (needsEscape(cp)) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** Outside YAML's c-printable set, or read as a line break or stripped by some reader. */
function needsEscape(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff ||
    (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff;
}
