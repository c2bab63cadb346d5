// Installs a pinned tool set (pins.ts) into verify's cache on first use, the way the venvs are
// built (scripts/python-env.sh): `<cache>/node-tools/<set>-<hash>`, the hash covering the pins and
// the platform (npm installs each tool's native binary for this os/cpu only). npm runs with
// --ignore-scripts: nothing runs at install time. None of the tools needs its script: pyright is
// plain JavaScript; typescript 7 and workerd (wrangler's and miniflare's runtime) ship their
// binaries as optional per-platform packages (@typescript/typescript-linux-x64,
// @cloudflare/workerd-linux-64) that their code resolves at run time, workerd's postinstall only
// copies the binary beside its bin shim or downloads it when the optional package is missing;
// esbuild and sharp (wrangler's, miniflare's) work the same way. --include=optional keeps those
// packages even when the user's npm config omits optional ones.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { verifyCacheDir } from '../cache-dir.js';
import { withFileLock } from './lock.js';
import { NODE_TOOL_SETS, type NodeToolSet } from './pins.js';

const INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface InstallOptions {
  /** The node-tools cache folder; default verifyCacheDir('node-tools'). */
  cacheRoot?: string;
  /** Environment npm runs in (and is found on PATH in). */
  env?: NodeJS.ProcessEnv;
  /** What is left unchecked when the set cannot be had, for the finding ("the adapters were not type-checked"). */
  skipped?: string;
  onProgress?: (line: string) => void;
}

/** `name@version` of every package of a set, as npm takes them. */
export function toolSpecs(set: NodeToolSet): string[] {
  return Object.entries(NODE_TOOL_SETS[set]).map(([name, version]) => `${name}@${version}`);
}

/** `<cacheRoot>/<set>-<hash>`: a changed pin (or another platform sharing the cache) is a new folder. */
export function toolSetDir(set: NodeToolSet, cacheRoot: string = verifyCacheDir('node-tools')): string {
  const key = JSON.stringify({ pins: NODE_TOOL_SETS[set], platform: process.platform, arch: process.arch });
  return join(cacheRoot, `${set}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

/** True when `nodeModules` holds every package of `set` at its pinned version. */
export function holdsToolSet(nodeModules: string, set: NodeToolSet): boolean {
  return Object.entries(NODE_TOOL_SETS[set]).every(([name, version]) => {
    try {
      return (JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')) as { version?: string }).version === version;
    } catch {
      return false;
    }
  });
}

/** The command a user runs by hand to put the set where verify looks for it. */
export function manualInstallCommand(set: NodeToolSet, dir: string): string {
  return `npm install --prefix ${JSON.stringify(dir)} --ignore-scripts --no-audit --no-fund ${toolSpecs(set).join(' ')}`;
}

function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; problem: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env, timeout: INSTALL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, problem: '' });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return resolve({ ok: false, problem: 'npm was not found on PATH' });
      if (err.killed) return resolve({ ok: false, problem: `npm did not finish in ${INSTALL_TIMEOUT_MS / 60_000} min` });
      // npm's own error lines ("npm error code ENOTFOUND", "... ENOTCACHED" offline) say why.
      const lines = `${stderr}\n${stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
      const said = lines.filter((l) => /^npm (error|ERR!)/.test(l) && !/complete log of this run/.test(l)).slice(0, 3).join(' / ');
      resolve({ ok: false, problem: (said || lines.at(-1) || err.message).slice(0, 400) });
    });
  });
}

/** Leftovers of installs that were killed mid-way (ours are `.<set>-<hash>.tmp-*`), once they are old. */
function removeStaleTemps(cacheRoot: string, base: string): void {
  for (const name of readdirSync(cacheRoot)) {
    if (!name.startsWith(`.${base}.tmp-`)) continue;
    const p = join(cacheRoot, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > INSTALL_TIMEOUT_MS) rmSync(p, { recursive: true, force: true });
    } catch { /* another run removed it */ }
  }
}

/** Installs `set` into a fresh folder beside its final place, then renames it there. */
async function install(set: NodeToolSet, dir: string, cacheRoot: string, opts: InstallOptions): Promise<string | undefined> {
  const base = dir.slice(cacheRoot.length + 1);
  removeStaleTemps(cacheRoot, base);
  const tmp = mkdtempSync(join(cacheRoot, `.${base}.tmp-`));
  try {
    writeFileSync(join(tmp, 'package.json'), `${JSON.stringify({ name: 'cog-migrate-node-tools', private: true, description: `verify's pinned ${set} tools, installed by cog-migrate`, dependencies: NODE_TOOL_SETS[set] }, null, 2)}\n`);
    opts.onProgress?.(`installing ${toolSpecs(set).join(', ')} into ${dir} (once)`);
    const args = ['install', '--prefix', tmp, '--ignore-scripts', '--include=optional', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
    const r = await runNpm(args, tmp, opts.env ?? process.env);
    if (!r.ok) return r.problem;
    if (!holdsToolSet(join(tmp, 'node_modules'), set)) return 'npm finished, but not every package is there at its pinned version';
    // A folder already there without the pins (a hand install that failed half-way) is replaced.
    if (existsSync(dir)) renameSync(dir, `${tmp}.old`);
    renameSync(tmp, dir);
    return undefined;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${tmp}.old`, { recursive: true, force: true });
  }
}

/**
 * The node_modules folder holding `set` in verify's cache, installed there first when it is not;
 * or the CM507 finding saying why it could not be, with the command to run by hand.
 */
export async function installToolSet(set: NodeToolSet, opts: InstallOptions = {}): Promise<{ nodeModules?: string; finding?: Finding }> {
  const cacheRoot = opts.cacheRoot ?? verifyCacheDir('node-tools', opts.env);
  const dir = toolSetDir(set, cacheRoot);
  const nodeModules = join(dir, 'node_modules');
  if (holdsToolSet(nodeModules, set)) return { nodeModules };
  let problem: string | undefined;
  try {
    mkdirSync(cacheRoot, { recursive: true });
    problem = await withFileLock(join(cacheRoot, `.${set}.lock`), INSTALL_TIMEOUT_MS, async () =>
      // Whoever held the lock may have installed it meanwhile.
      holdsToolSet(nodeModules, set) ? undefined : install(set, dir, cacheRoot, opts));
  } catch (e) {
    problem = (e as Error).message;
  }
  if (!problem) return { nodeModules };
  return {
    finding: finding('CM507', `${toolSpecs(set).join(', ')} could not be installed into ${dir} (${problem})${opts.skipped ? `: ${opts.skipped}` : ''}`, undefined, {
      hint: `verify installs the tools it runs on first use with npm. Offline or without npm, run by hand: ${manualInstallCommand(set, dir)}; or install them beside cog-migrate. Then re-run verify.`,
    }),
  };
}
