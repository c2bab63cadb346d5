// Trailing-whitespace removal in linear time. `/[ \t]+$/` looks linear but is quadratic on a long
// run of blanks followed by anything else (the engine retries the run from every position): a
// description holding 100,000 spaces took 25 s to render. These scan back from the end instead.

/** `line` without trailing spaces and tabs. */
export function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Every line of `text` without trailing spaces and tabs (what `replace(/[ \t]+$/gm, '')` means). */
export function trimLineEnds(text: string): string {
  return text.split('\n').map(trimBlanksEnd).join('\n');
}
