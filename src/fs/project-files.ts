// Reads files of the user's project without ever leaving it: paths that climb out with `..`,
// absolute paths and symlinks resolving outside the root are refused, as are binary files and
// files over a size limit, FIFOs and devices (never opened blocking). Returns findings-ready errors, never throws for bad input.

import { lstatSync, realpathSync } from 'node:fs';
import { readRegularFile } from './bounded-read.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type ReadProblem = 'outside' | 'missing' | 'not-a-file' | 'too-large' | 'binary' | 'not-utf8' | 'unreadable';

export type ReadResult =
  | { ok: true; text: string; path: string }
  | { ok: false; problem: ReadProblem; detail: string };

/** True when `candidate` (absolute) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** Resolves a project-relative path, or explains why it may not be read. */
export function resolveProjectPath(root: string, rel: string): { ok: true; path: string } | { ok: false; problem: ReadProblem; detail: string } {
  if (isAbsolute(rel)) return { ok: false, problem: 'outside', detail: `${rel} is an absolute path` };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, problem: 'missing', detail: `the project folder ${root} does not exist` };
  }
  const candidate = resolve(realRoot, rel);
  if (!isInside(realRoot, candidate)) return { ok: false, problem: 'outside', detail: `${rel} points outside the project` };
  let real: string;
  try {
    lstatSync(candidate);
    real = realpathSync(candidate);
  } catch {
    return { ok: false, problem: 'missing', detail: `${rel} does not exist` };
  }
  if (!isInside(realRoot, real)) return { ok: false, problem: 'outside', detail: `${rel} is a symlink that leaves the project` };
  return { ok: true, path: real };
}

/** Reads a UTF-8 text file inside the project. */
export function readProjectText(root: string, rel: string, maxBytes = MAX_SOURCE_BYTES): ReadResult {
  const resolved = resolveProjectPath(root, rel);
  if (!resolved.ok) return resolved;
  const read = readRegularFile(resolved.path, maxBytes, rel);
  if (!read.ok) return read;
  const bytes = read.bytes;
  if (bytes.includes(0)) return { ok: false, problem: 'binary', detail: `${rel} contains NUL bytes: it is a binary file, not source text` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not-utf8', detail: `${rel} is not valid UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, path: resolved.path };
}
