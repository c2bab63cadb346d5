// Comments replaced by spaces, keeping every offset, line and column. tree-sitter-python's
// indentation scanner looks ahead over all following comment lines at every newline, which is
// quadratic in a run of comment lines (400 kB of comments did not parse in a minute); blank
// lines do not have that cost. The extractor never reads comment text.

import { skipString } from './segments.js';

export function blankComments(text: string): string {
  if (!text.includes('#')) return text;
  const parts: string[] = [];
  let last = 0;
  const n = text.length;
  for (let i = 0; i < n;) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") { i = skipString(text, i); continue; }
    if (ch === '#') {
      let j = i;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      parts.push(text.slice(last, i), ' '.repeat(j - i));
      last = j;
      i = j;
      continue;
    }
    i++;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}
