// Cloudflare's own tools for checking an emitted Worker, found where npm puts them: the output's
// worker/node_modules when the user ran `npm install` there (the versions worker/package.json
// pins), else the node_modules Node finds cog-migrate's packages in (the same pinned versions, as
// devDependencies; see targets/workers-ai/data/pinned.json), else verify's cache, where the same
// versions are installed on first use (src/verify/node-tools). The Worker is checked in a staged
// copy so verify never writes into the output folder.

import { cpSync, existsSync, lstatSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { nodeModulesDirs } from '../../util/package-root.js';
import { cachedToolSet } from '../node-tools/index.js';

/** The packages a Worker check needs, by what they are used for. */
export const WORKER_PACKAGES = {
  typescript: 'typescript/package.json',
  workersTypes: '@cloudflare/workers-types/package.json',
  containers: '@cloudflare/containers/package.json',
  wrangler: 'wrangler/package.json',
  miniflare: 'miniflare/package.json',
} as const;

export type WorkerPackage = keyof typeof WORKER_PACKAGES;

export interface WorkerTools {
  /** The node_modules folder the packages were found in. */
  nodeModules: string;
  /** Packages that folder lacks, by name. */
  missing: WorkerPackage[];
}

function lacking(nodeModules: string, needs: readonly WorkerPackage[]): WorkerPackage[] {
  return needs.filter((p) => !existsSync(join(nodeModules, WORKER_PACKAGES[p])));
}

/** The first node_modules that has every package in `needs`, else the one missing the fewest. */
export function findWorkerTools(outDir: string, needs: readonly WorkerPackage[]): WorkerTools {
  // After the output's own: where Node finds cog-migrate's packages (hoisted beside an install).
  const candidates = [join(outDir, 'worker', 'node_modules'), ...nodeModulesDirs()].filter((d) => existsSync(d));
  let best: WorkerTools | undefined;
  for (const nodeModules of candidates) {
    const missing = lacking(nodeModules, needs);
    if (missing.length === 0) return { nodeModules, missing };
    if (!best || missing.length < best.missing.length) best = { nodeModules, missing };
  }
  return best ?? { nodeModules: join(outDir, 'worker', 'node_modules'), missing: [...needs] };
}

/**
 * findWorkerTools, and when that finds no complete set, the pinned Cloudflare tools in verify's
 * cache (installed there first); `finding` (CM507) says why the cache could not have them.
 */
export async function workerTools(outDir: string, needs: readonly WorkerPackage[], opts: { onProgress?: (line: string) => void } = {}): Promise<WorkerTools & { finding?: Finding }> {
  const found = findWorkerTools(outDir, needs);
  if (found.missing.length === 0) return found;
  const cached = await cachedToolSet('cloudflare', { skipped: 'the Worker was not checked', ...opts });
  if (cached.nodeModules && lacking(cached.nodeModules, needs).length === 0) return { nodeModules: cached.nodeModules, missing: [] };
  return { ...found, ...(cached.finding ? { finding: cached.finding } : {}) };
}

/** Path of wrangler's command-line entry and of its library entry in `nodeModules`. */
export function wranglerPaths(nodeModules: string): { bin: string; main: string } {
  const root = join(nodeModules, 'wrangler');
  return { bin: join(root, 'bin', 'wrangler.js'), main: join(root, 'wrangler-dist', 'cli.js') };
}

export interface StagedWorker {
  /** The staged output root: `worker/` beside the container's Dockerfile, as in the output. */
  root: string;
  /** `<root>/worker`, with node_modules linked to the tools. */
  worker: string;
}

/**
 * Copies the output's worker/ (without node_modules) and its Dockerfile into a temporary folder,
 * with worker/node_modules a link to `tools.nodeModules`. The caller removes `root`.
 */
export function stageWorker(outDir: string, tools: WorkerTools): StagedWorker {
  const root = mkdtempSync(join(tmpdir(), 'cog-migrate-worker-'));
  const worker = join(root, 'worker');
  // Links are left out: the staged Worker holds only what the output itself contains.
  cpSync(join(outDir, 'worker'), worker, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('node_modules') && !lstatSync(src).isSymbolicLink() });
  for (const f of ['Dockerfile', 'Dockerfile.dockerignore']) {
    if (existsSync(join(outDir, f)) && !lstatSync(join(outDir, f)).isSymbolicLink()) cpSync(join(outDir, f), join(root, f));
  }
  symlinkSync(tools.nodeModules, join(worker, 'node_modules'), 'dir');
  return { root, worker };
}

/** Environment for wrangler runs: no metrics or error reports, its logs and settings in `home`. */
export function wranglerEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    WRANGLER_LOG_PATH: join(home, 'logs'),
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    CI: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}
