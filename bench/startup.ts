// `npm run bench` part: cold start of the CLI as a user runs it (bin/cog-migrate.js, the esbuild
// bundle in dist/cli/), against `node -e 0` on the same machine in the same minute:
// `cog-migrate --version` and one `inspect` of a fixture, and the same `inspect` through tsc's
// unbundled output (dist/src/cli/main.js), which shows what the bundle saves. Wall time of whole
// processes and their CPU time (user + system, which load elsewhere on the machine changes far
// less), medians of interleaved runs; measured, never asserted.
//
// On its own, for the startup figures only (a few seconds): `npm run bench:startup [RUNS]`
// prints the machine and its load before and after, each command's runs, and the table rows.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export interface StartupTime {
  wallMs: number;
  cpuMs: number;
}

/** Medians, and the spread of the CPU times (load shows as a wide spread). */
export interface StartupFigure extends StartupTime {
  cpuMinMs: number;
  cpuMaxMs: number;
}

export interface StartupBench {
  runs: number;
  node: StartupFigure;
  version: StartupFigure;
  inspect: StartupFigure;
  /** The same inspect through dist/src/cli/main.js (tsc's output, one file per module). */
  inspectUnbundled: StartupFigure;
  inspected: string;
}

// The child reports its own CPU time on exit (on stderr, apart from what it prints).
const PROBE = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });")}`;

/** Wall and CPU time of one `node ARGV` process. */
function once(argv: string[]): StartupTime {
  const t0 = performance.now();
  const { stderr } = spawnSync(process.execPath, ['--import', PROBE, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  const cpu = /BENCH_CPU_US=(\d+)/.exec(stderr)?.[1];
  return { wallMs, cpuMs: cpu === undefined ? NaN : Number(cpu) / 1000 };
}

function figure(xs: StartupTime[]): StartupFigure {
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const wall = sorted(xs.map((x) => x.wallMs));
  const cpu = sorted(xs.map((x) => x.cpuMs));
  const mid = Math.floor(xs.length / 2);
  return { wallMs: wall[mid]!, cpuMs: cpu[mid]!, cpuMinMs: cpu[0]!, cpuMaxMs: cpu[cpu.length - 1]! };
}

export function showStartup(t: StartupFigure): string {
  return `${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU (CPU ${t.cpuMinMs.toFixed(0)}-${t.cpuMaxMs.toFixed(0)})`;
}

export function benchStartup(root: string, opts: { log: (s: string) => void; runs?: number }): StartupBench {
  const runs = opts.runs ?? 11;
  const cli = join(root, 'bin', 'cog-migrate.js');
  const unbundled = join(root, 'dist', 'src', 'cli', 'main.js');
  const inspected = 'fixtures/path-in-path-out-pillow-grayscale/input';
  const commands: Record<'node' | 'version' | 'inspect' | 'inspectUnbundled', string[]> = {
    node: ['-e', '0'],
    version: [cli, '--version'],
    inspect: [cli, 'inspect', join(root, inspected)],
    inspectUnbundled: [unbundled, 'inspect', join(root, inspected)],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as StartupTime[]])) as Record<keyof typeof commands, StartupTime[]>;
  // Interleaved rounds, so a burst of load elsewhere does not land on one command alone.
  for (let i = 0; i < runs; i++) for (const [k, argv] of Object.entries(commands)) times[k as keyof typeof commands].push(once(argv));
  const r: StartupBench = { runs, node: figure(times.node), version: figure(times.version), inspect: figure(times.inspect), inspectUnbundled: figure(times.inspectUnbundled), inspected };
  opts.log(`node -e 0: ${showStartup(r.node)}; cog-migrate --version: ${showStartup(r.version)}; inspect ${inspected}: ${showStartup(r.inspect)}; the same inspect unbundled (dist/src): ${showStartup(r.inspectUnbundled)} (medians of ${runs})`);
  return r;
}

/** The table rows docs/performance.md records (bench/table.ts puts them in the whole table). */
export function startupRows(s: StartupBench): [string, string, string][] {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const over = (t: StartupFigure) => `node -e 0 + ${ms(t.wallMs - s.node.wallMs)} wall, + ${ms(t.cpuMs - s.node.cpuMs)} CPU`;
  return [
    ['`node -e 0`', `${ms(s.node.wallMs)} wall, ${ms(s.node.cpuMs)} CPU`, ''],
    ['`cog-migrate --version`', `${ms(s.version.wallMs)} wall, ${ms(s.version.cpuMs)} CPU (${over(s.version)})`, 'under 150 ms'],
    ['`cog-migrate inspect` one model', `${ms(s.inspect.wallMs)} wall, ${ms(s.inspect.cpuMs)} CPU (${over(s.inspect)})`, 'under 250 ms wall'],
    ['`inspect` unbundled (dist/src, for comparison)', `${ms(s.inspectUnbundled.wallMs)} wall, ${ms(s.inspectUnbundled.cpuMs)} CPU (${over(s.inspectUnbundled)})`, ''],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { describeMachine, machine } = await import('./machine.js');
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first: the bench runs the built CLI');
  const runs = Number(process.argv[2] ?? 21);
  const before = machine();
  console.log(`cog-migrate startup bench, ${describeMachine(before)}`);
  const r = benchStartup(root, { log: (s) => console.log(`  ${s}`), runs });
  const after = machine();
  console.log(`  load average at the end ${after.load.join(' / ')}\n`);
  console.log('| what | measured | goal |\n|---|---|---|');
  for (const row of startupRows(r)) console.log(`| ${row.join(' | ')} |`);
}
