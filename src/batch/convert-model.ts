// One model of a batch: read it once, convert it for every target, write `OUT/<model>/<target>/`
// as one atomic folder (all of the model's successful targets or nothing), and describe the result
// as the report's ModelReport. Runs inside a worker thread; never throws.

import { join } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { hasErrors } from '../findings/types.js';
import { readCog } from '../frontends/cog/index.js';
import { convertIr, type ConvertResult } from '../convert/index.js';
import { toOpenApi, type JsonObject } from '../ir/openapi.js';
import { writeOutput, type OutputFile } from '../fs/write-output.js';
import type { Target } from '../target/types.js';
import { reportBase, type DockerfileLine, type ModelReport, type TargetRow } from './types.js';

export interface ModelTask {
  id: string;
  dir: string;
  /** One variant of a multi-variant project: converted as that model alone (src/frontends/cog/variant.ts). */
  variant?: { name: string; project: string };
  /** `dir` relative to the run's working folder, POSIX separators. */
  source: string;
  /** Absolute batch output folder. */
  outRoot: string;
  /** Folder name under outRoot. */
  outName: string;
  targets: string[];
  /** Raw target options (`--machine-type` ...), parsed by each target. */
  targetOptions: Record<string, string | boolean | undefined>;
  force: boolean;
  /** The spool folder the worker appends the model's parts of report.json and report.html to
   * (part-spool.ts): set when nothing changes the model after its conversion (no --verify, no
   * --baseline). */
  reportParts?: string;
}

/** `targets` holds every target the task names, loaded (the worker loads each once). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function convertModel(task: ModelTask, targets: ReadonlyMap<string, Target<any>>): ModelReport {
  const base = reportBase(task);
  try {
    // A variant (a select script's, or a cog-safe-push-configs/<variant>.yaml) is read as that model alone.
    const read = readCog(task.dir, task.variant ? { variant: task.variant.name } : {});
    const ir = read.ir;
    if (!ir || hasErrors(read.findings)) {
      return { ...base, rows: task.targets.map((t) => ({ target: t, status: 'failed', findings: own(read.findings) })) };
    }
    const schema = modelSchemas(toOpenApi(ir));
    const files: OutputFile[] = [];
    const rows: TargetRow[] = [];
    for (const name of task.targets) {
      const target = targets.get(name);
      if (!target) throw new Error(`target ${name} was not loaded`);
      const result: ConvertResult = convertIr(ir, target, target.parseOptions(task.targetOptions), read.findings);
      if (result.status === 'failed') {
        rows.push({ target: name, status: 'failed', findings: own(result.findings) });
        continue;
      }
      for (const f of result.files) files.push({ ...f, path: `${name}/${f.path}` });
      rows.push({
        target: name,
        status: 'converted',
        findings: own(result.findings),
        outDir: `${task.outName}/${name}`,
        files: result.files.length,
        mapping: result.target.mapping,
        ...reportParts(result.files),
      });
    }
    if (files.length > 0) {
      const written = writeOutput(join(task.outRoot, task.outName), files, { force: task.force });
      if (!written.ok) {
        for (const r of rows) {
          if (r.status !== 'converted') continue;
          r.status = 'failed';
          r.findings.push(...own(written.findings));
          delete r.outDir;
          delete r.files;
        }
      }
    }
    return { ...base, schema, rows };
  } catch (error) {
    const f = finding('CM901', `internal error: ${error instanceof Error ? error.message : String(error)}`);
    return { ...base, rows: task.targets.map((t) => ({ target: t, status: 'failed', findings: [{ ...f }] })) };
  }
}

/** A row's own copy of the findings (rows are changed later: verification, write failures). */
function own(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f }));
}

/** MIGRATION.md and the Dockerfile plan, read back from the files the conversion produced. */
function reportParts(files: readonly OutputFile[]): { migrationMd?: string; dockerfile?: DockerfileLine[] } {
  const text = (path: string) => {
    const f = files.find((x) => x.path === path);
    return f && 'content' in f && typeof f.content === 'string' ? f.content : undefined;
  };
  const out: { migrationMd?: string; dockerfile?: DockerfileLine[] } = {};
  const md = text('MIGRATION.md');
  if (md !== undefined) out.migrationMd = md;
  const json = text('migration.json');
  if (json !== undefined) {
    const doc = JSON.parse(json) as { dockerfileChanges?: DockerfileLine[] };
    if (doc.dockerfileChanges) out.dockerfile = doc.dockerfileChanges.map((c) => ({ action: c.action, ...(c.before ? { before: c.before } : {}), ...(c.after ? { after: c.after } : {}), reason: c.reason }));
  }
  return out;
}

/** Cog's request/response plumbing, the same for every model (cog-safe-push drops it too). */
const PLUMBING = new Set(['HTTPValidationError', 'PredictionRequest', 'PredictionResponse', 'Status', 'TrainingRequest', 'TrainingResponse', 'ValidationError', 'WebhookEvent']);

/**
 * The part of the OpenAPI document that differs between models: Input, Output (and their
 * training twins and choice enums). Still an OpenAPI document (`cog-migrate diff` reads it), a
 * tenth of the size, which counts in a report of thousands of models.
 */
function modelSchemas(doc: JsonObject): JsonObject {
  const components = doc.components as JsonObject | undefined;
  const schemas = (components?.schemas ?? {}) as JsonObject;
  const kept = Object.fromEntries(Object.entries(schemas).filter(([k]) => !PLUMBING.has(k)));
  return { openapi: doc.openapi ?? '3.0.2', info: doc.info ?? {}, components: { schemas: kept } };
}
