// The npm tools verify runs (pyright, tsc, wrangler, miniflare): found beside cog-migrate when
// they are there (a checkout's devDependencies, or a user's own install next to the package),
// else in verify's cache, installed there at the pinned versions on first use (install.ts).

import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { findInNodeModules } from '../../util/package-root.js';
import { installToolSet, type InstallOptions } from './install.js';
import type { NodeToolSet } from './pins.js';

export { NODE_TOOL_SETS, type NodeToolSet } from './pins.js';
export { holdsToolSet, installToolSet, manualInstallCommand, toolSetDir, toolSpecs, type InstallOptions } from './install.js';

/** In-flight installs, so two checks of one run wait for one npm (other runs wait on the lock file). */
const installing = new Map<string, Promise<{ nodeModules?: string; finding?: Finding }>>();

/** installToolSet, shared by concurrent callers in this thread. */
export function cachedToolSet(set: NodeToolSet, opts: InstallOptions = {}): Promise<{ nodeModules?: string; finding?: Finding }> {
  const key = `${opts.cacheRoot ?? ''}\0${set}`;
  let pending = installing.get(key);
  if (!pending) {
    pending = installToolSet(set, opts).finally(() => installing.delete(key));
    installing.set(key, pending);
  }
  return pending;
}

/**
 * `rel` (a tool's entry file, `pyright/index.js`) beside cog-migrate, else in `set` from the
 * cache; or the finding saying why the tool cannot be had.
 */
export async function nodeToolPath(set: NodeToolSet, rel: string, opts: InstallOptions = {}): Promise<{ path?: string; finding?: Finding }> {
  const beside = findInNodeModules(rel);
  if (beside) return { path: beside };
  const r = await cachedToolSet(set, opts);
  return r.nodeModules ? { path: join(r.nodeModules, rel) } : { ...(r.finding ? { finding: r.finding } : {}) };
}
