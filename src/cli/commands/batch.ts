// `cog-migrate batch PATHS... --to T1,T2`: every model under PATHS for every target, on a worker
// pool, with the reports a reviewer and CI read. `report merge` joins shard outputs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBatch, type BatchOptions, type BatchRun } from '../../batch/run.js';
import { tuneV8ForBatch } from '../../batch/v8-tuning.js';
import { parseShard } from '../../batch/shard.js';
import { mergeReports } from '../../batch/merge.js';
import { countReport, type BatchReport } from '../../batch/types.js';
import { chooseReports, readBatchReport, REPORT_FORMATS, VERIFY_TIMINGS, writeBatchReports, type WriteReportsOptions } from '../../report/batch/files.js';
import { finding } from '../../findings/finding.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';
import { recoverInterruptedWrites } from '../../fs/write-output.js';
import { checkTargetName } from '../target-registry.js';
import { batchProgress } from '../progress.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface BatchCommandOptions {
  to: string;
  out: string;
  force?: boolean;
  jobs?: string;
  timeout?: string;
  shard?: string;
  changedSince?: string;
  failOn: FailOn;
  verify?: 'static' | 'build';
  verifyJobs?: string;
  baseline?: string;
  machineType?: string;
  /** Comma-separated report formats (REPORT_FORMATS); all when absent. */
  report?: string;
  quiet?: boolean;
  json?: boolean;
}

/** The report files `--report` chooses, or a usage error naming the formats there are. */
function reportFiles(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const chosen = chooseReports(list);
  if ('unknown' in chosen) throw new UsageError(`--report ${JSON.stringify(list)}: unknown format ${chosen.unknown.join(', ')}`, `choose among ${Object.keys(REPORT_FORMATS).join(', ')} (comma-separated; report.json is always written)`);
  return chosen.files;
}

export async function runBatchCommand(paths: string[], opts: BatchCommandOptions, io: Io): Promise<{ code: ExitCode }> {
  const files = reportFiles(opts.report);
  const targets = [...new Set(opts.to.split(',').map((t) => t.trim()).filter(Boolean))];
  if (targets.length === 0) throw new UsageError('--to names no target', 'for example --to fal');
  for (const t of targets) checkTargetName(t); // the workers load the targets themselves
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UsageError(`--shard ${JSON.stringify(opts.shard)} is not INDEX/COUNT`, 'for example --shard 2/4 (1-based)');
  const out = resolve(opts.out);
  if (existsSync(out) && (!statSync(out).isDirectory() || (readdirSync(out).length > 0 && !opts.force))) {
    reportFindings(io, [finding('CM010', `${opts.out} already exists and is not an empty folder`)]);
    return { code: EXIT.findings };
  }
  let baseline: BatchReport | undefined;
  if (opts.baseline !== undefined) {
    const read = readBatchReport(opts.baseline);
    if (!read.report) {
      reportFindings(io, read.findings);
      return { code: EXIT.usage };
    }
    baseline = read.report;
  }

  const controller = new AbortController();
  const kill = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      io.err('cog-migrate: interrupted; finishing the models being converted (Ctrl-C again to stop at once)');
      controller.abort();
      return;
    }
    if (interrupts > 2) return;
    io.err('cog-migrate: stopping now');
    // The workers are terminated, their models reported interrupted; once runBatch returns,
    // nothing writes into OUT any more and the staging folders of the models they were writing
    // are removed below (atomic writes leave nothing else), so OUT holds whole models only.
    // Terminating takes milliseconds; the cap is for a process that does not get there.
    kill.abort();
    setTimeout(() => {
      removeStaging(out, io);
      process.exit(EXIT.interrupted);
    }, 5_000).unref();
  };
  process.on('SIGINT', onSigint);
  tuneV8ForBatch();
  const progress = batchProgress(io, opts.quiet || opts.json ? 'quiet' : 'auto');
  const options: BatchOptions = {
    paths, targets, out, force: opts.force ?? false, signal: controller.signal, kill: kill.signal,
    ...(opts.jobs !== undefined ? { jobs: positive(opts.jobs, '--jobs') } : {}),
    ...(opts.timeout !== undefined ? { timeoutMs: positive(opts.timeout, '--timeout', true) * 1000 } : {}),
    ...(shard ? { shard } : {}),
    ...(opts.changedSince !== undefined ? { changedSince: opts.changedSince } : {}),
    ...(opts.verify ? { verify: opts.verify } : {}),
    ...(opts.verifyJobs !== undefined ? { verifyJobs: positive(opts.verifyJobs, '--verify-jobs') } : {}),
    ...(baseline ? { baseline } : {}),
    ...(opts.machineType ? { targetOptions: { machineType: opts.machineType } } : {}),
    onEvent: (e) => progress.event(e),
  };
  let run: BatchRun;
  try {
    run = await runBatch(options);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  if (kill.signal.aborted) removeStaging(out, io);
  try {
    return finish(run.report, out, opts, io, controller.signal.aborted, { rendered: run.rendered, timings: run.timings, ...(files ? { files } : {}) });
  } finally {
    run.rendered.close();
  }
}

export function runReportMerge(dirs: string[], opts: { out: string; force?: boolean; failOn: FailOn; report?: string; quiet?: boolean; json?: boolean }, io: Io): { code: ExitCode } {
  const files = reportFiles(opts.report);
  if (existsSync(join(opts.out, 'report.json')) && !opts.force) {
    reportFindings(io, [finding('CM010', `${opts.out} already holds a report`, undefined, { hint: 'Pass --force to replace it, or choose another --out.' })]);
    return { code: EXIT.findings };
  }
  const reports: BatchReport[] = [];
  for (const d of dirs) {
    const r = readBatchReport(d);
    if (!r.report) {
      reportFindings(io, r.findings);
      return { code: EXIT.usage };
    }
    reports.push(r.report);
  }
  const merged = mergeReports(reports);
  reportFindings(io, merged.findings);
  if (!merged.report || merged.findings.some((f) => f.severity === 'error')) return { code: EXIT.findings };
  return finish(merged.report, resolve(opts.out), opts, io, false, files ? { files } : {});
}

function finish(report: BatchReport, out: string, opts: { failOn: FailOn; quiet?: boolean; json?: boolean }, io: Io, interrupted: boolean, write: WriteReportsOptions): { code: ExitCode } {
  const written = writeBatchReports(out, report, write);
  if (!written.ok) {
    reportFindings(io, written.findings);
    return { code: EXIT.findings };
  }
  if (report.findings.length > 0 && !opts.json) reportFindings(io, report.findings.filter((f) => !opts.quiet || f.severity === 'error'));
  const counts = countReport(report);
  if (opts.json) {
    io.out(JSON.stringify({
      out, reports: written.files.map((f) => join(out, f)), counts,
      models: report.models.map((m) => ({ id: m.id, rows: m.rows.map((r) => ({ target: r.target, status: r.status, ...(r.outDir ? { outDir: join(out, r.outDir) } : {}), findings: r.findings.map((f) => f.code) })) })),
    }, null, 2));
  } else if (!opts.quiet) {
    const s = counts.byStatus;
    const others = (['verify-failed', 'failed', 'crashed', 'timeout', 'interrupted'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
    io.out(`${counts.models} model(s) x ${report.targets.length} target(s): ${s.converted} converted${others.length ? `, ${others.join(', ')}` : ''}; ${counts.bySeverity.error} error(s), ${counts.bySeverity.warning} warning(s)${counts.breaking ? `, ${counts.breaking} breaking schema change(s)` : ''}`);
    io.out(reportsLine(out, written.files));
  }
  if (interrupted) return { code: EXIT.interrupted };
  const errors = counts.bySeverity.error + counts.breaking;
  if (opts.failOn === 'never') return { code: EXIT.ok };
  if (errors > 0) return { code: EXIT.findings };
  if (opts.failOn === 'warning' && counts.bySeverity.warning > 0) return { code: EXIT.findings };
  return { code: EXIT.ok };
}

function positive(text: string, flag: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < (allowZero ? 0 : 1) || (flag !== '--timeout' && !Number.isInteger(n))) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not a ${allowZero ? 'number >= 0' : 'whole number >= 1'}`);
  }
  return n;
}

function removeStaging(out: string, io: Io): void {
  // A worker stopped between moving a model's previous output aside (--force) and moving the new
  // one in leaves the previous one only as `.old`: recovery puts it back instead of deleting it.
  for (const problem of recoverInterruptedWrites(out)) io.err(`cog-migrate: ${problem}`);
}

/** `Reports: OUT/report.html (open in a browser), report.json, ...`: the files written, HTML first. */
function reportsLine(out: string, files: readonly string[]): string {
  const named = files.map((f) => (f === 'report.html' ? `${join(out, f)} (open in a browser)` : f === VERIFY_TIMINGS ? `${f} (verification times and image ids)` : f));
  const html = named.findIndex((n) => n.endsWith('(open in a browser)'));
  if (html > 0) named.unshift(...named.splice(html, 1));
  return `Reports: ${html < 0 ? `${out}: ` : ''}${named.join(', ')}`;
}
