// The unified diff `cog-migrate clients` prints by default (git's a/ b/ form, 3 lines of context).

import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file.replace(/^\/+/, "")}`, `b/${file.replace(/^\/+/, "")}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with an `Index:`-less `===` separator line; drop it so the output applies with `git apply`.
  return patch.split('\n').filter((line, i) => !(i === 0 && line.startsWith('='))).join('\n');
}
