// verify for the workers-ai target, its static part: the Worker (worker/) type-checks with its
// own tsconfig against @cloudflare/workers-types and @cloudflare/containers, wrangler's config
// reader accepts worker/wrangler.jsonc, and `wrangler deploy --dry-run` bundles it. The bundle
// is what the smoke level runs on workerd (front.ts). See docs/targets/workers-ai.md for exactly
// what is and is not checked.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { hasErrors } from '../../findings/types.js';
import { checkTypeScript } from '../static/typescript.js';
import { stageWorker, workerTools, type StagedWorker, type WorkerPackage } from './tools.js';
import { bundleWorker, readWranglerConfig, CONFIG_FILE, type WranglerConfig } from './wrangler.js';

export { startWorkerd, type RunningWorker, type WorkerdOptions } from './workerd.js';
export { findWorkerTools, stageWorker, workerTools, type StagedWorker, type WorkerTools } from './tools.js';
export { readWranglerConfig, bundleWorker, type WranglerConfig } from './wrangler.js';

/** A checked, bundled Worker in a staged copy; `dispose()` removes the copy. */
export interface PreparedWorker {
  findings: Finding[];
  staged?: StagedWorker;
  nodeModules?: string;
  config?: WranglerConfig;
  /** The bundled Worker (index.js), when every check passed. */
  entry?: string;
  /** What was not checked, for the step's detail line. */
  notChecked: string[];
  dispose(): void;
}

export interface PrepareOptions {
  bundle: boolean;
  /** Packages needed beyond the static checks' (miniflare for the smoke run). */
  needs?: readonly WorkerPackage[];
  /** Lines about slow first-use work (installing the pinned tools). */
  onProgress?: (line: string) => void;
}

const STATIC_NEEDS: readonly WorkerPackage[] = ['typescript', 'workersTypes', 'wrangler'];

/** The output is a workers-ai one: it has worker/wrangler.jsonc. */
export function isWorkersAiOutput(outDir: string): boolean {
  return existsSync(join(outDir, 'worker', CONFIG_FILE));
}

/** Type-checks, reads the config and bundles the Worker of `outDir`. Never throws for a bad project. */
export async function prepareWorker(outDir: string, opts: PrepareOptions): Promise<PreparedWorker> {
  try {
    return await prepare(outDir, opts);
  } catch (e) {
    // A folder that cannot be staged (unreadable files, links out of it) is a finding, not a crash.
    return { findings: [finding('CM503', `the Worker was not checked: ${String((e as Error).message ?? e).slice(0, 300)}`, { file: 'worker/' })], notChecked: ['the Worker'], dispose: () => undefined };
  }
}

async function prepare(outDir: string, opts: PrepareOptions): Promise<PreparedWorker> {
  const findings: Finding[] = [];
  const notChecked: string[] = [];
  const cleanup: string[] = [];
  const dispose = (): void => { for (const d of cleanup) rmSync(d, { recursive: true, force: true }); };
  if (!isWorkersAiOutput(outDir)) {
    return { findings: [finding('CM503', `no worker/${CONFIG_FILE} in the output: not a workers-ai output`)], notChecked, dispose };
  }
  const needs = [...STATIC_NEEDS, ...(existsSync(join(outDir, 'Dockerfile')) ? ['containers' as const] : []), ...(opts.needs ?? [])];
  const tools = await workerTools(outDir, needs, opts.onProgress ? { onProgress: opts.onProgress } : {});
  if (tools.missing.length > 0) {
    const names = tools.missing.map((m) => m === 'workersTypes' ? '@cloudflare/workers-types' : m === 'containers' ? '@cloudflare/containers' : m);
    findings.push(tools.finding ?? finding('CM503', `the Worker was not checked: ${names.join(', ')} not installed (run \`npm install\` in worker/)`, { file: 'worker/package.json' }));
    return { findings, notChecked: ['the Worker (tools missing)'], dispose };
  }
  const staged = stageWorker(outDir, tools);
  const home = mkdtempSync(join(tmpdir(), 'cog-migrate-wrangler-'));
  cleanup.push(staged.root, home);
  const base = { staged, nodeModules: tools.nodeModules, notChecked, dispose };

  const typeErrors = await checkTypeScript(staged.worker, ['src/index.ts'], { nodeModules: tools.nodeModules });
  findings.push(...typeErrors.map((f) => (f.file && !f.file.startsWith('/') ? { ...f, file: `worker/${f.file}` } : f)));

  const containers = existsSync(join(outDir, 'Dockerfile'));
  const read = await readWranglerConfig(staged, tools.nodeModules, home, containers);
  findings.push(...read.findings);
  if (!read.config || hasErrors(findings)) return { ...base, findings, ...(read.config ? { config: read.config } : {}) };
  if (containers) notChecked.push('the image build by `wrangler deploy` (needs Docker buildx; verify builds ../Dockerfile itself)');
  if (!opts.bundle) return { ...base, findings, config: read.config };
  const bundled = await bundleWorker(staged, tools.nodeModules, home, read.bundleConfig ?? join(staged.worker, CONFIG_FILE), join(home, 'bundle'));
  findings.push(...bundled.findings);
  return { ...base, findings, config: read.config, ...(bundled.entry ? { entry: bundled.entry } : {}) };
}

/** The static level's Worker checks: findings only. */
export async function checkWorker(outDir: string): Promise<Finding[]> {
  const prepared = await prepareWorker(outDir, { bundle: true });
  try {
    return prepared.findings;
  } finally {
    prepared.dispose();
  }
}
