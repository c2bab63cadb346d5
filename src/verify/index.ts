// `verify(outDir, options)`: proves an emitted project at one of three cumulative levels.
// static: files parse and type-check. build: the Dockerfile builds on the local engine. smoke:
// the built image serves one request through the generated adapter, with the same result as
// calling the Cog predictor directly. Never throws for a bad project or a missing engine.

import { basename, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { finding } from '../findings/finding.js';
import { LEVELS, type VerifyOptions, type VerifyResult } from './types.js';
import { parseStep, typecheckStep, checkRoundTrip } from './static/index.js';
import { connectEngine, imageExists } from './build/engine.js';
import { buildOutput, type BuildOutcome } from './build/build.js';
import { removeImage } from './build/cleanup.js';
import { smokeStep } from './smoke/step.js';
import { stepRunner } from './steps.js';
import { outputTarget, targetVerify } from './targets/index.js';

export type { VerifyLevel, VerifyOptions, VerifyResult, VerifyStep, VerifyProgress } from './types.js';
export { LEVELS } from './types.js';
export { buildOutput, type BuildOutcome, type BuildOptions } from './build/build.js';
export { connectEngine, type Engine } from './build/engine.js';
export { planBases, DEFAULT_SUBSTITUTE } from './build/bases.js';
export { fromLines } from './build/from-lines.js';
export { snapshot, newSince } from './build/cleanup.js';
export { deriveExamples } from './smoke/examples.js';
export { predictorFromMigrationJson } from './smoke/step.js';

const BUILD_TIMEOUT = 20 * 60_000;

export async function verify(outDir: string, options: VerifyOptions): Promise<VerifyResult> {
  const dir = resolve(outDir);
  const target = options.target ?? outputTarget(dir) ?? 'fal';
  // A target verified by its own module (workers-ai), on this machinery.
  const ownVerify = targetVerify(target).verify;
  if (ownVerify) return ownVerify(dir, { ...options, target });
  const run = stepRunner(options);
  const { findings, steps, step, skip, progress } = run;
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
    // The time is the step's durationMs (printed beside the step), not part of the detail: a batch
    // report keeps the detail and must give the same bytes on every run.
    const detail = built.ok ? `image ${(built.size! / 1e6).toFixed(0)} MB` : 'build failed';
    return { findings: [...own?.findings ?? [], ...built.findings], extra: { detail, ...(built.size !== undefined ? { imageSize: built.size } : {}), ...(built.imageId ? { imageId: built.imageId } : {}) } };
  });
  if (!built?.ok) {
    if (upTo >= 2) skip('smoke', 'the build failed');
    return { findings, steps };
  }
  try {
    if (upTo >= 2) {
      const targetParts = targetVerify(target);
      await smokeStep(engine, dir, tag, { ...options, target }, run, {
        ...(targetParts.runtime ? { runtime: targetParts.runtime } : {}),
        ...(targetParts.smoke ? { runner: targetParts.smoke } : {}),
        ...(own ? { dockerfile: own } : {}),
      });
    }
  } finally {
    if (!options.keepImage) {
      await removeImage(engine, tag);
      if (await imageExists(engine, tag)) findings.push(finding('CM515', `the built image ${tag} could not be removed`));
    }
  }
  return { findings, steps };
}
