// Runs one command of the CLI as a child process under a time and a memory bound: the child is
// killed when its resident set grows past the limit (a hostile input must not eat the machine,
// even in native memory the JS heap never sees) or when it outlives a wall-clock limit (a hang).
// The time bound proper is on CPU time, which a machine shared by many jobs does not inflate;
// the wall-clock limit is a multiple of it. Peak RSS: polled from /proc while the child runs,
// and its own getrusage at exit.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PROBE = join(import.meta.dirname, 'rss-probe.mjs');
// Resolved here: the child runs in the case's work folder, where `tsx` is not resolvable.
const TSX = import.meta.resolve('tsx');
const WALL_FACTOR = 4;

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock and CPU milliseconds. */
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  /** Why the run was stopped by the bound, if it was. */
  killed?: 'timeout' | 'memory';
}

export interface Bounds {
  /** CPU time allowed; the wall clock allows WALL_FACTOR times as much (at least a minute). */
  timeoutMs: number;
  maxRssMb: number;
  cwd: string;
  env?: Record<string, string>;
}

/** `cog-migrate ARGS` from the TypeScript source (never a stale dist/), bounded. */
export function runCliBounded(args: readonly string[], bounds: Bounds): Promise<BoundedRun> {
  const probeDir = mkdtempSync(join(tmpdir(), 'cogm-rss-'));
  const probeFile = join(probeDir, 'maxrss');
  const nodeArgs = [`--max-old-space-size=${bounds.maxRssMb}`, '--import', TSX, '--import', PROBE, join(ROOT, 'src/cli/main.ts'), ...args];
  const started = Date.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: bounds.cwd,
    env: { ...process.env, ...bounds.env, COGM_RSS_PROBE_FILE: probeFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // A flood of output is itself a failure mode; keep the head, which names the problem.
  const keep = (acc: string, chunk: Buffer) => (acc.length > 2_000_000 ? acc : acc + chunk.toString('utf8'));
  child.stdout.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
  child.stderr.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
  let peakKb = 0;
  let killed: BoundedRun['killed'];
  const stop = (why: NonNullable<BoundedRun['killed']>) => {
    if (killed) return;
    killed = why;
    child.kill('SIGKILL');
  };
  const poll = setInterval(() => {
    const kb = residentKb(child.pid);
    if (kb > peakKb) peakKb = kb;
    if (kb > bounds.maxRssMb * 1024) stop('memory');
  }, 20);
  const timer = setTimeout(() => stop('timeout'), Math.max(60_000, WALL_FACTOR * bounds.timeoutMs));
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      let cpuMs = Number.NaN;
      if (existsSync(probeFile)) {
        const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
        peakKb = Math.max(peakKb, probe.maxRssKb);
        cpuMs = probe.cpuMs;
      }
      rmSync(probeDir, { recursive: true, force: true });
      if (!killed && cpuMs > bounds.timeoutMs) killed = 'timeout';
      done({ code, signal, stdout, stderr, ms: Date.now() - started, cpuMs, peakRssMb: Math.round(peakKb / 1024), ...(killed ? { killed } : {}) });
    });
  });
}

/** The process's peak resident set (VmHWM) in KB, 0 when it is gone or /proc is absent. */
function residentKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The finding codes a run printed (`... error CM102: ...`), in order, with repeats. */
export function printedCodes(run: Pick<BoundedRun, 'stdout' | 'stderr'>): string[] {
  const codes: string[] = [];
  for (const m of `${run.stderr}\n${run.stdout}`.matchAll(/\b(?:error|warning|info) (CM\d{3})\b/g)) codes.push(m[1]!);
  return codes;
}
