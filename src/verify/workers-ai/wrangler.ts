// wrangler's own checks of an emitted Worker, offline: its config reader on worker/wrangler.jsonc
// and `wrangler deploy --dry-run --outdir`, which bundles the Worker as a deploy would and stops
// before anything is uploaded. For a Containers config the dry run would also build the image
// with `docker buildx`, which this check does not have: the config reader still validates the
// whole config (containers[] included), and the bundle is made from the same config without
// containers[] (the Worker code and its Durable Object binding are unchanged by that).

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { verifyAsset } from '../assets.js';
import { wranglerEnv, wranglerPaths, type StagedWorker } from './tools.js';

const WRANGLER_TIMEOUT = 180_000;
export const CONFIG_FILE = 'wrangler.jsonc';
/** The config without containers[], written beside the real one for the dry-run bundle. */
export const BUNDLE_CONFIG_FILE = '.cog-migrate-bundle.wrangler.json';

/** What wrangler's reader made of the config: the parts verify uses. */
export interface WranglerConfig {
  name: string;
  main: string;
  compatibility_date: string;
  ai: { binding: string } | null;
  containers: { class_name: string; image: string; instance_type?: string; max_instances?: number }[];
  durable_objects: { bindings: { name: string; class_name: string }[] };
  migrations: { tag: string; new_sqlite_classes?: string[] }[];
}

interface Run { code: number | null; stdout: string; stderr: string }

function run(cmd: string, args: string[], cwd: string, home: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: wranglerEnv(home), timeout: WRANGLER_TIMEOUT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const configAt = { file: `worker/${CONFIG_FILE}` };

/** wrangler's warnings about the config (printed as `▲ [WARNING] ...` blocks on stderr). */
function configWarnings(stderr: string): string[] {
  return stderr.split(/\n(?=\S*▲|\S*\[WARNING\])/).filter((b) => /\[WARNING\]/.test(b)).map((b) => b.replace(/\s+/g, ' ').replace(/^.*?\[WARNING\]\s*/, '').trim());
}

export interface ConfigCheck {
  findings: Finding[];
  config?: WranglerConfig;
  /** Set when asked for: the staged config without containers[], to bundle from. */
  bundleConfig?: string;
}

/** Reads worker/wrangler.jsonc with wrangler's reader; `derive` also writes the bundle config. */
export async function readWranglerConfig(staged: StagedWorker, nodeModules: string, home: string, derive: boolean): Promise<ConfigCheck> {
  const derived = join(staged.worker, BUNDLE_CONFIG_FILE);
  const args = [verifyAsset('workers-ai/read-config.mjs'), wranglerPaths(nodeModules).main, join(staged.worker, CONFIG_FILE), ...(derive ? [derived] : [])];
  const r = await run(process.execPath, args, staged.worker, home);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  let parsed: { ok: boolean; error?: string; config?: WranglerConfig } | undefined;
  try { parsed = JSON.parse(line) as typeof parsed; } catch { parsed = undefined; }
  if (!parsed) return { findings: [finding('CM503', `wrangler's config reader did not run: ${(r.stderr || r.stdout).trim().slice(0, 500)}`, configAt)] };
  if (!parsed.ok) return { findings: [finding('CM536', `wrangler rejects the config: ${parsed.error ?? ''}`, configAt)] };
  const findings = configWarnings(r.stderr).map((w) => finding('CM536', `wrangler warns about the config: ${w}`, configAt, { severity: 'warning' }));
  return { findings, ...(parsed.config ? { config: parsed.config } : {}), ...(derive && existsSync(derived) ? { bundleConfig: derived } : {}) };
}

/** `wrangler deploy --dry-run --outdir OUT` with `configFile`: the bundled Worker lands in OUT/index.js. */
export async function bundleWorker(staged: StagedWorker, nodeModules: string, home: string, configFile: string, outDir: string): Promise<{ findings: Finding[]; entry?: string }> {
  mkdirSync(outDir, { recursive: true });
  const r = await run(process.execPath, [wranglerPaths(nodeModules).bin, 'deploy', '--dry-run', '--config', configFile, '--outdir', outDir], staged.worker, home);
  const entry = join(outDir, 'index.js');
  if (r.code !== 0 || !existsSync(entry)) {
    const text = `${r.stderr}\n${r.stdout}`.split('\n').filter((l) => l.trim() && !/^[─⛅]/.test(l.trim())).slice(-15).join('\n');
    return { findings: [finding('CM537', `wrangler deploy --dry-run could not bundle the Worker:\n${text}`, { file: 'worker/src/index.ts' })] };
  }
  return { findings: [], entry };
}
