// The reading bench: cog.yaml + predictor + local modules -> IR, in CPU ms per model, next to
// CPython's ast.parse of the same .py files (the predictor and every local module it imports,
// whether the reader parses them or not) in the same run. Both sides in CPU time of their own
// process, what load elsewhere on the machine changes least.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readCog } from '../src/frontends/cog/index.js';
import type { CogIR } from '../src/ir/types.js';

export interface ReadingRun {
  /** What was read: "fixtures", "larger predictors", or the folders given. */
  corpus: string;
  models: number;
  rounds: number;
  pyFilesPerModel: number;
  pyKbPerModel: number;
  readMsPerModel: number;
  astParseMsPerModel: number;
}

function sourceFiles(ir: CogIR): string[] {
  const files = new Set<string>();
  for (const p of Object.values(ir.predictors)) {
    files.add(p.file);
    for (const m of p.localImports) files.add(m);
  }
  return [...files].map((f) => join(ir.project.root, f));
}

/** Reads every project of `dirs` once to warm up, then `rounds` times under the CPU clock. */
export function benchReading(corpus: string, dirs: readonly string[], rounds: number): ReadingRun {
  const irs = dirs.map((d) => readCog(d).ir).filter((ir): ir is CogIR => Boolean(ir));
  const pyFiles = irs.flatMap(sourceFiles);
  const pyBytes = pyFiles.reduce((n, f) => n + statSync(f).size, 0);
  const models = dirs.length * rounds;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const d of dirs) readCog(d);
  const cpu = process.cpuUsage(cpu0);
  const readSeconds = (cpu.user + cpu.system) / 1e6;
  // Python reads and parses the same .py files `rounds` times inside one process; only the loop is timed.
  const pyScript = `
import ast, json, sys, time
files = json.load(sys.stdin)
t0 = time.process_time()
for _ in range(${rounds}):
    for f in files:
        with open(f, 'rb') as fh:
            ast.parse(fh.read())
print(time.process_time() - t0)`;
  const astSeconds = Number(execFileSync('python3', ['-c', pyScript], { input: JSON.stringify(pyFiles), encoding: 'utf8' }).trim());
  return {
    corpus,
    models: dirs.length,
    rounds,
    pyFilesPerModel: pyFiles.length / dirs.length,
    pyKbPerModel: pyBytes / 1024 / dirs.length,
    readMsPerModel: (readSeconds * 1000) / models,
    astParseMsPerModel: (astSeconds * 1000) / models,
  };
}

export function describeReading(r: ReadingRun): string {
  return `reading ${r.corpus} (${r.models}): ${r.readMsPerModel.toFixed(2)} ms CPU/model (cog.yaml + predictor + local modules -> IR); python ast.parse of the same ${r.pyFilesPerModel.toFixed(1)} .py files (${r.pyKbPerModel.toFixed(1)} KB): ${r.astParseMsPerModel.toFixed(2)} ms CPU/model; ratio ${(r.readMsPerModel / r.astParseMsPerModel).toFixed(1)}x`;
}
