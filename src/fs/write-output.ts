// Writes a conversion's files atomically: everything goes into a fresh sibling directory first,
// which is renamed into place only when every file is written. A failure leaves nothing behind;
// no path may escape the output directory; an existing non-empty output is only replaced with
// `force`.

import { chmodSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, resolve } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';

/** A file to write: generated text or bytes, or a user file copied from its place (so a large
 * project is never held in memory). */
export type OutputFile = { path: string; mode?: number } & ({ content: string | Uint8Array } | { copyFrom: string });

export type WriteResult = { ok: true; dir: string } | { ok: false; findings: Finding[] };

/** Why `path` is not a safe relative output path, or undefined when it is. */
export function unsafeOutputPath(path: string): string | undefined {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'NUL in path';
  if (path.includes('\\')) return 'backslash in path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute path';
  const norm = posix.normalize(path);
  if (norm !== path || norm === '.' || norm.startsWith('../') || norm === '..') return 'path is not normalised or climbs out';
  if (path.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'path has empty, . or .. segments';
  return undefined;
}

/** The file-system calls that change the disk; a test passes a copy whose nth call fails. */
export interface OutputFs {
  mkdirSync: typeof mkdirSync;
  writeFileSync: typeof writeFileSync;
  copyFileSync: typeof copyFileSync;
  chmodSync: typeof chmodSync;
  renameSync: typeof renameSync;
  rmSync: typeof rmSync;
}

// Siblings of an output while it is written: `.<name>.cog-migrate-<pid>-<ms>` (the staging folder)
// and the same name + `.old` (the previous output, moved aside just before the new one moves in).
const STAGING_MARK = '.cog-migrate-';
const OLD_SUFFIX = '.old';

const NODE_FS: OutputFs = { mkdirSync, writeFileSync, copyFileSync, chmodSync, renameSync, rmSync };

export function writeOutput(outDir: string, files: readonly OutputFile[], opts: { force?: boolean; fs?: OutputFs } = {}): WriteResult {
  const fs = opts.fs ?? NODE_FS;
  const target = resolve(outDir);
  const seen = new Set<string>();
  for (const f of files) {
    const why = unsafeOutputPath(f.path);
    if (why) return { ok: false, findings: [finding('CM011', `refusing to write ${JSON.stringify(f.path)}: ${why}`)] };
    if (seen.has(f.path)) return { ok: false, findings: [finding('CM011', `two files claim the output path ${f.path}`)] };
    seen.add(f.path);
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      return { ok: false, findings: [finding('CM010', `${outDir} exists and is not a directory`)] };
    }
    if (readdirSync(target).length > 0 && !opts.force) {
      return { ok: false, findings: [finding('CM010', `${outDir} already exists and is not empty`)] };
    }
  }
  const parent = dirname(target);
  const staging = join(parent, `.${basename(target)}${STAGING_MARK}${process.pid}-${Date.now()}`);
  const old = `${staging}${OLD_SUFFIX}`;
  // What this call created or moved, so that a failure at any step can undo exactly that.
  let createdParent: string | undefined;
  let movedOld = false;
  try {
    createdParent = fs.mkdirSync(parent, { recursive: true });
    fs.mkdirSync(staging);
    // Each folder is made once (a recursive mkdir per file is a system call per file).
    const made = new Set<string>([staging]);
    for (const f of files) {
      const dest = join(staging, ...f.path.split('/'));
      const dir = dirname(dest);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if ('copyFrom' in f) fs.copyFileSync(f.copyFrom, dest, constants.COPYFILE_EXCL);
      else fs.writeFileSync(dest, f.content, { flag: 'wx' });
      if (f.mode !== undefined) fs.chmodSync(dest, f.mode);
    }
    if (existsSync(target)) {
      fs.renameSync(target, old);
      movedOld = true;
    }
    fs.renameSync(staging, target);
  } catch (err) {
    return { ok: false, findings: [finding('CM012', `could not write ${outDir}: ${(err as Error).message}${undo(fs, { staging, old, target, movedOld, createdParent })}`)] };
  }
  if (movedOld) {
    try {
      fs.rmSync(old, { recursive: true, force: true });
    } catch (err) {
      return { ok: false, findings: [finding('CM012', `wrote ${outDir}, but could not remove the previous output, moved to ${old}: ${(err as Error).message}`)] };
    }
  }
  return { ok: true, dir: target };
}

/** Undoes a failed write: the staging folder goes, a moved-away old output comes back, a parent
 * folder this call created goes. Returns what could not be undone, for the finding's message. */
function undo(fs: OutputFs, s: { staging: string; old: string; target: string; movedOld: boolean; createdParent: string | undefined }): string {
  const left: string[] = [];
  const attempt = (what: string, op: () => void) => {
    try { op(); } catch (e) { left.push(`${what}: ${(e as Error).message}`); }
  };
  attempt(`could not remove ${s.staging}`, () => fs.rmSync(s.staging, { recursive: true, force: true }));
  if (s.movedOld) attempt(`the previous output is at ${s.old}, could not move it back`, () => fs.renameSync(s.old, s.target));
  if (s.createdParent !== undefined && left.length === 0) attempt(`could not remove ${s.createdParent}`, () => fs.rmSync(s.createdParent!, { recursive: true, force: true }));
  return left.length > 0 ? `; ${left.join('; ')}` : '';
}

/**
 * Cleans up after writers stopped mid-write in `dir` (batch's second Ctrl-C terminates its
 * workers, whatever step they are at): staging folders go; a previous output moved aside comes
 * back when its new output never arrived, and goes when the new one is in place (as writeOutput
 * would have done). So it never deletes the only copy of an output. Returns what it could not do.
 */
export function recoverInterruptedWrites(dir: string): string[] {
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return problems;
  }
  for (const name of names) {
    const mark = name.lastIndexOf(STAGING_MARK);
    if (!name.startsWith('.') || mark < 1) continue;
    const path = join(dir, name);
    try {
      const target = join(dir, name.slice(1, mark));
      if (name.endsWith(OLD_SUFFIX) && !exists(target)) renameSync(path, target);
      else rmSync(path, { recursive: true, force: true });
    } catch (err) {
      problems.push(`could not clean up ${path}: ${(err as Error).message}`);
    }
  }
  return problems;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
