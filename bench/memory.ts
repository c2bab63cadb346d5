// In-process memory over many conversions (a batch worker converts model after model in one
// thread): converts the fixtures round-robin N times (default 1,000) without writing, and reports
// resident set, JS heap (and the part of it that is compiled code), and the tree-sitter trees
// still alive at the warm-up, at 200, 500, 1,000, 2,000, 3,000 and N conversions.
//
// Why the loop turns the event loop between conversions: tree-sitter's node binding frees a
// parse tree (native memory the JS heap does not see) in the N-API finalizer of its Tree object,
// and Node 20 runs those finalizers from the event loop (setImmediate), not inside GC. A batch
// worker gets one model per message, so the loop turns between models; a synchronous loop of
// conversions holds every tree it parsed until it yields (`--sync` shows that).
//
// Why the JS heap rises over the first 2,000 or so conversions and then stays: V8's JIT. Each
// function that gets hot is compiled again (baseline, then optimised), with its feedback and
// deoptimisation data; a function only some fixtures reach gets hot late. `codeMb` and
// `--census` separate that from what the program keeps (docs/performance.md, "Memory").
//
//   npx tsx bench/memory.ts [N] [--sync] [--dist] [--to fal|cog|modal|workers-ai|all]
//                          [--distinct] [--census] [--json]   (add `node --expose-gc` for exact figures)
//
// --dist converts with the built dist/ instead of src/ through tsx; --distinct converts a fresh
// copy of each fixture every time (a new path per model, as a batch has), so a cache keyed by
// path would grow; --census counts live JS objects by kind at the last two marks
// (bench/heap-census.ts) and reports the kinds that grew between them (a heap snapshot raises
// RSS: the last mark's RSS is not comparable then).

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import Parser from 'tree-sitter';
import type { convert as Convert } from '../src/convert/index.js';
import type { loadTarget as LoadTarget } from '../src/cli/target-registry.js';
import type { Target } from '../src/target/types.js';
import { censusGrowth, censusOfFile, censusTotal, type Growth } from './heap-census.js';

export interface MemoryPoint {
  conversions: number;
  rssMb: number;
  heapMb: number;
  /** The part of the heap that is V8's compiled code (code space): the JIT's, not the program's. */
  codeMb: number;
  /** Parse trees of the conversions just before this mark not yet collected (see treeCounter). */
  liveTrees: number;
  /** Live JS objects (bench/heap-census.ts), with --census, at the last two marks. */
  objects?: number;
}

export interface MemoryRun {
  conversions: number;
  yields: boolean;
  lib: 'src' | 'dist';
  targets: string[];
  distinct: boolean;
  points: MemoryPoint[];
  /** RSS growth per 100 conversions from the warm-up point to the end. */
  slopeMbPer100: number;
  peakRssMb: number;
  /** With --census: object kinds that grew (or shrank) between the last two marks. */
  censusGrowth?: Growth[];
}

export interface MemoryOptions {
  yields: boolean;
  lib?: 'src' | 'dist';
  to?: string;
  distinct?: boolean;
  census?: boolean;
  report?: (line: string) => void;
}

/** The repository root, from src/ through tsx or from a bundled copy of this file. */
function repoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cog-migrate') return dir;
  }
  throw new Error(`cog-migrate's package.json not found above ${from}`);
}

const ROOT = repoRoot(import.meta.dirname);

/**
 * Counts trees alive: wraps Parser#parse once, so every parse in the process is seen while armed.
 * Armed only for the last conversions before each mark: V8 keeps an object registered in a
 * FinalizationRegistry until a full collection (a young-generation GC does not free it), so
 * registering every tree would itself hold native memory longer and raise RSS.
 */
function treeCounter(): { live: () => number; arm: (on: boolean) => void } {
  let alive = 0;
  let armed = false;
  const registry = new FinalizationRegistry<void>(() => { alive--; });
  const parse = Parser.prototype.parse;
  Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
    const tree = parse.apply(this, args);
    if (tree && armed) {
      alive++;
      registry.register(tree, undefined);
    }
    return tree;
  };
  return { live: () => alive, arm: (on) => { armed = on; } };
}

const turn = () => new Promise<void>((r) => setImmediate(r));
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** Conversions before each mark whose trees are counted. */
const COUNTED = 25;

async function settle(): Promise<void> {
  // Collect, let the deferred N-API finalizers and the registry's callbacks run, collect again.
  for (let i = 0; i < 3; i++) {
    gc?.();
    await turn();
  }
}

function codeSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'code_space')?.space_used_size ?? 0;
}

async function library(lib: 'src' | 'dist'): Promise<{ convert: typeof Convert; loadTarget: typeof LoadTarget }> {
  // Imported by path, so a bundled copy of this file (plain node, no tsx) converts with dist/.
  const base = lib === 'dist' ? join(ROOT, 'dist/src') : join(ROOT, 'src');
  const { convert } = (await import(pathToFileURL(join(base, 'convert/index.js')).href)) as { convert: typeof Convert };
  const { loadTarget } = (await import(pathToFileURL(join(base, 'cli/target-registry.js')).href)) as { loadTarget: typeof LoadTarget };
  return { convert, loadTarget };
}

export async function memoryRun(n: number, opts: MemoryOptions): Promise<MemoryRun> {
  const counter = treeCounter();
  const fixtures = join(ROOT, 'fixtures');
  const projects = readdirSync(fixtures)
    .filter((c) => !c.startsWith('bad-') && existsSync(join(fixtures, c, 'input', 'cog.yaml')))
    .sort()
    .map((c) => join(fixtures, c, 'input'));
  const lib = opts.lib ?? 'src';
  const { convert, loadTarget } = await library(lib);
  const names = opts.to === undefined ? ['fal'] : opts.to === 'all' ? ['fal', 'cog', 'modal', 'workers-ai'] : opts.to.split(',');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const targets: { target: Target<any>; options: unknown }[] = [];
  for (const name of names) {
    const target = await loadTarget(name as Parameters<typeof LoadTarget>[0]);
    targets.push({ target, options: target.parseOptions({}) });
  }
  const scratch = opts.distinct || opts.census ? mkdtempSync(join(tmpdir(), 'cog-migrate-memory-')) : undefined;
  const warmup = Math.min(100, Math.floor(n / 3));
  const marks = [...new Set([warmup, 200, 500, 1000, 2000, 3000, n].filter((m) => m <= n))].sort((a, b) => a - b);
  const points: MemoryPoint[] = [];
  const snapshots: string[] = [];
  let peakRssMb = 0;
  try {
    for (let i = 1, next = 0; i <= n; i++) {
      const mark = marks[next]!;
      counter.arm(i > mark - COUNTED);
      const { target, options } = targets[i % targets.length]!;
      const project = projects[i % projects.length]!;
      const copy = opts.distinct ? join(scratch!, String(i)) : undefined;
      if (copy) cpSync(project, copy, { recursive: true, verbatimSymlinks: true });
      convert(copy ?? project, target, options);
      if (copy) rmSync(copy, { recursive: true, force: true });
      if (opts.yields) await turn();
      peakRssMb = Math.max(peakRssMb, mb(process.memoryUsage.rss()));
      if (i !== mark) continue;
      next++;
      counter.arm(false);
      if (opts.yields) await settle();
      else gc?.();
      const m = process.memoryUsage();
      const point: MemoryPoint = { conversions: i, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), codeMb: mb(codeSpaceBytes()), liveTrees: counter.live() };
      points.push(point);
      opts.report?.(`${String(i).padStart(5)} conversions: rss ${point.rssMb} MB, heap ${point.heapMb} MB (code ${point.codeMb} MB), trees alive ${point.liveTrees}`);
      // At the last two marks only (a snapshot raises RSS for the rest of the run), and read after
      // the run: parsing a snapshot in the loop would leave objects of its own in the heap.
      if (opts.census && next >= marks.length - 1) snapshots.push(writeHeapSnapshot(join(scratch!, `${i}.heapsnapshot`)));
    }
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const span = last.conversions - first.conversions;
    const slopeMbPer100 = span > 0 ? Math.round(((last.rssMb - first.rssMb) / span) * 100 * 100) / 100 : 0;
    const run: MemoryRun = { conversions: n, yields: opts.yields, lib, targets: names, distinct: opts.distinct ?? false, points, slopeMbPer100, peakRssMb };
    const censuses = snapshots.map(censusOfFile);
    censuses.forEach((c, k) => { points[points.length - censuses.length + k]!.objects = censusTotal(c); });
    if (censuses.length >= 2) run.censusGrowth = censusGrowth(censuses[censuses.length - 2]!, censuses[censuses.length - 1]!);
    return run;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const json = args.includes('--json');
  const to = args.includes('--to') ? args[args.indexOf('--to') + 1] : undefined;
  const r = await memoryRun(n, {
    yields: !args.includes('--sync'),
    lib: args.includes('--dist') ? 'dist' : 'src',
    ...(to ? { to } : {}),
    distinct: args.includes('--distinct'),
    census: args.includes('--census'),
    ...(json ? {} : { report: (l: string) => process.stdout.write(`${l}\n`) }),
  });
  if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(`rss slope after warm-up ${r.slopeMbPer100} MB per 100 conversions, peak ${r.peakRssMb} MB over ${n} conversions (${r.lib}, ${r.targets.join(', ')}${r.distinct ? ', a fresh copy each time' : ''})${gc ? '' : ' (run with node --expose-gc for settled figures)'}\n`);
    if (r.censusGrowth) {
      process.stdout.write(`live JS objects: ${r.points.filter((p) => p.objects !== undefined).map((p) => `${p.objects} at ${p.conversions}`).join(', ')}; kinds that changed:\n`);
      for (const g of r.censusGrowth) process.stdout.write(`  ${String(g.count).padStart(7)} ${g.kind}\n`);
    }
  }
}
