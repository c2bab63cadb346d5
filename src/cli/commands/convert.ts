import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { finding } from '../../findings/finding.js';
import { isInside } from '../../fs/project-files.js';
import { convert } from '../../convert/index.js';
import { writeOutput } from '../../fs/write-output.js';
import type { Finding } from '../../findings/types.js';
import type { CogIR } from '../../ir/types.js';
import { EXIT, UsageError, exitCodeFor, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';
import type { Target } from '../../target/types.js';
import { readConvertExtras } from './convert-extras.js';

export interface ConvertCommandOptions {
  to: string;
  out?: string;
  force?: boolean;
  strict?: boolean;
  machineType?: string;
  python?: string;
  keepAlive?: string;
  startupTimeout?: string;
  requestTimeout?: string;
  trainApp?: boolean;
  container?: boolean;
  billableMetric?: string;
  gpu?: string;
  snapshot?: boolean;
  timeout?: string;
  scaledownWindow?: string;
  minContainers?: string;
  maxContainers?: string;
  mode?: string;
  instanceType?: string;
  maxInstances?: string;
  sleepAfter?: string;
  modelName?: string;
  dryRun?: boolean;
  verify?: string;
  hardware?: string;
  pricing?: string;
  endpoint?: string;
  variant?: string;
}

/** `target` is the one `--to` names, loaded by the caller (src/cli/target-registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function runConvert(dir: string, opts: ConvertCommandOptions, io: Io, target: Target<any>): { code: ExitCode; error?: Error; written?: { dir: string; ir: CogIR } } {
  if (opts.python !== undefined && !/^3\.\d{1,2}$/.test(opts.python.trim())) {
    io.err(`cog-migrate: --python ${JSON.stringify(opts.python)} must be a Python version like 3.11`);
    return { code: EXIT.usage };
  }
  const raw = { machineType: opts.machineType, python: opts.python, keepAlive: opts.keepAlive, startupTimeout: opts.startupTimeout, requestTimeout: opts.requestTimeout, trainApp: opts.trainApp, container: opts.container, billableMetric: opts.billableMetric, gpu: opts.gpu, snapshot: opts.snapshot, timeout: opts.timeout, scaledownWindow: opts.scaledownWindow, minContainers: opts.minContainers, maxContainers: opts.maxContainers, mode: opts.mode, instanceType: opts.instanceType, maxInstances: opts.maxInstances, sleepAfter: opts.sleepAfter, modelName: opts.modelName };
  const problems = target.optionProblems?.(raw) ?? [];
  if (problems.length > 0) throw new UsageError(problems.join('; '), `see cog-migrate convert --help and docs/targets/${target.name}.md`);
  const options = target.parseOptions(raw);
  const result = convert(dir, target, options, readConvertExtras(opts));
  if (result.status === 'failed') {
    reportFindings(io, result.findings);
    io.err(`cog-migrate: ${result.ir?.project.name ?? basename(resolve(dir))} was not converted; nothing was written.`);
    // A conversion that did not happen is never a success, even when no finding is an error.
    const code = Math.max(EXIT.findings, exitCodeFor(result.findings, false)) as ExitCode;
    return { code, ...(result.error ? { error: result.error } : {}) };
  }
  const outDir = opts.out ?? `./${result.ir.project.name}-${target.name}`;
  const clash = outputContainsProject(outDir, result.ir.project.root);
  if (clash) {
    reportFindings(io, [clash]);
    return { code: EXIT.findings };
  }
  if (opts.dryRun) {
    for (const f of result.files) io.out(f.path);
    reportFindings(io, result.findings);
    return { code: exitCodeFor(result.findings, opts.strict ?? false) };
  }
  const written = writeOutput(outDir, result.files, { force: opts.force ?? false });
  if (!written.ok) {
    reportFindings(io, written.findings);
    return { code: EXIT.findings };
  }
  io.out(`Wrote ${result.files.length} files to ${outDir}`);
  printNeedsAHuman(io, result.findings);
  // A new user has no `fal` or `modal` command yet: the first step installs the CLI the output
  // was checked against (the one its CI workflow deploys with), for the Python the image runs.
  const deploy = result.target.deploy;
  if (deploy?.toolchain.kind === 'python') io.out(`  Install the ${deploy.platform} CLI (once, in a Python ${deploy.toolchain.version} environment): ${deploy.install}`);
  for (const step of result.target.nextSteps) io.out(`  ${step.title}: (cd ${outDir} && ${step.command})`);
  io.out(`Read ${outDir}/MIGRATION.md for the full mapping and the Dockerfile changes.`);
  return { code: exitCodeFor(result.findings, opts.strict ?? false), written: { dir: written.dir, ir: result.ir } };
}

function printNeedsAHuman(io: Io, findings: Finding[]): void {
  const needs = findings.filter((f) => f.severity !== 'info');
  if (needs.length === 0) {
    // Notes are not "nothing": some say what to ask for or set (Workers AI BYO: CM432, CM436).
    const notes = [...new Set(findings.map((f) => f.code))].sort();
    io.out(notes.length === 0 ? 'No errors, warnings or notes. Next:' : `No errors or warnings; ${findings.length} note(s) in MIGRATION.md (${notes.join(', ')}). Next:`);
    return;
  }
  io.out(`${needs.length} thing(s) need a human (also listed in MIGRATION.md):`);
  reportFindings(io, needs);
  io.out('Next:');
}

/** `--out` naming the project itself or a folder above it would replace the user's work. */
function outputContainsProject(outDir: string, projectRoot: string): Finding | undefined {
  const out = realOrResolved(outDir);
  const root = realOrResolved(projectRoot);
  if (!isInside(out, root)) return undefined;
  return finding('CM016', `the output folder ${outDir} ${out === root ? 'is' : 'contains'} the project itself; writing it would replace the project`);
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
