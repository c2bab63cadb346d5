// What batch's main thread keeps per model: runs the batch (runBatch, the workers and all) over N
// copies of the fixtures and then over 2N, and after a GC measures the JS heap the main thread
// holds with each run's result: what the reports are written from. The difference per model is
// what the main thread's memory grows by with every model. Before the report parts went to a
// spool on disk (src/report/batch/part-spool.ts) it held each model's whole report and its
// rendered report.json and report.html entries (about 70 KB of heap a model); now the rows'
// statuses and findings (the other formats and `batch --json` read them), about 2 KB.
//
//   node --expose-gc --import tsx bench/batch-retained.ts [N] [--root DIR] [--json]
//
// --root runs another checkout's src/ (to compare with the code before a change). Measured,
// never timed; test/bench/batch-retained.test.ts bounds it.

import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { runBatch as RunBatch } from '../src/batch/run.js';

export interface RetainedRun {
  /** N: the first run's models (the second has 2N). */
  models: number;
  /** JS heap after a GC held with each run's result, over the heap held with none, in MB. */
  heldMb: [number, number];
  /** What one model more adds to it, in KB: (held at 2N - held at N) / N. */
  perModelKb: number;
}

export async function benchRetained(root: string, models: number): Promise<RetainedRun> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const { runBatch } = await import(pathToFileURL(join(root, 'src/batch/run.ts')).href) as { runBatch: typeof RunBatch };
  const fixtures = readdirSync(join(root, 'fixtures'))
    .filter((n) => !n.startsWith('.') && existsSync(join(root, 'fixtures', n, 'input', 'cog.yaml')))
    .sort()
    .map((n) => join(root, 'fixtures', n, 'input'));
  const work = mkdtempSync(join(tmpdir(), 'cogm-bench-retained-'));
  const copies = (name: string, count: number): string => {
    const dir = join(work, name);
    for (let i = 0; i < count; i++) cpSync(fixtures[i % fixtures.length]!, join(dir, `m${String(i).padStart(5, '0')}`), { recursive: true, verbatimSymlinks: true });
    return dir;
  };
  const heapAfterGc = async (): Promise<number> => {
    // Two turns of the event loop and two collections: finalizers queued by the first run too.
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setImmediate(r));
      gc();
    }
    return process.memoryUsage().heapUsed;
  };
  /** Heap held with a run's result over `base`; the run's spool is closed after. */
  const held = async (dir: string, out: string, base: number): Promise<number> => {
    const run = await runBatch({ paths: [dir], targets: ['fal'], out: join(work, out), jobs: 1 });
    const bytes = (await heapAfterGc()) - base;
    // Still in use here, so the collection above could not take it.
    if (run.report.models.length === 0) throw new Error(`no model converted in ${dir}`);
    (run.rendered as { close?: () => void }).close?.();
    return bytes;
  };
  try {
    const small = copies('warm', Math.min(20, models));
    const one = copies('n', models);
    const two = copies('2n', 2 * models);
    // The first run loads the modules and warms the JIT; its result is garbage after it.
    await held(small, 'out-warm', 0);
    const base = await heapAfterGc();
    const atN = await held(one, 'out-n', base);
    const at2N = await held(two, 'out-2n', base);
    const mb = (b: number) => Math.round((b / 1048576) * 100) / 100;
    return { models, heldMb: [mb(atN), mb(at2N)], perModelKb: Math.round(((at2N - atN) / models / 1024) * 10) / 10 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? resolve(args[at + 1]!) : resolve(import.meta.dirname, '..');
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--root') ?? 100);
  const r = await benchRetained(root, n);
  if (args.includes('--json')) console.log(JSON.stringify(r));
  else console.log(`batch main thread, heap held after a GC: ${r.heldMb[0]} MB with ${n} models, ${r.heldMb[1]} MB with ${2 * n}: ${r.perModelKb} KB per model`);
}
