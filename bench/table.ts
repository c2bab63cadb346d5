// The bench's figures as the Markdown table docs/performance.md keeps, each next to its goal
// (issues 9, 11 and 18), with the machine and its load before and after the run.
import type { BatchBench } from './batch.js';
import { describeMachine, type Machine } from './machine.js';
import type { MemoryRun } from './memory.js';
import { startupRows, type StartupBench } from './startup.js';
import type { ReadingRun } from './reading.js';

export interface BenchFigures {
  before: Machine;
  after: Machine;
  /** The fixtures first, then the larger corpora. */
  readings: ReadingRun[];
  /** Absent in a `--reading` run. */
  startup?: StartupBench;
  batch?: BatchBench;
  memory?: MemoryRun;
}

export function markdownTable(f: BenchFigures): string {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  const rows: [string, string, string][] = f.readings.map((r) => [
    `read + extract, CPU ms/model (${r.models} ${r.corpus}, ${r.pyFilesPerModel.toFixed(1)} .py files, ${r.pyKbPerModel.toFixed(1)} KB per model)`,
    `${ms(r.readMsPerModel)} (CPython ast.parse of the same files: ${ms(r.astParseMsPerModel)}, ${(r.readMsPerModel / r.astParseMsPerModel).toFixed(1)}x)`,
    'within 2x of ast.parse',
  ]);
  if (f.startup) rows.push(...startupRows(f.startup));
  const batch = f.batch;
  for (const r of batch?.runs ?? []) {
    rows.push([`batch ${batch!.models} models -> ${batch!.target}, \`--jobs ${r.jobs}\``, `${r.wallSeconds.toFixed(2)} s wall (${r.cpuSeconds.toFixed(1)} s CPU: ${r.userSeconds.toFixed(1)} user + ${r.systemSeconds.toFixed(1)} system), ${r.modelsPerSecond.toFixed(0)} models/s, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.converted} converted, ${r.failed} not)`, r.jobs === 2 ? 'under 5 s on 2 cores' : '']);
  }
  if (batch) rows.push(['creating one small file on the batch bench\'s disk (its share of a batch: 13,000 files)', `${batch.fileCreateUs.toFixed(0)} µs CPU`, '']);
  const pts = f.memory?.points ?? [];
  if (f.memory) rows.push([`RSS over ${f.memory.conversions} in-process conversions`, `${pts.map((p) => `${p.rssMb} MB at ${p.conversions}`).join(', ')}; slope ${f.memory.slopeMbPer100} MB per 100; parse trees alive at the end: ${pts[pts.length - 1]!.liveTrees}`, 'flat']);
  if (f.memory) rows.push([`JS heap after GC over ${f.memory.conversions} conversions (of it compiled code)`, pts.map((p) => `${p.heapMb} MB (${p.codeMb}) at ${p.conversions}`).join(', '), 'flat after the JIT warm-up']);
  return [
    `Measured ${describeMachine(f.before)}; load average at the end ${f.after.load.join(' / ')}.`,
    '',
    '| what | measured | goal |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
