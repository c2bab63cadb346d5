// Native memory over many in-process conversions (issue 18): tree-sitter's trees live outside
// the JS heap, so a tree kept by a cache or an IR node would grow RSS with every model a batch
// worker converts. Runs bench/memory.ts in a child with `--expose-gc`: after 300 conversions no
// parse tree is left alive, and RSS after the warm-up grows by a bounded amount (a memory bound,
// not a time bound). For contrast, a synchronous loop (no event-loop turn, so Node runs no
// finalizer) keeps every tree: the counter would see it.
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
  it('releases every parse tree and keeps RSS flat after the warm-up', () => {
    const r = run('300');
    const [warm, , end] = r.points;
    expect(r.points.map((p) => p.conversions)).toEqual([100, 200, 300]);
    for (const p of r.points) expect(p.liveTrees).toBeLessThanOrEqual(2);
    // Holding the trees adds about 20 MB per 100 conversions (bench/memory.ts --sync shows it).
    expect(end!.rssMb - warm!.rssMb).toBeLessThan(12);
  }, 300_000);

  it('counts trees a synchronous loop still holds (the counter can fail)', () => {
    const r = run('60', '--sync');
    expect(r.points[r.points.length - 1]!.liveTrees).toBeGreaterThan(30);
  }, 300_000);
});
