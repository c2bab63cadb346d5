// `npm run bench` part: cold start of the compiled CLI as a user runs it, against `node -e 0` on
// the same machine in the same minute: `cog-migrate --version` and one `inspect` of a fixture.
// Wall time of whole processes and their CPU time (user + system, which load elsewhere on the
// machine changes far less), medians of several interleaved runs; measured, never asserted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface StartupTime {
  wallMs: number;
  cpuMs: number;
}

export interface StartupBench {
  runs: number;
  node: StartupTime;
  version: StartupTime;
  inspect: StartupTime;
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

function median(xs: StartupTime[]): StartupTime {
  const mid = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { wallMs: mid(xs.map((x) => x.wallMs)), cpuMs: mid(xs.map((x) => x.cpuMs)) };
}

export function benchStartup(root: string, opts: { log: (s: string) => void; runs?: number }): StartupBench {
  const runs = opts.runs ?? 11;
  const cli = join(root, 'bin', 'cog-migrate.js');
  const inspected = 'fixtures/path-in-path-out-pillow-grayscale/input';
  // Interleaved rounds, so a burst of load elsewhere does not land on one of the three alone.
  const node: StartupTime[] = [];
  const version: StartupTime[] = [];
  const inspect: StartupTime[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(once(['-e', '0']));
    version.push(once([cli, '--version']));
    inspect.push(once([cli, 'inspect', join(root, inspected)]));
  }
  const r = { runs, node: median(node), version: median(version), inspect: median(inspect), inspected };
  const show = (t: StartupTime) => `${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU`;
  opts.log(`node -e 0: ${show(r.node)}; cog-migrate --version: ${show(r.version)}; inspect ${inspected}: ${show(r.inspect)} (medians of ${runs})`);
  return r;
}
