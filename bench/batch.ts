// `npm run bench` part: batch conversion of 1,000 models (the fixtures replicated under new names
// in a temporary folder) to one target, with --jobs 1 and --jobs 2 in the same run: wall time,
// CPU time (user and system, the whole process: worker threads and V8's own threads included),
// models per second and peak memory (max RSS of the process). Runs the compiled CLI (dist/, built
// first when missing or older than src/) as a user would. Measured, never asserted.
// `npx tsx bench/batch.ts [MODELS]` runs this part alone.
//
// Every run writes into a fresh folder and no output is removed before the last run: on ext4
// without a journal (this machine's disk) creating a file scans past every inode freed in the last
// minutes (`recently_deleted` in fs/ext4/ialloc.c), so removing the --jobs 1 output (13,000 files)
// before the --jobs 2 run made that run pay seconds of system time for it. The disk's own cost of
// creating files is measured beside the runs (`fileCreateUs`), so a slow disk shows as one.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface BatchBench {
  models: number;
  target: string;
  /** cpuSeconds: user + system time of the whole process (workers included), which load elsewhere
   * on the machine changes far less than the wall time. */
  runs: { jobs: number; wallSeconds: number; cpuSeconds: number; userSeconds: number; systemSeconds: number; modelsPerSecond: number; peakRssMb: number; converted: number; failed: number }[];
  /** CPU microseconds (user + system) to create one small file in a fresh folder of the bench's
   * disk, measured before the runs: what the disk alone costs a run that writes 13,000 files. */
  fileCreateUs: number;
}

export function benchBatch(root: string, opts: { log: (s: string) => void; models?: number; target?: string }): BatchBench {
  const count = opts.models ?? Number(process.env.BENCH_BATCH_MODELS ?? 1000);
  const target = opts.target ?? 'fal';
  ensureBuilt(root, opts.log);
  const inputs = readdirSync(join(root, 'fixtures'))
    .filter((n) => !n.startsWith('.') && existsSync(join(root, 'fixtures', n, 'input', 'cog.yaml')))
    .sort()
    .map((n) => join(root, 'fixtures', n, 'input'));
  const work = mkdtempSync(join(tmpdir(), 'cogm-bench-batch-'));
  try {
    const models = join(work, 'models');
    for (let i = 0; i < count; i++) {
      // dereference: a fixture's symlinks that leave it (a hostile case) stay as they are, dangling
      cpSync(inputs[i % inputs.length]!, join(models, `m${String(i).padStart(4, '0')}`), { recursive: true, verbatimSymlinks: true });
    }
    const fileCreateUs = fileCreateCost(join(work, 'probe'));
    opts.log(`creating a file on this disk: ${fileCreateUs.toFixed(0)} µs of CPU`);
    const cli = join(root, 'bin', 'cog-migrate.js');
    const runs: BatchBench['runs'] = [];
    for (const jobs of [1, 2]) {
      const out = join(work, `out-${jobs}`);
      // The child reports its own peak RSS (worker threads share the process) on exit.
      const probe = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nBENCH_MAXRSS_KB=' + u.maxRSS + ' BENCH_USER_US=' + u.userCPUTime + ' BENCH_SYS_US=' + u.systemCPUTime + '\\n'); });`;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, cli, 'batch', models, '--to', target, '--out', out, '--jobs', String(jobs), '--json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const wall = (performance.now() - t0) / 1000;
      const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
      const user = Number(/BENCH_USER_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
      const sys = Number(/BENCH_SYS_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
      const cpu = user + sys;
      let converted = 0;
      let failed = 0;
      try {
        const doc = JSON.parse(r.stdout) as { counts: { byStatus: Record<string, number> } };
        converted = doc.counts.byStatus.converted ?? 0;
        failed = Object.entries(doc.counts.byStatus).filter(([k]) => k !== 'converted').reduce((a, [, n]) => a + n, 0);
      } catch {
        opts.log(`batch --jobs ${jobs} printed no summary (exit ${r.status}): ${r.stderr.slice(-400)}`);
      }
      runs.push({ jobs, wallSeconds: wall, cpuSeconds: cpu, userSeconds: user, systemSeconds: sys, modelsPerSecond: count / wall, peakRssMb: rss, converted, failed });
      opts.log(`batch ${count} models -> ${target} --jobs ${jobs}: ${wall.toFixed(2)} s (${cpu.toFixed(1)} s of CPU: ${user.toFixed(1)} user + ${sys.toFixed(1)} system), ${(count / wall).toFixed(1)} models/s, peak ${rss.toFixed(0)} MB (${converted} converted, ${failed} not)`);
    }
    return { models: count, target, runs, fileCreateUs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** CPU time per file of creating 2,000 small files (one folder per ten, as a model's output has). */
function fileCreateCost(dir: string): number {
  const n = 2000;
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i += 10) {
    const d = join(dir, String(i));
    mkdirSync(d, { recursive: true });
    for (let j = 0; j < 10; j++) writeFileSync(join(d, `f${j}`), 'x');
  }
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / n;
}

/** dist/ is what users run; rebuild it when a source file is newer. */
export function ensureBuilt(root: string, log: (s: string) => void): void {
  // The bundle (dist/cli/) is written last by `npm run build`: it is as new as everything built.
  const built = join(root, 'dist', 'cli', 'main.js');
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(join(root, 'src')), newest(join(root, 'targets')))) return;
  log('building dist/ (npm run build) for the batch bench');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const models = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(benchBatch(root, { log: (s) => console.error(s), ...(models ? { models } : {}) }), null, 2));
}
