// The smoke level's step, shared by every target: which predictor and inputs (the IR, the
// output's own cog.yaml, migration.json, or `--example`), which roles (predict, and train() where
// the runtime serves it), the model's offline test cases; then the platform's image and servers,
// the driver (or the target's own runner) in the built image, and the smoke record.

import { readJsonFile } from '../../fs/bounded-read.js';
import { join } from 'node:path';
import type { Predictor } from '../../ir/types.js';
import { finding } from '../../findings/finding.js';
import type { Engine } from '../build/engine.js';
import type { VerifyOptions } from '../types.js';
import type { StepRunner } from '../steps.js';
import type { SmokeImage, SmokeRunner, SmokeRuntime, TargetDockerfile } from '../targets/types.js';
import { deriveExamples, type Examples } from './examples.js';
import { readExampleFile } from './example-input.js';
import { predictorFromRef, predictorTarget, runSmoke, type PredictorTarget, type SmokeRole } from './run.js';
import { caseRequests, judgeCases, smokeCases } from './cases.js';

const BUILD_TIMEOUT = 20 * 60_000;
const SMOKE_TIMEOUT = 5 * 60_000;

/** How the target is smoke-run: the shared driver on its runtime, or its own runner. */
export interface SmokeHow {
  runtime?: SmokeRuntime;
  runner?: SmokeRunner;
  /** The target's Dockerfile part: the predictors the output declares, where it puts the output. */
  dockerfile?: Pick<TargetDockerfile, 'predictors' | 'projectDir'>;
}

export async function smokeStep(engine: Engine, dir: string, tag: string, options: VerifyOptions, run: StepRunner, how: SmokeHow): Promise<void> {
  const { findings, step, skip, progress } = run;
  const { runtime, runner, dockerfile } = how;
  // A Cog project's own cog.yaml names its predictor (the cog target's generated predict.py).
  const irPredictor = dockerfile?.predictors?.predict ?? options.ir?.predictors.predict ?? irPredictorFromMigrationJson(dir);
  const predictor = irPredictor ? predictorTarget(irPredictor) : predictorFromMigrationJson(dir);
  if (!predictor) {
    findings.push(finding('CM526', 'smoke run skipped: the predictor is unknown (no IR given and no migration.json naming it in the output)'));
    skip('smoke', 'predictor unknown');
    return;
  }
  // Without the IR, the driver derives inputs from the adapter's own input model schema.
  let examples: Examples | undefined;
  if (options.example) {
    const read = readExampleFile(options.example, irPredictor, predictor.kinds);
    if (!read.examples) {
      findings.push(...read.findings);
      skip('smoke', 'example input unusable');
      return;
    }
    examples = read.examples;
  } else if (irPredictor) {
    examples = deriveExamples(irPredictor);
    const missing = Object.entries(examples.missing);
    if (missing.length > 0) {
      findings.push(finding('CM526', `smoke run skipped: ${missing.map(([n, why]) => `${n}: ${why}`).join('; ')}`));
      skip('smoke', 'no example input');
      return;
    }
  }
  const target = options.target ?? 'fal';
  if (!runtime && !runner) {
    findings.push(finding('CM526', `smoke run skipped: no smoke run for the ${target} target`));
    skip('smoke', `no smoke run for ${target}`);
    return;
  }
  const roles: SmokeRole[] = [{ role: 'predict', predictor, ...(examples ? { examples } : {}) }];
  const train = dockerfile?.predictors ? dockerfile.predictors.train : options.ir?.predictors.train;
  // The shared driver sends train() too; a target's own runner predict only. Both send the test cases.
  if (train && runtime) {
    const trainExamples = deriveExamples(train);
    if (Object.keys(trainExamples.missing).length === 0) roles.push({ role: 'train', predictor: predictorTarget(train), examples: trainExamples });
    else findings.push(finding('CM526', `train() not smoke-run: ${Object.entries(trainExamples.missing).map(([n, why]) => `${n}: ${why}`).join('; ')}`));
  }
  const cases = smokeCases(dir, options.ir);
  findings.push(...cases.findings);
  const timeoutMs = options.smokeTimeoutMs ?? options.timeoutMs ?? SMOKE_TIMEOUT;
  await step('smoke', async () => {
    const image: SmokeImage = runtime?.prepareImage
      ? await runtime.prepareImage(engine, tag, { timeoutMs: options.timeoutMs ?? BUILD_TIMEOUT, onLine: (text) => progress({ step: 'smoke', kind: 'line', text }) })
      : { tag, findings: [], remove: async () => undefined };
    if (!image.tag) return { findings: image.findings, extra: { detail: "the platform's serving stack could not be installed" } };
    const server = runtime?.server ? await runtime.server(engine, image.tag, timeoutMs, roles.map((r) => r.role)) : undefined;
    if (server && !server.env) {
      await image.remove();
      return { findings: [...image.findings, ...server.findings], extra: { detail: "the platform's server did not start" } };
    }
    try {
      const out = await runSmoke(engine, {
        image: image.tag, outDir: dir, roles,
        ...(runtime ? { serveModule: runtime.serveModule } : {}),
        ...(runtime?.app ? { app: runtime.app } : {}),
        ...(runner ? { runner } : {}),
        ...(dockerfile?.projectDir ? { projectDir: dockerfile.projectDir } : {}),
        cases: caseRequests(cases.run),
        ...(server?.env ? { env: server.env } : {}),
        timeoutMs,
        onLine: (text) => progress({ step: 'smoke', kind: 'line', text }),
      });
      const r = out.report;
      const checked = r?.ok ? await judgeCases(cases.run, r) : { findings: [] };
      const smoke = r ? {
        adapter: r.adapter, direct: r.direct, ...(r.rule ? { rule: r.rule } : {}), ...(r.timings ? { timings: r.timings } : {}),
        ...(typeof r.stream_events === 'number' ? { streamEvents: r.stream_events } : {}), ...(r.method !== undefined ? { method: r.method } : {}),
        ...(r.runtime ? { runtime: r.runtime } : {}), ...(r.requests ? { requests: r.requests } : {}),
        ...(r.invalid ? { invalid: r.invalid } : {}), ...(r.openapi ? { openapi: r.openapi } : {}), ...(r.roles ? { roles: r.roles } : {}),
        ...(r.reference ? { reference: r.reference } : {}),
        ...(checked.record ? { cases: checked.record } : {}),
      } : undefined;
      const detail = !r?.ok ? (r?.stage ? `failed at ${r.stage}` : 'no report from the container')
        : r.runtime ? `${r.runtime['platform'] ?? target} ${r.runtime['sdk'] ?? ''} served ${(r.requests ?? []).map((q) => q.endpoint).join(', ')}; the Cog predictor agrees (${r.rule ?? 'equal'})${r.reference ? "; so does Cog's server behind it" : ''}${typeof r.invalid?.status === 'number' ? `; an invalid input got ${r.invalid.status}` : ''}`
        : `adapter and Cog predictor agree (${r.rule ?? 'equal'})`;
      return { findings: [...image.findings, ...out.findings, ...checked.findings], extra: { detail, ...(smoke ? { smoke } : {}) } };
    } finally {
      await server?.stop();
      await image.remove();
    }
  });
}

function readMigrationJson(dir: string): {
  ir?: { predictors?: { predict?: Predictor } };
  predictors?: { predict?: { ref?: string; kind?: Predictor['kind'] } };
} | undefined {
  const doc = readJsonFile(join(dir, 'migration.json'));
  return doc && typeof doc === 'object' ? (doc as ReturnType<typeof readMigrationJson>) : undefined;
}

/** A full IR predictor, when the output's migration.json carries one (`ir.predictors.predict`). */
function irPredictorFromMigrationJson(dir: string): Predictor | undefined {
  return readMigrationJson(dir)?.ir?.predictors?.predict;
}

/**
 * The predict predictor named in the output's migration.json: `predictors.predict.{ref, kind}`
 * as the report writes it, or a full IR predictor under `ir.predictors.predict`.
 */
export function predictorFromMigrationJson(dir: string): PredictorTarget | undefined {
  const doc = readMigrationJson(dir);
  const full = doc?.ir?.predictors?.predict;
  if (full) return predictorTarget(full);
  const named = doc?.predictors?.predict;
  return named?.ref ? predictorFromRef(named.ref, named.kind ?? 'class') : undefined;
}
