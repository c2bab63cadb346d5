// `npm run bench` part: batch conversion of 1,000 models (the fixtures replicated under new names
// in a temporary folder) to one target, with --jobs 1 and --jobs 2 in the same run: wall time,
// models per second and peak memory (max RSS of the process, worker threads included). Runs the
// compiled CLI (dist/, built first when missing or older than src/) as a user would. Measured,
// never asserted.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BatchBench {
  models: number;
  target: string;
  /** cpuSeconds: user + system time of the whole process (workers included), which load elsewhere
   * on the machine changes far less than the wall time. */
  runs: { jobs: number; wallSeconds: number; cpuSeconds: number; modelsPerSecond: number; peakRssMb: number; converted: number; failed: number }[];
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
    const cli = join(root, 'bin', 'cog-migrate.js');
    const runs: BatchBench['runs'] = [];
    for (const jobs of [1, 2]) {
      const out = join(work, `out-${jobs}`);
      // The child reports its own peak RSS (worker threads share the process) on exit.
      const probe = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nBENCH_MAXRSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, cli, 'batch', models, '--to', target, '--out', out, '--jobs', String(jobs), '--json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const wall = (performance.now() - t0) / 1000;
      const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
      const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
      let converted = 0;
      let failed = 0;
      try {
        const doc = JSON.parse(r.stdout) as { counts: { byStatus: Record<string, number> } };
        converted = doc.counts.byStatus.converted ?? 0;
        failed = Object.entries(doc.counts.byStatus).filter(([k]) => k !== 'converted').reduce((a, [, n]) => a + n, 0);
      } catch {
        opts.log(`batch --jobs ${jobs} printed no summary (exit ${r.status}): ${r.stderr.slice(-400)}`);
      }
      runs.push({ jobs, wallSeconds: wall, cpuSeconds: cpu, modelsPerSecond: count / wall, peakRssMb: rss, converted, failed });
      opts.log(`batch ${count} models -> ${target} --jobs ${jobs}: ${wall.toFixed(2)} s (${cpu.toFixed(1)} s of CPU), ${(count / wall).toFixed(1)} models/s, peak ${rss.toFixed(0)} MB (${converted} converted, ${failed} not)`);
      rmSync(out, { recursive: true, force: true });
    }
    return { models: count, target, runs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
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
