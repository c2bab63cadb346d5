// `runBatch`: discovery -> selection (--changed-since, --shard) -> worker pool -> optional
// verification in its own bounded pool -> comparison with a baseline -> one BatchReport.
// Writes only model folders under OUT (atomically each); the reports are written by the caller.

import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { TOOL_VERSION } from '../version.js';
import { discoverModels, type ModelRef } from './discover.js';
import { changedFiles, changedModels } from './changed.js';
import { inShard, type Shard } from './shard.js';
import { WorkerPool, type PoolOutcome } from './pool.js';
import { verifyRows, type BatchVerifyLevel } from './verify-rows.js';
import { compareWithBaseline } from './baseline.js';
import { outNames } from './names.js';
import { REPORT_VERSION, reportBase, type BatchReport, type ModelReport, type RowStatus, type VerifyTiming } from './types.js';
import type { ModelTask } from './convert-model.js';
import { PartSpool } from '../report/batch/part-spool.js';

export interface BatchOptions {
  paths: string[];
  targets: string[];
  out: string;
  force?: boolean;
  /** Worker threads; default the number of cores. */
  jobs?: number;
  /** Per-model limit in ms (0: none). Default 120 s. */
  timeoutMs?: number;
  shard?: Shard;
  changedSince?: string;
  verify?: BatchVerifyLevel;
  verifyJobs?: number;
  /** An earlier batch's report, to show what changed per model. */
  baseline?: BatchReport;
  targetOptions?: Record<string, string | boolean | undefined>;
  /** Called as the run goes. */
  onEvent?: (e: BatchEvent) => void;
  /** Aborting stops starting models; running ones finish and are written whole. */
  signal?: AbortSignal;
  /**
   * Aborting stops now: running workers are terminated and their models answered interrupted.
   * A terminated model's staging folder may remain in OUT; the caller removes it.
   */
  kill?: AbortSignal;
}

export type BatchEvent =
  | { kind: 'start'; total: number }
  | { kind: 'model'; model: ModelReport; done: number; total: number }
  | { kind: 'verify'; model: string; target: string; line: string };

export const DEFAULT_TIMEOUT_MS = 120_000;

export interface BatchRun {
  report: BatchReport;
  /**
   * The report parts of the models whose worker rendered them (model-parts.ts), on disk in OUT
   * until the caller closes it after writeBatchReports; empty with --verify or --baseline, which
   * change models after their conversion. Such a model's entry in `report.models` holds only
   * what the other formats read (withoutRenderedParts): its parts hold the rest.
   */
  rendered: PartSpool;
  /** With --verify: each verified row's step durations and image ids, by model and target. */
  timings: VerifyTiming[];
}

export async function runBatch(options: BatchOptions): Promise<BatchRun> {
  const out = resolve(options.out);
  const findings: Finding[] = [];
  // The first worker loads the reader while the models are being found; a run that finds none
  // closes it unused.
  const pool = new WorkerPool(Math.max(1, options.jobs ?? availableParallelism()), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  pool.warm();
  const rendered = new PartSpool(out);
  const spoolDir = options.verify || options.baseline ? undefined : rendered.dir;
  let tasks: ModelTask[];
  try {
    tasks = selectTasks(options, out, spoolDir, findings);
  } catch (error) {
    await pool.close();
    throw error;
  }
  pool.limit(Math.min(options.jobs ?? availableParallelism(), tasks.length || 1));
  const onAbort = () => pool.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) pool.abort();
  const onKill = () => void pool.kill();
  options.kill?.addEventListener('abort', onKill, { once: true });

  const emit = options.onEvent ?? (() => undefined);
  emit({ kind: 'start', total: tasks.length });
  let done = 0;
  const reports: ModelReport[] = [];
  const verifying: Promise<VerifyTiming[]>[] = [];
  const verifyLimit = limiter(Math.max(1, options.verifyJobs ?? 1));
  try {
    await Promise.all(tasks.map(async (task) => {
      const outcome = await pool.run(task);
      const report = fromOutcome(task, outcome);
      if (outcome.kind === 'done' && outcome.parts) rendered.record(report.id, outcome.parts);
      reports.push(report);
      if (options.verify && !options.signal?.aborted) {
        verifying.push(verifyLimit(() => verifyRows(out, report, options.verify!, (target, line) => emit({ kind: 'verify', model: task.id, target, line }))));
      }
      emit({ kind: 'model', model: report, done: ++done, total: tasks.length });
    }));
  } catch (error) {
    rendered.close();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    options.kill?.removeEventListener('abort', onKill);
    await pool.close();
  }
  const timings = options.kill?.aborted ? [] : (await Promise.all(verifying)).flat();
  timings.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  reports.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (options.baseline) compareWithBaseline(reports, options.baseline);
  const report: BatchReport = {
    reportVersion: REPORT_VERSION,
    tool: { name: 'cog-migrate', version: TOOL_VERSION },
    targets: [...options.targets],
    ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}),
    models: reports,
    findings,
  };
  return { report, rendered, timings };
}

/** Discovery -> --changed-since -> --shard: the models to convert, as worker tasks. */
function selectTasks(options: BatchOptions, out: string, reportParts: string | undefined, findings: Finding[]): ModelTask[] {
  const found = discoverModels(options.paths, { exclude: [out] });
  findings.push(...found.findings);
  let models: ModelRef[] = found.models;
  if (options.changedSince !== undefined) {
    const changed = changedFiles(found.root, options.changedSince);
    findings.push(...changed.findings);
    models = changed.files ? changedModels(models, changed.files) : [];
  }
  models = models.filter((m) => inShard(m.id, options.shard));
  if (found.models.length === 0) findings.push(finding('CM600', `no cog.yaml under ${options.paths.join(', ')}`));

  const names = outNames(models.map((m) => m.id));
  return models.map((m) => ({
    id: m.id, dir: m.dir, ...(m.variant ? { variant: m.variant } : {}), source: relative(process.cwd(), m.dir).split(sep).join('/') || '.', outRoot: out, outName: names.get(m.id)!, targets: options.targets,
    targetOptions: options.targetOptions ?? {}, force: options.force ?? false, ...(reportParts ? { reportParts } : {}),
  }));
}

/** A row per target for a model the pool could not convert. */
function fromOutcome(task: ModelTask, o: PoolOutcome): ModelReport {
  if (o.kind === 'done') return o.report;
  const [status, f]: [RowStatus, Finding] =
    o.kind === 'crashed' ? ['crashed', finding('CM601', `the worker crashed while converting ${task.id}: ${o.detail}`)]
    : o.kind === 'timeout' ? ['timeout', finding('CM602', `converting ${task.id} was stopped after the time limit`)]
    : ['interrupted', finding('CM603', `${task.id} was not converted: the run was interrupted`)];
  return { ...reportBase(task), rows: task.targets.map((target) => ({ target, status, findings: [{ ...f }] })) };
}

/** At most `n` of the given async jobs at once. */
function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
