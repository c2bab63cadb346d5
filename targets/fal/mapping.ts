// The concept mapping as applied (MIGRATION.md's table) and the findings of concepts that fal
// carries only partly. One row per Cog concept the project uses.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { AppliedMapping } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import type { AppView } from './model.js';

const has = (findings: Finding[], code: string) => findings.some((f) => f.code === code);

/** Findings for runtime concepts (weights, metrics, cancellation, training, build secrets). */
export function runtimeFindings(ir: CogIR, billableMetric?: string): Finding[] {
  const out: Finding[] = [];
  if (billableMetric !== undefined) out.push(...billingFindings(ir, billableMetric));
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    if (!p) continue;
    const weights = p.setup?.weightsParameter;
    if (weights) {
      out.push(finding('CM403', `setup(${weights.name}) of ${p.ref} gets COG_WEIGHTS from the runner's environment`, weights.loc, { target: 'fal' }));
    }
    const metricUse = p.runtimeApis.find((u) => u.api !== 'CancelationException');
    if (metricUse && billableMetric === undefined) {
      out.push(finding('CM404', `${p.ref} uses ${metricUse.api}(); fal bills this app by runner time, so the values it records are dropped`, metricUse.loc, { target: 'fal' }));
    }
    const cancel = p.runtimeApis.find((u) => u.api === 'CancelationException');
    if (cancel) {
      out.push(finding('CM405', `${p.ref} handles CancelationException; fal cancels requests without raising it`, cancel.loc, { target: 'fal' }));
    }
  }
  if (ir.predictors.train) {
    out.push(finding('CM406', `train: ${ir.predictors.train.ref} is served as POST /train on the same fal app`, ir.predictors.train.loc, { target: 'fal' }));
  }
  for (const step of [...ir.build.preInstall, ...ir.build.run]) {
    for (const mount of step.mounts) {
      out.push(finding('CM407', `build step mounts the secret "${mount.id}"; fal's image build needs it passed by hand`, step.loc, { target: 'fal' }));
    }
  }
  for (const w of ir.runtime.weights) {
    out.push(finding('CM408', `weights ${w.source} are not fetched by the fal app`, w.loc, { target: 'fal' }));
  }
  return out;
}

/** `--billable-metric`: CM460 where the predictor records metrics, CM461 when it records none. */
function billingFindings(ir: CogIR, metric: string): Finding[] {
  const roles = [ir.predictors.predict, ir.predictors.train].filter((p) => p !== undefined);
  const use = roles.flatMap((p) => p.runtimeApis).find((u) => u.api !== 'CancelationException');
  const paths = roles.map((p) => (p.role === 'train' ? 'POST /train' : 'POST /')).join(' and ');
  return use
    ? [finding('CM460', `${paths} ${roles.length > 1 ? 'report' : 'reports'} the metric ${JSON.stringify(metric)} as the request's billable units (x-fal-billable-units)`, use.loc, { target: 'fal' })]
    : [finding('CM461', `--billable-metric ${JSON.stringify(metric)}, but the predictor records no metrics; fal bills by runner time`, { file: 'cog.yaml' }, { target: 'fal' })];
}

export function mappingRows(ir: CogIR, view: AppView, findings: Finding[]): AppliedMapping[] {
  const rows: AppliedMapping[] = [];
  const attr = (name: string) => view.attributes.find((a) => a.name === name)?.code;
  const p = ir.predictors.predict;
  if (p) {
    const kind = p.kind === 'function' ? 'function' : p.kind === 'runner' ? 'BaseRunner' : p.kind === 'legacy' ? 'cog.Predictor (pre-1.0)' : 'BasePredictor';
    rows.push({ concept: 'Predictor', cog: `predict: ${p.ref} (${kind})`, target: `class ${view.className}(fal.App), app_name=${JSON.stringify(view.appName)}`, status: 'mapped' });
    if (p.setup) {
      const weights = p.setup.weightsParameter;
      rows.push(weights
        ? { concept: 'setup(weights)', cog: `setup(${weights.name}) with COG_WEIGHTS`, target: 'setup() passes COG_WEIGHTS from the environment', status: 'partial', code: 'CM403' }
        : { concept: 'setup()', cog: 'setup()', target: 'setup()', status: 'mapped' });
    }
    const inputIssue = ['CM401', 'CM402'].find((c) => has(findings, c));
    rows.push({
      concept: 'Inputs', cog: `predict() with ${p.inputs.length} input(s)`, target: `Pydantic model Input on @fal.endpoint("/")`,
      status: inputIssue ? 'partial' : 'mapped', ...(inputIssue ? { code: inputIssue } : {}),
    });
    const route = view.roles.find((r) => r.role === 'predict');
    rows.push(route?.stream
      ? { concept: 'Iterator output', cog: 'predict() yields', target: `POST ${route.stream.path} (Server-Sent Events) and POST / (whole list)`, status: 'mapped', code: 'CM415' }
      : { concept: 'Output', cog: `returns ${p.output.kind}`, target: p.output.kind === 'object' ? 'Output model with the same fields' : 'Output(output=...)', status: has(findings, 'CM410') ? 'partial' : 'mapped', ...(has(findings, 'CM410') ? { code: 'CM410' } : {}) });
    if (view.needs.download) rows.push({ concept: 'Path/File inputs', cog: 'cog.Path / cog.File', target: 'URL or data URI, downloaded to a local path before predict()', status: 'mapped' });
    if (view.needs.toFile) {
      const media = (['image', 'video', 'audio'] as const).filter((k) => view.needs.mediaOutputs[k]).map((k) => ({ image: 'Image', video: 'Video', audio: 'Audio' })[k]);
      rows.push({ concept: 'Path/File outputs', cog: 'cog.Path', target: media.length > 0 ? `fal.toolkit ${media.join(', ')} (declared) or File, uploaded to fal storage` : 'fal.toolkit.File, uploaded to fal storage', status: 'mapped' });
    }
    if (view.needs.secret) rows.push({ concept: 'Secret inputs', cog: 'cog.Secret', target: 'pydantic.SecretStr (get_secret_value() as in Cog)', status: 'mapped' });
    if (p.runtimeApis.some((u) => u.api !== 'CancelationException')) {
      rows.push(view.billableMetric !== undefined
        ? { concept: 'Metrics', cog: 'current_scope() / emit_metric()', target: `per-request scope; ${JSON.stringify(view.billableMetric)} sent as x-fal-billable-units`, status: 'mapped', code: 'CM460' }
        : { concept: 'Metrics', cog: 'current_scope() / emit_metric()', target: 'per-request scope, values dropped (fal bills by runner time)', status: 'manual', code: 'CM404' });
    }
  } else {
    rows.push({ concept: 'Predictor', cog: 'no predict: entry', target: 'nothing emitted', status: 'manual', code: 'CM409' });
  }
  rows.push(view.requirements !== undefined
    ? { concept: 'Build', cog: 'cog.yaml build (pip packages only)', target: 'requirements = [...] and app_files (fal\'s managed environment)', status: 'mapped', code: 'CM462' }
    : view.dockerfileMissing
      ? { concept: 'Build', cog: 'cog.yaml build', target: 'no image (set one by hand)', status: 'manual', code: 'CM414' }
      : { concept: 'Build', cog: 'cog.yaml build', target: 'image = fal.ContainerImage.from_dockerfile_str(pruned Dockerfile)', status: 'mapped' });
  const gpuCode = ['CM411', 'CM412'].find((c) => has(findings, c));
  rows.push({ concept: 'GPU', cog: `gpu: ${ir.build.gpu}`, target: `machine_type=${attr('machine_type')}`, status: gpuCode ? 'partial' : 'mapped', ...(gpuCode ? { code: gpuCode } : {}) });
  const max = ir.runtime.concurrency?.max;
  if (max !== undefined) {
    rows.push({ concept: 'Concurrency', cog: `concurrency.max: ${max}`, target: `max_multiplexing=${max}`, status: has(findings, 'CM413') ? 'partial' : 'mapped', ...(has(findings, 'CM413') ? { code: 'CM413' } : {}) });
  }
  const trainApp = view.apps[1];
  if (ir.predictors.train) {
    rows.push(trainApp
      ? { concept: 'Training', cog: `train: ${ir.predictors.train.ref}`, target: `POST /train on its own app, ${trainApp.className} (--train-app)`, status: 'mapped', code: 'CM459' }
      : { concept: 'Training', cog: `train: ${ir.predictors.train.ref}`, target: 'POST /train on the same app', status: 'partial', code: 'CM406' });
  }
  if (has(findings, 'CM452')) rows.push({ concept: 'Build secrets', cog: 'run: mounts type=secret', target: 'ContainerImage.from_dockerfile_str(secrets=...) from environment variables at fal deploy', status: 'mapped', code: 'CM452' });
  else if (has(findings, 'CM407')) rows.push({ concept: 'Build secrets', cog: 'run: mounts type=secret', target: 'ContainerImage(secrets=...) by hand', status: 'manual', code: 'CM407' });
  if (ir.runtime.weights.length > 0) rows.push({ concept: 'Weights', cog: 'cog.yaml weights', target: 'download in setup() by hand', status: 'manual', code: 'CM408' });
  if (ir.runtime.environment.length > 0) rows.push({ concept: 'Environment', cog: 'cog.yaml environment', target: 'ENV in the image Dockerfile', status: 'mapped' });
  return rows;
}
