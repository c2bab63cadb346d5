// Writes a conversion's files atomically: everything goes into a fresh sibling directory first,
// which is renamed into place only when every file is written. A failure leaves nothing behind;
// no path may escape the output directory; an existing non-empty output is only replaced with
// `force`.

import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

export function writeOutput(outDir: string, files: readonly OutputFile[], opts: { force?: boolean } = {}): WriteResult {
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
  const staging = join(parent, `.${basename(target)}.cog-migrate-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(staging);
    for (const f of files) {
      const dest = join(staging, ...f.path.split('/'));
      mkdirSync(dirname(dest), { recursive: true });
      if ('copyFrom' in f) copyFileSync(f.copyFrom, dest, constants.COPYFILE_EXCL);
      else writeFileSync(dest, f.content, { flag: 'wx' });
      if (f.mode !== undefined) chmodSync(dest, f.mode);
    }
    if (existsSync(target)) {
      const old = `${staging}.old`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
    return { ok: true, dir: target };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    return { ok: false, findings: [finding('CM012', `could not write ${outDir}: ${(err as Error).message}`)] };
  }
}
