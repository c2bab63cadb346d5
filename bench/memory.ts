// In-process memory over many conversions (the batch worker pool converts model after model in
// one process): converts fixtures round-robin N times (default 1,000) to fal without writing, and
// prints resident set and JS heap every tenth of the way. Flat RSS means what a conversion
// parses (tree-sitter's native trees) is released. `npx tsx bench/memory.ts [N]`.

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convert } from '../src/convert/index.js';
import { TARGETS } from '../src/cli/targets.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function memoryRun(n: number, report: (line: string) => void): { startRssMb: number; endRssMb: number; maxRssMb: number } {
  const projects = readdirSync(FIXTURES)
    .filter((c) => !c.startsWith('bad-') && existsSync(join(FIXTURES, c, 'input', 'cog.yaml')))
    .sort()
    .map((c) => join(FIXTURES, c, 'input'));
  const target = TARGETS.fal!;
  const options = target.parseOptions({});
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  let startRssMb = 0;
  let maxRssMb = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) convert(projects[i % projects.length]!, target as never, options as never);
    const m = process.memoryUsage();
    maxRssMb = Math.max(maxRssMb, mb(m.rss));
    // The first tenth warms caches and JIT; growth is counted from there.
    if (i === Math.floor(n / 10)) startRssMb = mb(m.rss);
    if (i % Math.max(1, Math.floor(n / 10)) === 0) report(`${String(i).padStart(5)} conversions: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB`);
  }
  return { startRssMb, endRssMb: mb(process.memoryUsage().rss), maxRssMb };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const r = memoryRun(n, (l) => process.stdout.write(`${l}\n`));
  process.stdout.write(`rss after warm-up ${r.startRssMb} MB, at the end ${r.endRssMb} MB, peak ${r.maxRssMb} MB over ${n} conversions\n`);
}
