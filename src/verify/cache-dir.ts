// Where verify keeps what it builds on first use and reuses afterwards: the pinned Python venvs
// (pyenv/, src/verify/python-env.ts) and the pinned Node tools (node-tools/,
// src/verify/node-tools/). One rule for both, so a user clears one folder.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/** What verify caches, by sub-folder. */
export type VerifyCacheKind = 'pyenv' | 'node-tools';

/**
 * $COG_MIGRATE_CACHE/<kind> when set; in a git checkout its .cache/<kind> (tests, CI and
 * worktrees share it); else, for an installed package whose folder may be read-only, the user's
 * cache: $XDG_CACHE_HOME/cog-migrate/<kind> (default ~/.cache/cog-migrate/<kind>).
 */
export function verifyCacheDir(kind: VerifyCacheKind, env: NodeJS.ProcessEnv = process.env, root: string = packageRoot()): string {
  if (env.COG_MIGRATE_CACHE) return join(env.COG_MIGRATE_CACHE, kind);
  if (existsSync(join(root, '.git'))) return join(root, '.cache', kind);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cog-migrate', kind);
}
