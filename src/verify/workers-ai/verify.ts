// `verify` of a workers-ai output, level by level:
//   static: Python parses; the Worker type-checks, wrangler reads its config and bundles it.
//   build:  Containers: the output's Dockerfile (Cog's server, the image Cloudflare would run);
//           BYO: the `cog debug` image of the normalised Cog project (what `cog push` builds),
//           in the form the offline builder takes (src/verify/build/legacy-form.ts).
//   smoke:  that image's Cog server on 127.0.0.1, the Worker on workerd in front of it (front.ts),
//           and the shared driver in the same image: requests through the Worker, the direct
//           call of the predictor, the comparison (src/verify/smoke/step.ts, targets/cog-api/).
// The shared machinery (engine, base substitution, builds, examples) is src/verify's.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Predictor } from '../../ir/types.js';
import { finding } from '../../findings/finding.js';
import { readCog } from '../../frontends/cog/index.js';
import type { VerifyOptions, VerifyResult } from '../types.js';
import { stepRunner, type StepRunner } from '../steps.js';
import { parseStep, checkRoundTrip } from '../static/index.js';
import { connectEngine, imageExists, type Engine } from '../build/engine.js';
import { buildOutput } from '../build/build.js';
import { cogProjectImage } from '../targets/cog/image.js';
import { removeImage } from '../build/cleanup.js';
import { smokeStep } from '../smoke/step.js';
import { cogApiRuntime } from '../targets/cog-api/index.js';
import { prepareWorker, type PreparedWorker } from './index.js';
import { workerFront } from './front.js';

const BUILD_TIMEOUT = 20 * 60_000;

export async function verifyWorkersAi(outDir: string, options: VerifyOptions): Promise<VerifyResult> {
  const dir = resolve(outDir);
  const run = stepRunner(options);
  const { findings, steps } = run;
  const containers = existsSync(join(dir, 'Dockerfile'));
  let prepared: PreparedWorker | undefined;
  try {
    await run.step('parse', async () => ({ findings: await parseStep(dir) }));
    await run.step('typecheck', async () => {
      prepared = await prepareWorker(dir, { bundle: true, needs: options.level === 'smoke' ? ['miniflare'] : [], onProgress: (text) => run.progress({ step: 'typecheck', kind: 'line', text }) });
      const notChecked = prepared.notChecked.length ? `not checked: ${prepared.notChecked.join('; ')}` : '';
      // Without its tools the Worker was never staged: nothing of it was checked.
      const detail = prepared.staged ? `worker/ type-checks, wrangler reads and bundles it${notChecked ? `; ${notChecked}` : ''}` : notChecked;
      return { findings: prepared.findings, extra: { detail } };
    });
    if (options.openApiRoundTrip) await run.step('openapi-roundtrip', async () => ({ findings: await checkRoundTrip(options.openApiRoundTrip!) }));
    if (options.level === 'static') return { findings, steps };

    const { engine, findings: engineFindings } = await connectEngine();
    if (!engine) {
      findings.push(...engineFindings);
      run.skip('build', 'no Docker engine');
      if (options.level === 'smoke') run.skip('smoke', 'no Docker engine');
      return { findings, steps };
    }
    const tag = options.tag ?? `cog-migrate-verify/${basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model'}:${randomBytes(4).toString('hex')}`;
    let irPredictor: Predictor | undefined = options.ir?.predictors.predict;
    let built = false;
    await run.step('build', async () => {
      const byo = containers ? undefined : cogProjectImage(dir);
      if (byo && 'error' in byo) return { findings: [finding('CM516', `the BYO output does not read as a Cog project: ${byo.error}`, { file: 'cog.yaml' })] };
      if (byo?.predict && !irPredictor) irPredictor = byo.predict;
      const out = await buildOutput(engine, dir, {
        tag,
        timeoutMs: options.timeoutMs ?? BUILD_TIMEOUT,
        ...(options.substituteBase ? { substitute: options.substituteBase } : {}),
        ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}),
        ...(byo ? { dockerfile: byo.dockerfile, extraFiles: byo.extraFiles } : {}),
        onLine: (text) => run.progress({ step: 'build', kind: 'line', text }),
      });
      built = out.ok;
      const what = containers ? 'the Containers image (Dockerfile)' : `the cog debug image of the Cog project${byo?.notes.length ? ` (${byo.notes.join('; ')})` : ''}`;
      // No build time here: it is the step's durationMs (see src/verify/index.ts).
      const detail = out.ok ? `${what}: ${(out.size! / 1e6).toFixed(0)} MB` : `${what}: build failed`;
      return { findings: out.findings, extra: { detail, ...(out.size !== undefined ? { imageSize: out.size } : {}), ...(out.imageId ? { imageId: out.imageId } : {}) } };
    });
    if (!built) {
      if (options.level === 'smoke') run.skip('smoke', 'the build failed');
      return { findings, steps };
    }
    try {
      if (options.level === 'smoke') await workerSmoke(engine, dir, tag, options, run, prepared, irPredictor ?? readCog(dir).ir?.predictors.predict);
    } finally {
      if (!options.keepImage) {
        await removeImage(engine, tag);
        if (await imageExists(engine, tag)) findings.push(finding('CM515', `the built image ${tag} could not be removed`));
      }
    }
    return { findings, steps };
  } finally {
    prepared?.dispose();
  }
}

// The shared smoke step on the Cog-API runtime with the Worker as its front: predictions only
// (the Worker routes no /trainings), through the Worker, compared with the direct call.
async function workerSmoke(engine: Engine, dir: string, tag: string, options: VerifyOptions, run: StepRunner, prepared: PreparedWorker | undefined, predictor: Predictor | undefined): Promise<void> {
  if (!prepared?.entry || !prepared.config || !prepared.nodeModules) {
    run.skip('smoke', 'the Worker was not bundled (see the typecheck step)');
    return;
  }
  const runtime = cogApiRuntime(workerFront({ nodeModules: prepared.nodeModules, entry: prepared.entry, config: prepared.config }));
  await smokeStep(engine, dir, tag, options, run, { runtime, dockerfile: { predictors: predictor ? { predict: predictor } : {} } });
}
