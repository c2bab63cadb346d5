// The batch report: one value that every batch reporter (report.json, report.html, JUnit, SARIF)
// takes, that shard outputs merge into, and that a later run compares against (--baseline).
// No timestamps and no durations: the same models give the same bytes, on any machine, sharded
// or not.

import type { Finding } from '../findings/types.js';
import type { JsonObject } from '../ir/openapi.js';
import type { AppliedMapping } from '../target/types.js';
import type { SchemaChange } from '../ir/compat/types.js';
import type { VerifyLevel, VerifyStep } from '../verify/types.js';
import type { ModelTask } from './convert-model.js';

export const REPORT_VERSION = 1 as const;

/** What became of one model for one target. */
export type RowStatus =
  /** Written; findings are warnings or notes at most. */
  | 'converted'
  /** Not written: an error finding says why. */
  | 'failed'
  /** The worker died while converting this model (CM601). */
  | 'crashed'
  /** Over the per-model time limit (CM602). */
  | 'timeout'
  /** The run was stopped (SIGINT) before this model was converted (CM603). */
  | 'interrupted'
  /** Written, but --verify found errors in the output. */
  | 'verify-failed';

export const ROW_STATUSES: readonly RowStatus[] = ['converted', 'verify-failed', 'failed', 'crashed', 'timeout', 'interrupted'];

export interface DockerfileLine {
  action: 'kept' | 'removed' | 'added' | 'replaced';
  before?: string;
  after?: string;
  reason: string;
}

export interface TargetRow {
  target: string;
  status: RowStatus;
  /** Findings of this model for this target (reading, mapping, verification), in order. */
  findings: Finding[];
  /** Output folder relative to the batch OUT (`<model>/<target>`), when written. */
  outDir?: string;
  /** Number of files written. */
  files?: number;
  mapping?: AppliedMapping[];
  /** The `cog debug` Dockerfile line by line and what became of each line, with the reason. */
  dockerfile?: DockerfileLine[];
  /** The MIGRATION.md written for this target. */
  migrationMd?: string;
  /** What verification found, without what differs run to run (durations, image ids: VerifyTiming). */
  verify?: { level: VerifyLevel; steps: Omit<VerifyStep, 'durationMs' | 'imageId'>[] };
}

/** One row's verification as it ran this time (verify-timings.json beside the report): not in report.json. */
export interface VerifyTiming {
  model: string;
  target: string;
  steps: { name: string; durationMs: number; imageId?: string }[];
}

export interface ModelReport {
  /** Stable identity: the project folder relative to the batch root, POSIX separators. */
  id: string;
  /** The folder under OUT that holds this model's target folders. */
  outName: string;
  /** The project folder relative to the working folder of the run (POSIX): where SARIF points. */
  source: string;
  /** For one variant of a multi-variant project: the project's id, shared by its variants. */
  group?: string;
  /** The variant (cog-safe-push-configs/<variant>.yaml) this model is. */
  variant?: string;
  /** The OpenAPI document Cog serves for the model, when it could be read, without the request and
   * response plumbing every model shares: `components.schemas` holds Input, Output and the rest. */
  schema?: JsonObject;
  rows: TargetRow[];
  /** With --baseline: how the schema changed since the earlier run. */
  changes?: { baseline: 'new' | 'compared'; items: SchemaChange[] };
}

export interface BatchReport {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: 'cog-migrate'; version: string };
  targets: string[];
  /** Set on one shard's report; absent on a whole or merged report. */
  shard?: { index: number; count: number };
  /** Sorted by id. */
  models: ModelReport[];
  /** Findings about the run itself (discovery, --changed-since), not about one model. */
  findings: Finding[];
}

export interface StatusCounts {
  models: number;
  rows: number;
  byStatus: Record<RowStatus, number>;
  bySeverity: Record<Finding['severity'], number>;
  /** Breaking schema changes since the baseline; --fail-on counts them as errors. */
  breaking: number;
}

export function countReport(report: BatchReport): StatusCounts {
  const byStatus = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  let rows = 0;
  let breaking = 0;
  for (const m of report.models) {
    for (const r of m.rows) {
      rows++;
      byStatus[r.status]++;
      for (const f of r.findings) bySeverity[f.severity]++;
    }
    breaking += (m.changes?.items ?? []).filter((c) => c.breaking).length;
  }
  for (const f of report.findings) bySeverity[f.severity]++;
  return { models: report.models.length, rows, byStatus, bySeverity, breaking };
}

/** The report's identity fields of a task; a variant names its project (`group`) and itself. */
export function reportBase(task: ModelTask): Pick<ModelReport, 'id' | 'outName' | 'source' | 'group' | 'variant'> {
  return { id: task.id, outName: task.outName, source: task.source, ...(task.variant ? { group: task.variant.project, variant: task.variant.name } : {}) };
}
