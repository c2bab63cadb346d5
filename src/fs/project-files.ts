// Reads files of the user's project without ever leaving it: paths that climb out with `..`,
// absolute paths and symlinks resolving outside the root are refused, as are binary files and
// files over a size limit, FIFOs and devices (never opened blocking). Returns findings-ready errors, never throws for bad input.

import { realpathSync } from 'node:fs';
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

/**
 * The project folder with its symlinks resolved, or undefined when it does not exist. A reader
 * that looks up many files of one project resolves it once and passes it to resolveProjectPath.
 */
export function realProjectRoot(root: string): string | undefined {
  try {
    return realpathSync.native(root);
  } catch {
    return undefined;
  }
}

/** Resolves a project-relative path, or explains why it may not be read. */
export function resolveProjectPath(root: string, rel: string, realRoot = realProjectRoot(root)): { ok: true; path: string } | { ok: false; problem: ReadProblem; detail: string } {
  if (isAbsolute(rel)) return { ok: false, problem: 'outside', detail: `${rel} is an absolute path` };
  if (realRoot === undefined) return { ok: false, problem: 'missing', detail: `the project folder ${root} does not exist` };
  const candidate = resolve(realRoot, rel);
  if (!isInside(realRoot, candidate)) return { ok: false, problem: 'outside', detail: `${rel} points outside the project` };
  let real: string;
  try {
    // One realpath(3) call: it fails for a missing file and for a dangling or looping symlink alike.
    real = realpathSync.native(candidate);
  } catch {
    return { ok: false, problem: 'missing', detail: `${rel} does not exist` };
  }
  if (!isInside(realRoot, real)) return { ok: false, problem: 'outside', detail: `${rel} is a symlink that leaves the project` };
  return { ok: true, path: real };
}

/** Reads a UTF-8 text file inside the project. */
export function readProjectText(root: string, rel: string, maxBytes = MAX_SOURCE_BYTES, realRoot?: string): ReadResult {
  const resolved = resolveProjectPath(root, rel, realRoot ?? realProjectRoot(root));
  if (!resolved.ok) return resolved;
  return readResolvedText(resolved.path, rel, maxBytes);
}

/** Reads a UTF-8 text file at a path resolveProjectPath returned (`rel` names it in messages). */
export function readResolvedText(path: string, rel: string, maxBytes = MAX_SOURCE_BYTES): ReadResult {
  const read = readRegularFile(path, maxBytes, rel);
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
  return { ok: true, text, path };
}
