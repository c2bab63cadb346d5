// Memory over many in-process conversions (issue 18): a batch worker converts model after model
// in one thread, so anything a conversion leaves behind grows with every model. Runs
// bench/memory.ts in a child with `--expose-gc` (memory bounds, not time bounds):
//  - native memory: tree-sitter's trees live outside the JS heap; none may outlive its
//    conversion, and RSS after the warm-up grows by a bounded amount;
//  - the JS heap, after a GC, between two late marks: a fresh copy of each fixture every time (a
//    new path per model, as a batch has), and both the heap's growth and the count of live JS
//    objects (a heap-snapshot census) stay under bounds the JIT's warm-up fits in and a leak
//    does not. From 200 to 500 conversions the code as it is adds about 0.8 MB of heap
//    (compiled code and feedback) and 115 objects; keeping each conversion's result would add
//    about 10 MB, keeping its findings 0.15 MB but 3,500 objects, a memo keyed by the project's
//    path one string per model (docs/performance.md, "Memory").
// For contrast, a synchronous loop (no event-loop turn, so Node runs no finalizer) keeps every
// tree: the counter would see it.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemoryRun } from '../../bench/memory.js';

const ROOT = resolve(import.meta.dirname, '../..');

function run(...args: string[]): MemoryRun {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(ROOT, 'bench/memory.ts'), ...args, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as MemoryRun;
}

describe('memory over many conversions', () => {
  it('releases every parse tree, keeps RSS flat after the warm-up and keeps no JS object', () => {
    const r = run('500', '--distinct', '--census');
    const [warm, late, end] = r.points;
    expect(r.points.map((p) => p.conversions)).toEqual([100, 200, 500]);
    for (const p of r.points) expect(p.liveTrees).toBeLessThanOrEqual(2);
    // Before the first heap snapshot (taken at 200, it raises RSS). Holding the trees adds about
    // 20 MB per 100 conversions (bench/memory.ts --sync shows it).
    expect(late!.rssMb - warm!.rssMb).toBeLessThan(12);
    expect(end!.heapMb - late!.heapMb, `JS heap after a GC: ${late!.heapMb} MB at ${late!.conversions}, ${end!.heapMb} MB at ${end!.conversions}`).toBeLessThan(2);
    const grown = (r.censusGrowth ?? []).filter((g) => g.count > 0);
    const objects = end!.objects! - late!.objects!;
    expect(objects, `live JS objects grew by ${objects} from ${late!.conversions} to ${end!.conversions} conversions: ${grown.map((g) => `${g.kind} +${g.count}`).join(', ')}`).toBeLessThan(250);
  }, 300_000);

  it('counts trees a synchronous loop still holds (the counter can fail)', () => {
    const r = run('60', '--sync');
    expect(r.points[r.points.length - 1]!.liveTrees).toBeGreaterThan(30);
  }, 300_000);
});
