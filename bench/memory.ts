// In-process memory over many conversions (a batch worker converts model after model in one
// thread): converts the fixtures round-robin N times (default 1,000) to fal without writing, and
// reports resident set, JS heap and the tree-sitter trees still alive at the start (after a
// warm-up), at 200, 500 and N conversions, with the slope of RSS after the warm-up.
//
// Why the loop turns the event loop between conversions: tree-sitter's node binding frees a
// parse tree (native memory the JS heap does not see) in the N-API finalizer of its Tree object,
// and Node 20 runs those finalizers from the event loop (setImmediate), not inside GC. A batch
// worker gets one model per message, so the loop turns between models; a synchronous loop of
// conversions holds every tree it parsed until it yields (`--sync` shows that).
//
//   npx tsx bench/memory.ts [N] [--sync] [--json]          (add `node --expose-gc` for exact figures)

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Parser from 'tree-sitter';
import { convert } from '../src/convert/index.js';
import { loadTarget } from '../src/cli/target-registry.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export interface MemoryPoint {
  conversions: number;
  rssMb: number;
  heapMb: number;
  /** Parse trees not yet collected (counted by a FinalizationRegistry on every tree parsed). */
  liveTrees: number;
}

export interface MemoryRun {
  conversions: number;
  yields: boolean;
  points: MemoryPoint[];
  /** RSS growth per 100 conversions from the warm-up point to the end. */
  slopeMbPer100: number;
  peakRssMb: number;
}

/** Counts trees alive: wraps Parser#parse once, so every parse in the process is seen. */
function treeCounter(): () => number {
  let alive = 0;
  const registry = new FinalizationRegistry<void>(() => { alive--; });
  const parse = Parser.prototype.parse;
  Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
    const tree = parse.apply(this, args);
    if (tree) {
      alive++;
      registry.register(tree, undefined);
    }
    return tree;
  };
  return () => alive;
}

const turn = () => new Promise<void>((r) => setImmediate(r));
const gc = (globalThis as { gc?: () => void }).gc;

async function settle(): Promise<void> {
  // Collect, let the deferred N-API finalizers and the registry's callbacks run, collect again.
  for (let i = 0; i < 3; i++) {
    gc?.();
    await turn();
  }
}

export async function memoryRun(n: number, opts: { yields: boolean; report?: (line: string) => void }): Promise<MemoryRun> {
  const live = treeCounter();
  const projects = readdirSync(FIXTURES)
    .filter((c) => !c.startsWith('bad-') && existsSync(join(FIXTURES, c, 'input', 'cog.yaml')))
    .sort()
    .map((c) => join(FIXTURES, c, 'input'));
  const target = await loadTarget('fal');
  const options = target.parseOptions({});
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const warmup = Math.min(100, Math.floor(n / 3));
  const marks = new Set([warmup, 200, 500, n].filter((m) => m <= n));
  const points: MemoryPoint[] = [];
  let peakRssMb = 0;
  for (let i = 1; i <= n; i++) {
    convert(projects[i % projects.length]!, target, options);
    if (opts.yields) await turn();
    peakRssMb = Math.max(peakRssMb, mb(process.memoryUsage.rss()));
    if (!marks.has(i)) continue;
    if (opts.yields) await settle();
    else gc?.();
    const m = process.memoryUsage();
    const point = { conversions: i, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), liveTrees: live() };
    points.push(point);
    opts.report?.(`${String(i).padStart(5)} conversions: rss ${point.rssMb} MB, heap ${point.heapMb} MB, trees alive ${point.liveTrees}`);
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const span = last.conversions - first.conversions;
  const slopeMbPer100 = span > 0 ? Math.round(((last.rssMb - first.rssMb) / span) * 100 * 100) / 100 : 0;
  return { conversions: n, yields: opts.yields, points, slopeMbPer100, peakRssMb };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const json = args.includes('--json');
  const r = await memoryRun(n, { yields: !args.includes('--sync'), ...(json ? {} : { report: (l: string) => process.stdout.write(`${l}\n`) }) });
  if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else process.stdout.write(`rss slope after warm-up ${r.slopeMbPer100} MB per 100 conversions, peak ${r.peakRssMb} MB over ${n} conversions${gc ? '' : ' (run with node --expose-gc for settled figures)'}\n`);
}
