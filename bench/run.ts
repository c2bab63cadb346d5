// `npm run bench`: throughput measured, never asserted. Reports
//  - extraction (cog.yaml + predictor -> IR) in models/s and MB/s, next to Python's own
//    ast.parse of the same files, measured in the same run;
//  - Dockerfile generation time per model and target;
//  - conversion of every fixture to each target in models/s;
//  - batch: 1,000 models (fixtures replicated) to fal with --jobs 1 and --jobs 2 (bench/batch.ts);
//  - with --docker: size and build time of pruned vs. unpruned `cog debug` images (real builds).

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

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

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

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

const dirs = projects();
const irs = dirs.map((d) => readCog(d).ir).filter((ir): ir is CogIR => Boolean(ir));
const files = irs.flatMap(sourceFiles);
const pyFiles = files.filter((f) => f.endsWith('.py'));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const pyBytes = pyFiles.reduce((n, f) => n + statSync(f).size, 0);

const extractSeconds = time(() => {
  for (let r = 0; r < ROUNDS; r++) for (const d of dirs) readCog(d);
});
const models = dirs.length * ROUNDS;

// Python reads and parses the same .py files ROUNDS times inside one process; only the loop is timed.
const pyScript = `
import ast, json, sys, time
files = json.load(sys.stdin)
t0 = time.perf_counter()
for _ in range(${ROUNDS}):
    for f in files:
        with open(f, 'rb') as fh:
            ast.parse(fh.read())
print(time.perf_counter() - t0)`;
const astSeconds = Number(execFileSync('python3', ['-c', pyScript], { input: JSON.stringify(pyFiles), encoding: 'utf8' }).trim());

const targets: TargetName[] = ['cog', 'fal', 'modal', 'workers-ai'];
const dockerfileMs: Record<string, number> = {};
for (const t of targets) {
  const s = time(() => {
    for (let r = 0; r < ROUNDS; r++) for (const ir of irs) dockerfileFor(ir, t);
  });
  dockerfileMs[t] = (s * 1000) / (irs.length * ROUNDS);
}

const convertRate: Record<string, number> = {};
for (const [name, target] of Object.entries(TARGETS)) {
  const opts = target.parseOptions({});
  const s = time(() => {
    for (let r = 0; r < ROUNDS; r++) for (const ir of irs) convertIr(ir, target, opts);
  });
  convertRate[name] = (irs.length * ROUNDS) / s;
}

const mb = (n: number) => n / (1024 * 1024);
const results: Record<string, unknown> = {
  fixtures: dirs.length,
  rounds: ROUNDS,
  extraction: {
    modelsPerSecond: models / extractSeconds,
    mbPerSecond: (mb(bytes) * ROUNDS) / extractSeconds,
    note: 'cog.yaml + predictor + local modules -> IR (tree-sitter, static)',
  },
  pythonAstParse: {
    modelsPerSecond: models / astSeconds,
    mbPerSecond: (mb(pyBytes) * ROUNDS) / astSeconds,
    note: 'CPython ast.parse of the same .py files, same run (parse only, no IR)',
  },
  dockerfileMsPerModel: dockerfileMs,
  convertModelsPerSecond: convertRate,
};

console.log(`cog-migrate bench: ${dirs.length} fixtures x ${ROUNDS} rounds`);
console.log(`  extraction         ${(models / extractSeconds).toFixed(1).padStart(8)} models/s ${((mb(bytes) * ROUNDS) / extractSeconds).toFixed(2).padStart(8)} MB/s`);
console.log(`  python ast.parse   ${(models / astSeconds).toFixed(1).padStart(8)} models/s ${((mb(pyBytes) * ROUNDS) / astSeconds).toFixed(2).padStart(8)} MB/s`);
for (const t of targets) console.log(`  dockerfile ${t.padEnd(11)}${dockerfileMs[t]!.toFixed(3).padStart(9)} ms/model`);
for (const [n, r] of Object.entries(convertRate)) console.log(`  convert to ${n.padEnd(11)}${r.toFixed(1).padStart(9)} models/s`);

{
  const { benchBatch } = await import('./batch.js');
  results.batch = benchBatch(ROOT, { log: (s: string) => console.log(`  ${s}`) });
}

if (process.argv.includes('--docker')) {
  const { benchVerifyImages } = await import('./verify-images.js');
  const images = await benchVerifyImages({ log: (s: string) => console.log(`  ${s}`) });
  results.images = images;
  console.log('  pruned vs cog debug images:');
  console.log(JSON.stringify(images, null, 2));
}

mkdirSync(join(ROOT, '.cache'), { recursive: true });
writeFileSync(join(ROOT, '.cache', 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log('  (full results: .cache/bench.json)');
