// Git submodules a project names in .gitmodules but has not checked out (an empty or missing
// folder after a plain `git clone`). A file the project needs from one "does not exist" only
// because of that; findings say so and give the command that fetches it.

import { readdirSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { readProjectText } from './project-files.js';

/** The `path = ...` entries of the project's .gitmodules, normalised, in file order. */
export function submodulePaths(root: string): string[] {
  const read = readProjectText(root, '.gitmodules', 256 * 1024);
  if (!read.ok) return [];
  const out: string[] = [];
  for (const line of read.text.split(/\r?\n/)) {
    const m = /^\s*path\s*=\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const path = posix.normalize(m[1]!.replace(/^\.\//, '')).replace(/\/+$/, '');
    if (path !== '.' && !path.startsWith('..') && !posix.isAbsolute(path)) out.push(path);
  }
  return out;
}

function checkedOut(root: string, path: string): boolean {
  try {
    const dir = posix.join(root, path);
    return statSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** The submodules .gitmodules names that are not checked out (usually none: a cheap gate). */
export function uncheckedSubmodules(root: string): string[] {
  return submodulePaths(root).filter((p) => !checkedOut(root, p));
}

/** The submodule folder holding `rel` when that submodule is not checked out, else undefined. */
export function uncheckedSubmoduleFor(root: string, rel: string): string | undefined {
  const file = posix.normalize(rel.replace(/^\.\//, ''));
  return submodulePaths(root).find((p) => (file === p || file.startsWith(`${p}/`)) && !checkedOut(root, p));
}

/** The sentence and command a finding adds for a file inside a submodule that is not checked out. */
export function submoduleNote(path: string): { message: string; hint: string } {
  return {
    message: `; it is inside the git submodule ${path} (.gitmodules), which is not checked out`,
    hint: `Fetch the submodule, then convert again: git submodule update --init ${path}`,
  };
}
