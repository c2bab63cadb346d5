// A census of the JS heap: how many live objects of each kind (constructor or closure name), read
// from a V8 heap snapshot. Comparing two censuses taken after a garbage collection shows what a
// run keeps: an object kind that grows with every conversion is a leak, wherever it hides (a
// memo, an array of warnings, a listener). V8's own bookkeeping (compiled code, feedback, maps,
// `hidden` system objects) is left out: it grows while the JIT warms up and is not held by us.
//
//   npx tsx bench/heap-census.ts a.heapsnapshot b.heapsnapshot [top]   (what grew from a to b)

import { readFileSync } from 'node:fs';

/** Live objects by kind: `object:Map`, `closure:parseVer`, `string`, ... */
export type Census = Map<string, number>;

export interface Growth {
  kind: string;
  /** Objects of this kind in the later census minus the earlier one. */
  count: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

// What a program allocates. Left out: code, hidden, object shape, synthetic, native (V8's and
// Node's internals, whose count follows JIT tiering and GC timing, not the program's data).
const PROGRAM_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'bigint', 'symbol']);
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

export function censusOf(json: string): Census {
  const s = JSON.parse(json) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const types = s.snapshot.meta.node_types[0];
  const census: Census = new Map();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt]!]!;
    if (!PROGRAM_TYPES.has(type)) continue;
    // A string's "name" is its text and a number's its value: count them as one kind each.
    const kind = STRING_TYPES.has(type) ? 'string' : type === 'number' ? 'number' : `${type}:${s.strings[s.nodes[i + nameAt]!]}`;
    census.set(kind, (census.get(kind) ?? 0) + 1);
  }
  return census;
}

/** A census of a heap snapshot file (`v8.writeHeapSnapshot`). */
export function censusOfFile(file: string): Census {
  return censusOf(readFileSync(file, 'utf8'));
}

export function censusTotal(c: Census): number {
  let total = 0;
  for (const n of c.values()) total += n;
  return total;
}

/** Kinds whose count changed from `before` to `after`, largest growth first. */
export function censusGrowth(before: Census, after: Census, top = 10): Growth[] {
  const kinds = new Set([...before.keys(), ...after.keys()]);
  const growth: Growth[] = [];
  for (const kind of kinds) {
    const count = (after.get(kind) ?? 0) - (before.get(kind) ?? 0);
    if (count !== 0) growth.push({ kind, count });
  }
  return growth.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)).slice(0, top);
}

// By name too: bundled into another script (bench/memory.ts run by plain node), this is not the entry.
if (import.meta.url === `file://${process.argv[1]}` && /heap-census\.[jt]s$/.test(process.argv[1] ?? '')) {
  const [a, b, top] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: heap-census.ts before.heapsnapshot after.heapsnapshot [top]');
  const [before, after] = [censusOfFile(a), censusOfFile(b)];
  process.stdout.write(`live objects: ${censusTotal(before)} -> ${censusTotal(after)}\n`);
  for (const g of censusGrowth(before, after, Number(top ?? 25))) process.stdout.write(`${String(g.count).padStart(8)}  ${g.kind}\n`);
}
