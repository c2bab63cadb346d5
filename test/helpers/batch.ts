// Trees of small Cog projects for the batch suites.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MINIMAL_PREDICTOR } from './cli.js';
import type { BatchReport } from '../../src/batch/types.js';

export const GOOD = { 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR };
/** Converts with a warning (an unknown cog.yaml key, CM110). */
export const WARNS = { 'cog.yaml': 'build:\n  python_version: "3.11"\n  gpus: 2\npredict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR };
/** Cannot convert: the named class does not exist. */
export const FATAL = { 'cog.yaml': 'predict: "predict.py:Missing"\n', 'predict.py': MINIMAL_PREDICTOR };

/** Writes `models` (model path -> files) under a fresh folder; returns it. */
export function modelTree(models: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'cogm-batch-'));
  for (const [model, files] of Object.entries(models)) {
    for (const [rel, text] of Object.entries(files)) {
      const p = join(root, model, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
  }
  return root;
}

export function freshOut(): string {
  return join(mkdtempSync(join(tmpdir(), 'cogm-batch-out-')), 'out');
}

export function readReport(out: string): BatchReport {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as BatchReport;
}

export function statuses(report: BatchReport): Record<string, string> {
  return Object.fromEntries(report.models.flatMap((m) => m.rows.map((r) => [`${m.id} ${r.target}`, r.status])));
}

/** Regular files under `dir`, recursively. */
export function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}
