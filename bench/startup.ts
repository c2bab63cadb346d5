// `npm run bench` part: cold start of the compiled CLI as a user runs it, against `node -e 0` on
// the same machine in the same minute: `cog-migrate --version` and one `inspect` of a fixture.
// Wall time of whole processes, the median of several runs; measured, never asserted.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface StartupBench {
  runs: number;
  nodeMs: number;
  versionMs: number;
  inspectMs: number;
  inspected: string;
}

/** Wall time of one `node ARGV` process. */
function once(argv: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, argv, { stdio: 'ignore' });
  return performance.now() - t0;
}

export function benchStartup(root: string, opts: { log: (s: string) => void; runs?: number }): StartupBench {
  const runs = opts.runs ?? 11;
  const cli = join(root, 'bin', 'cog-migrate.js');
  const inspected = 'fixtures/path-in-path-out-pillow-grayscale/input';
  // Interleaved rounds, so a burst of load elsewhere does not land on one of the three alone.
  const node: number[] = [];
  const version: number[] = [];
  const inspect: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(once(['-e', '0']));
    version.push(once([cli, '--version']));
    inspect.push(once([cli, 'inspect', join(root, inspected)]));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const r = { runs, nodeMs: median(node), versionMs: median(version), inspectMs: median(inspect), inspected };
  opts.log(`node -e 0: ${r.nodeMs.toFixed(0)} ms; cog-migrate --version: ${r.versionMs.toFixed(0)} ms; inspect ${inspected}: ${r.inspectMs.toFixed(0)} ms (medians of ${runs})`);
  return r;
}
