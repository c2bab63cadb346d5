// `npm run bench`: every speed and memory figure in one run (a few minutes), measured, never
// asserted, printed with the machine and its load, and as a Markdown table for
// docs/performance.md:
//  - reading (cog.yaml + predictor -> IR) in CPU ms per model, next to CPython's ast.parse of the
//    same .py files in the same run, over the fixtures and over generated larger predictors
//    (large-corpus.ts), and over BENCH_READ_DIRS when given (reading.ts); `--reading` stops there;
//  - cold start of the compiled CLI: `--version` and one `inspect`, against `node -e 0` (startup.ts);
//  - Dockerfile generation and conversion per target;
//  - batch: 1,000 models (fixtures replicated) to fal with --jobs 1 and --jobs 2 (batch.ts);
//  - memory over 1,000 in-process conversions (memory.ts, in a child with --expose-gc);
//  - with --docker: size and build time of pruned vs. unpruned `cog debug` images (real builds).
// BENCH_ROUNDS (default 10), BENCH_LARGE_MODELS (40), BENCH_BATCH_MODELS (1000), BENCH_MEMORY_CONVERSIONS (1000) scale it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCog } from '../src/frontends/cog/index.js';
import { dockerfileFor } from '../src/dockerfile/index.js';
import { convertIr } from '../src/convert/index.js';
import { TARGETS } from '../src/cli/targets.js';
import type { CogIR } from '../src/ir/types.js';
import type { TargetName } from '../src/target/types.js';
import { describeMachine, machine } from './machine.js';
import { benchBatch, ensureBuilt } from './batch.js';
import { benchReading, describeReading } from './reading.js';
import { writeLargeCorpus } from './large-corpus.js';
import { benchStartup } from './startup.js';
import type { MemoryRun } from './memory.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const MEMORY_CONVERSIONS = Number(process.env.BENCH_MEMORY_CONVERSIONS ?? 1000);
const LARGE_MODELS = Number(process.env.BENCH_LARGE_MODELS ?? 40);
const log = (s: string) => console.log(`  ${s}`);

function projects(): string[] {
  return readdirSync(FIXTURES)
    .filter((n) => !n.startsWith('.') && existsSync(join(FIXTURES, n, 'input', 'cog.yaml')))
    .filter((n) => {
      const c = join(FIXTURES, n, 'case.json');
      return !(existsSync(c) && JSON.parse(readFileSync(c, 'utf8')).expectError);
    })
    .sort()
    .map((n) => join(FIXTURES, n, 'input'));
}

function seconds(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

const before = machine();
console.log(`cog-migrate bench, ${describeMachine(before)}`);

const dirs = projects();
const irs = dirs.map((d) => readCog(d).ir).filter((ir): ir is CogIR => Boolean(ir));
const reading = benchReading('fixtures', dirs, ROUNDS);
log(describeReading(reading));
// The fixtures' predictors are small, so fixed costs dominate them: larger predictors too.
const largeDir = mkdtempSync(join(tmpdir(), 'cogm-bench-large-'));
const readingLarge = benchReading('larger predictors', writeLargeCorpus(largeDir, LARGE_MODELS), ROUNDS);
rmSync(largeDir, { recursive: true, force: true });
log(describeReading(readingLarge));
// BENCH_READ_DIRS: folders of real projects on this machine (colon-separated), read in place.
const realDirs = (process.env.BENCH_READ_DIRS ?? '').split(':').filter(Boolean);
const readingReal = realDirs.length ? benchReading('given folders', realDirs, ROUNDS) : undefined;
if (readingReal) log(describeReading(readingReal));
if (process.argv.includes('--reading')) {
  const { markdownTable } = await import('./table.js');
  console.log('');
  console.log(markdownTable({ before, after: machine(), readings: [reading, readingLarge, ...(readingReal ? [readingReal] : [])] }));
  process.exit(0);
}

const targets: TargetName[] = ['cog', 'fal', 'modal', 'workers-ai'];
const dockerfileMs: Record<string, number> = {};
for (const t of targets) dockerfileMs[t] = (seconds(() => { for (let r = 0; r < ROUNDS; r++) for (const ir of irs) dockerfileFor(ir, t); }) * 1000) / (irs.length * ROUNDS);
const convertMs: Record<string, number> = {};
for (const [name, target] of Object.entries(TARGETS)) {
  const opts = target.parseOptions({});
  convertMs[name] = (seconds(() => { for (let r = 0; r < ROUNDS; r++) for (const ir of irs) convertIr(ir, target, opts); }) * 1000) / (irs.length * ROUNDS);
}
log(`dockerfile ms/model: ${targets.map((t) => `${t} ${dockerfileMs[t]!.toFixed(2)}`).join(', ')}`);
log(`convert (IR -> files) ms/model: ${Object.entries(convertMs).map(([t, ms]) => `${t} ${ms.toFixed(2)}`).join(', ')}`);

ensureBuilt(ROOT, log);
const startup = benchStartup(ROOT, { log });
const batch = benchBatch(ROOT, { log });

const memoryOut = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/memory.ts'), String(MEMORY_CONVERSIONS), '--json'], { cwd: ROOT, encoding: 'utf8' });
const memory = JSON.parse(memoryOut.trim().split('\n').pop()!) as MemoryRun;
log(`memory over ${memory.conversions} in-process conversions: ${memory.points.map((p) => `rss ${p.rssMb} MB at ${p.conversions}`).join(', ')}; slope ${memory.slopeMbPer100} MB/100; trees alive at the end ${memory.points[memory.points.length - 1]!.liveTrees}`);

const results: Record<string, unknown> = { machine: before, reading, readingLarge, ...(readingReal ? { readingReal } : {}), startup, dockerfileMs, convertMs, batch, memory };
if (process.argv.includes('--docker')) {
  const { benchVerifyImages } = await import('./verify-images.js');
  results.images = await benchVerifyImages({ log });
  console.log(JSON.stringify(results.images, null, 2));
}
const after = machine();
results.machineAfter = after;

const { markdownTable } = await import('./table.js');
console.log('');
console.log(markdownTable({ before, after, readings: [reading, readingLarge, ...(readingReal ? [readingReal] : [])], startup, batch, memory }));
mkdirSync(join(ROOT, '.cache'), { recursive: true });
writeFileSync(join(ROOT, '.cache', 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\n(full results: .cache/bench.json)');
