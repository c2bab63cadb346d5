// Findings for the Cog concepts Cloudflare carries only in part, and the concept mapping as
// applied (MIGRATION.md's table), per mode.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { AppliedMapping } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import type { WorkersAiMode } from './options.js';

const T = { target: 'workers-ai' };
const STREAMED = new Set(['iterator', 'concatenateIterator', 'asyncIterator', 'asyncConcatenateIterator']);

export function runtimeFindings(ir: CogIR, mode: WorkersAiMode): Finding[] {
  const out: Finding[] = [];
  const p = ir.predictors.predict;
  const weights = p?.setup?.weightsParameter;
  if (p && weights) {
    const where = mode === 'containers' ? 'set it in the Container class (envVars) or bake the weights into the image' : 'ask Cloudflare how to pass it to the imported model';
    out.push(finding('CM403', `setup(${weights.name}) of ${p.ref} reads COG_WEIGHTS, which Cog's server takes from the environment; ${where}`, weights.loc, T));
  }
  if (p?.kind === 'legacy') {
    out.push(finding('CM480', `${p.ref} uses the pre-1.0 cog.Predictor API, which the Cog server in the image (cog from PyPI) no longer runs`, p.loc, T));
  }
  if (p && STREAMED.has(p.output.kind)) {
    out.push(finding('CM438', `${p.ref} yields its output; POST /predictions returns every item in one list once it has finished`, p.loc, T));
  }
  if (ir.predictors.train) {
    const how = mode === 'containers' ? "Cog's server in the image serves /trainings, but the Worker forwards predictions only (add the route to COG_ROUTES to expose it)" : 'env.AI.run calls predictions only';
    out.push(finding('CM406', `train: ${ir.predictors.train.ref}: ${how}`, ir.predictors.train.loc, T));
  }
  for (const step of [...ir.build.preInstall, ...ir.build.run]) {
    for (const mount of step.mounts) {
      const how = mode === 'containers' ? '`wrangler deploy` builds the image without build secrets: build it yourself with `docker build --secret` and point containers[].image at the pushed image' : '`cog push` needs it too (cog build --secret)';
      out.push(finding('CM407', `build step mounts the secret "${mount.id}"; ${how}`, step.loc, T));
    }
  }
  for (const w of ir.runtime.weights) {
    out.push(finding('CM408', `weights ${w.source} are not fetched on Cloudflare; download them in setup() or bake them into the image`, w.loc, T));
  }
  return out;
}

export function mappingRows(ir: CogIR, mode: WorkersAiMode, extra: { instanceType?: string; maxInstances?: number }): AppliedMapping[] {
  const p = ir.predictors.predict;
  const rows: AppliedMapping[] = [];
  if (p) {
    rows.push({ concept: 'Predictor', cog: `${p.ref} (${p.kind})`, target: mode === 'byo' ? 'unchanged, in the Cog image Workers AI runs' : 'unchanged, served by Cog\'s server in the container', status: 'mapped' });
    rows.push({ concept: 'Inputs', cog: `${p.inputs.length} inputs`, target: mode === 'byo' ? 'PredictionInput interface + input check in the Worker' : "PredictionInput interface; Cog's server validates against the schema", status: 'mapped' });
    rows.push({ concept: 'Output', cog: p.output.kind, target: 'PredictionOutput type; Cog\'s response shape', status: STREAMED.has(p.output.kind) ? 'partial' : 'mapped', ...(STREAMED.has(p.output.kind) ? { code: 'CM438' } : {}) });
  }
  rows.push({ concept: 'gpu', cog: `gpu: ${ir.build.gpu}`, target: mode === 'byo' ? 'Workers AI GPU (bring-your-own-model)' : 'CPU container', status: ir.build.gpu && mode === 'containers' ? 'manual' : 'mapped', ...(ir.build.gpu && mode === 'containers' ? { code: 'CM430' } : !ir.build.gpu && mode === 'byo' ? { code: 'CM431' } : {}) });
  rows.push({ concept: 'cog.yaml build', cog: 'build:', target: mode === 'byo' ? 'cog.yaml normalised for current Cog; cog push builds it' : 'Dockerfile (cog debug form, public base, Cog SDK from PyPI)', status: 'mapped' });
  if (mode === 'containers') {
    rows.push({ concept: 'instance type', cog: 'what the build installs', target: `instance_type: ${extra.instanceType}`, status: 'mapped', code: 'CM433' });
    const c = ir.runtime.concurrency?.max;
    rows.push({ concept: 'concurrency.max', cog: c === undefined ? 'not set' : `concurrency.max: ${c}`, target: `max_instances: ${extra.maxInstances}`, status: 'mapped', code: 'CM435' });
  }
  if (ir.predictors.train) rows.push({ concept: 'train:', cog: ir.predictors.train.ref, target: mode === 'byo' ? 'not called' : 'in the image, not routed', status: 'manual', code: 'CM406' });
  if (ir.runtime.weights.length > 0) rows.push({ concept: 'weights:', cog: `${ir.runtime.weights.length} entries`, target: 'not fetched', status: 'manual', code: 'CM408' });
  return rows;
}
