// `verify(outDir, options)`: proves an emitted project at one of three cumulative levels.
// static: files parse and type-check. build: the Dockerfile builds on the local engine. smoke:
// the built image serves one request through the generated adapter, with the same result as
// calling the Cog predictor directly. Never throws for a bad project or a missing engine.

import { readJsonFile } from '../fs/bounded-read.js';
import { basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Predictor } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { LEVELS, type VerifyOptions, type VerifyResult, type VerifyStep } from './types.js';
import { parseStep, typecheckStep, checkRoundTrip } from './static/index.js';
import { connectEngine, imageExists, type Engine } from './build/engine.js';
import { buildOutput, type BuildOutcome } from './build/build.js';
import { removeImage } from './build/cleanup.js';
import { deriveExamples, type Examples } from './smoke/examples.js';
import { readExampleFile } from './smoke/example-input.js';
import { predictorFromRef, predictorTarget, runSmoke, type PredictorTarget, type SmokeRole } from './smoke/run.js';
import { caseRequests, judgeCases, smokeCases } from './smoke/cases.js';
import { progressOf, stepRunner } from './steps.js';
import { outputTarget, targetVerify, type SmokeImage, type TargetDockerfile } from './targets/index.js';

export type { VerifyLevel, VerifyOptions, VerifyResult, VerifyStep, VerifyProgress } from './types.js';
export { LEVELS } from './types.js';
export { buildOutput, type BuildOutcome, type BuildOptions } from './build/build.js';
export { connectEngine, type Engine } from './build/engine.js';
export { planBases, DEFAULT_SUBSTITUTE } from './build/bases.js';
export { fromLines } from './build/from-lines.js';
export { snapshot, newSince } from './build/cleanup.js';
export { deriveExamples } from './smoke/examples.js';

const BUILD_TIMEOUT = 20 * 60_000;
const SMOKE_TIMEOUT = 5 * 60_000;

export async function verify(outDir: string, options: VerifyOptions): Promise<VerifyResult> {
  const dir = resolve(outDir);
  const target = options.target ?? outputTarget(dir) ?? 'fal';
  // A target verified by its own module (workers-ai), on this machinery.
  const ownVerify = targetVerify(target).verify;
  if (ownVerify) return ownVerify(dir, { ...options, target });
  const { findings, steps, step, skip, progress } = stepRunner(options);
  const upTo = LEVELS.indexOf(options.level);

  await step('parse', async () => ({ findings: await parseStep(dir) }));
  await step('typecheck', async () => ({ findings: await typecheckStep(dir, { target, ...(options.sdkPython ? { sdkPython: options.sdkPython } : {}), onProgress: (text) => progress({ step: 'typecheck', kind: 'line', text }) }) }));
  if (options.openApiRoundTrip) await step('openapi-roundtrip', async () => ({ findings: await checkRoundTrip(options.openApiRoundTrip!) }));
  if (upTo < 1) return { findings, steps };

  const { engine, findings: engineFindings } = await connectEngine();
  if (!engine) {
    findings.push(...engineFindings);
    skip('build', 'no Docker engine');
    if (upTo >= 2) skip('smoke', 'no Docker engine');
    return { findings, steps };
  }
  const tag = options.tag ?? `cog-migrate-verify/${basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model'}:${randomBytes(4).toString('hex')}`;
  let built: BuildOutcome | undefined;
  const own = targetVerify(target).dockerfile?.(dir);
  await step('build', async () => {
    if (own && own.text === undefined) return { findings: own.findings, extra: { detail: 'no Dockerfile to build' } };
    built = await buildOutput(engine, dir, {
      ...(own?.text !== undefined ? { dockerfile: own.text, ...(own.from ? { dockerfileFrom: own.from } : {}) } : {}),
      ...(own?.extraFiles ? { extraFiles: own.extraFiles } : {}),
      tag,
      timeoutMs: options.timeoutMs ?? BUILD_TIMEOUT,
      ...(options.substituteBase ? { substitute: options.substituteBase } : {}),
      ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}),
      onLine: (text) => progress({ step: 'build', kind: 'line', text }),
    });
    const detail = built.ok ? `image ${(built.size! / 1e6).toFixed(0)} MB, built in ${(built.durationMs / 1000).toFixed(1)} s` : 'build failed';
    return { findings: [...own?.findings ?? [], ...built.findings], extra: { detail, ...(built.size !== undefined ? { imageSize: built.size } : {}), ...(built.imageId ? { imageId: built.imageId } : {}) } };
  });
  if (!built?.ok) {
    if (upTo >= 2) skip('smoke', 'the build failed');
    return { findings, steps };
  }
  try {
    if (upTo >= 2) await smokeStep(engine, dir, tag, { ...options, target }, findings, step, skip, own);
  } finally {
    if (!options.keepImage) {
      await removeImage(engine, tag);
      if (await imageExists(engine, tag)) findings.push(finding('CM515', `the built image ${tag} could not be removed`));
    }
  }
  return { findings, steps };
}

async function smokeStep(
  engine: Engine, dir: string, tag: string, options: VerifyOptions, findings: Finding[],
  step: (name: string, body: () => Promise<{ findings: Finding[]; extra?: Partial<VerifyStep> }>) => Promise<boolean>,
  skip: (name: string, why: string) => void,
  dockerfile?: TargetDockerfile,
): Promise<void> {
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
  const own = targetVerify(target);
  if (!own.runtime && !own.smoke) {
    findings.push(finding('CM526', `smoke run skipped: no smoke run for the ${target} target`));
    skip('smoke', `no smoke run for ${target}`);
    return;
  }
  const roles: SmokeRole[] = [{ role: 'predict', predictor, ...(examples ? { examples } : {}) }];
  const train = dockerfile?.predictors ? dockerfile.predictors.train : options.ir?.predictors.train;
  // The shared driver sends train() too; a target's own runner predict only. Both send the test cases.
  const runtime = own.runtime;
  if (train && runtime) {
    const trainExamples = deriveExamples(train);
    if (Object.keys(trainExamples.missing).length === 0) roles.push({ role: 'train', predictor: predictorTarget(train), examples: trainExamples });
    else findings.push(finding('CM526', `train() not smoke-run: ${Object.entries(trainExamples.missing).map(([n, why]) => `${n}: ${why}`).join('; ')}`));
  }
  const cases = smokeCases(dir, options.ir);
  findings.push(...cases.findings);
  const progress = progressOf(options);
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
        ...(own.smoke ? { runner: own.smoke } : {}),
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
        ...(checked.record ? { cases: checked.record } : {}),
      } : undefined;
      const detail = !r?.ok ? (r?.stage ? `failed at ${r.stage}` : 'no report from the container')
        : r.runtime ? `${r.runtime['platform'] ?? target} ${r.runtime['sdk'] ?? ''} served ${(r.requests ?? []).map((q) => q.endpoint).join(', ')}; the Cog predictor agrees (${r.rule ?? 'equal'})`
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
