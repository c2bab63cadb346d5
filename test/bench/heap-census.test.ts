// bench/heap-census.ts reads V8 heap snapshots: a child process keeps 3,000 objects of a class
// of its own and writes a snapshot before and after; the census finds exactly that growth, by
// that class's name, and leaves V8's own objects (code, maps) out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { censusGrowth, censusOfFile, censusTotal } from '../../bench/heap-census.js';

const dir = mkdtempSync(join(tmpdir(), 'heap-census-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = `
const { writeHeapSnapshot } = require('node:v8');
class KeptByTest { constructor(i) { this.i = i; } }
const kept = [];
globalThis.gc();
writeHeapSnapshot(process.argv[1]);
for (let i = 0; i < 3000; i++) kept.push(new KeptByTest(i));
globalThis.gc();
writeHeapSnapshot(process.argv[2]);
globalThis.kept = kept;
`;

describe('heap census', () => {
  it('finds the objects a process keeps, by constructor', () => {
    const [before, after] = [join(dir, 'a.heapsnapshot'), join(dir, 'b.heapsnapshot')];
    execFileSync(process.execPath, ['--expose-gc', '-e', CHILD, before, after]);
    const [a, b] = [censusOfFile(before), censusOfFile(after)];
    expect(a.get('object:KeptByTest') ?? 0).toBe(0);
    expect(b.get('object:KeptByTest')).toBe(3000);
    expect(censusGrowth(a, b, 1)).toEqual([{ kind: 'object:KeptByTest', count: 3000 }]);
    expect(censusTotal(b) - censusTotal(a)).toBeGreaterThanOrEqual(3000);
    for (const kind of b.keys()) expect(kind).not.toMatch(/^(code|hidden|object shape|synthetic|native)\b/);
  });
});
