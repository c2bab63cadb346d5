// `npm run bench`: every speed and memory figure in one run (a few minutes), measured, never
// asserted, printed with the machine and its load, and as a Markdown table for
// docs/performance.md:
//  - reading (cog.yaml + predictor -> IR) in CPU ms per model, next to CPython's ast.parse of the
//    same .py files in the same run;
//  - cold start of the compiled CLI: `--version` and one `inspect`, against `node -e 0` (startup.ts);
//  - Dockerfile generation and conversion per target;
//  - batch: 1,000 models (fixtures replicated) to fal with --jobs 1 and --jobs 2 (batch.ts);
//  - memory over 1,000 in-process conversions (memory.ts, in a child with --expose-gc);
//  - with --docker: size and build time of pruned vs. unpruned `cog debug` images (real builds).
// BENCH_ROUNDS (default 10), BENCH_BATCH_MODELS (1000), BENCH_MEMORY_CONVERSIONS (1000) scale it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
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
import { benchStartup } from './startup.js';
import type { MemoryRun } from './memory.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const MEMORY_CONVERSIONS = Number(process.env.BENCH_MEMORY_CONVERSIONS ?? 1000);
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

function sourceFiles(ir: CogIR): string[] {
  const files = new Set<string>(['cog.yaml']);
  for (const p of Object.values(ir.predictors)) {
    files.add(p.file);
    for (const m of p.localImports) files.add(m);
  }
  return [...files].map((f) => join(ir.project.root, f));
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
const files = irs.flatMap(sourceFiles);
const pyFiles = files.filter((f) => f.endsWith('.py'));
const pyBytes = pyFiles.reduce((n, f) => n + statSync(f).size, 0);
const models = dirs.length * ROUNDS;

// Both sides in CPU time of their own process (what load elsewhere on the machine changes least).
const cpu0 = process.cpuUsage();
for (let r = 0; r < ROUNDS; r++) for (const d of dirs) readCog(d);
const cpu = process.cpuUsage(cpu0);
const readSeconds = (cpu.user + cpu.system) / 1e6;
// Python reads and parses the same .py files ROUNDS times inside one process; only the loop is timed.
const pyScript = `
import ast, json, sys, time
files = json.load(sys.stdin)
t0 = time.process_time()
for _ in range(${ROUNDS}):
    for f in files:
        with open(f, 'rb') as fh:
            ast.parse(fh.read())
print(time.process_time() - t0)`;
const astSeconds = Number(execFileSync('python3', ['-c', pyScript], { input: JSON.stringify(pyFiles), encoding: 'utf8' }).trim());
const reading = {
  fixtures: dirs.length,
  rounds: ROUNDS,
  pyFilesPerModel: pyFiles.length / dirs.length,
  pyKbPerModel: pyBytes / 1024 / dirs.length,
  readMsPerModel: (readSeconds * 1000) / models,
  astParseMsPerModel: (astSeconds * 1000) / models,
};
log(`reading: ${reading.readMsPerModel.toFixed(2)} ms CPU/model (cog.yaml + predictor + local modules -> IR); python ast.parse of the same ${reading.pyFilesPerModel.toFixed(1)} .py files (${reading.pyKbPerModel.toFixed(1)} KB): ${reading.astParseMsPerModel.toFixed(2)} ms CPU/model; ratio ${(reading.readMsPerModel / reading.astParseMsPerModel).toFixed(1)}x`);

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

const results: Record<string, unknown> = { machine: before, reading, startup, dockerfileMs, convertMs, batch, memory };
if (process.argv.includes('--docker')) {
  const { benchVerifyImages } = await import('./verify-images.js');
  results.images = await benchVerifyImages({ log });
  console.log(JSON.stringify(results.images, null, 2));
}
const after = machine();
results.machineAfter = after;

const { markdownTable } = await import('./table.js');
console.log('');
console.log(markdownTable({ before, after, reading, startup, batch, memory }));
mkdirSync(join(ROOT, '.cache'), { recursive: true });
writeFileSync(join(ROOT, '.cache', 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\n(full results: .cache/bench.json)');
