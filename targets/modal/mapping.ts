// The concept mapping as applied (MIGRATION.md's table) and the findings of concepts that Modal
// carries only partly. One row per Cog concept the project uses.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { AppliedMapping } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import { PROJECT_DIR, runtimeSecretName, type ModalView } from './model.js';
import { projectWeightsFolders, unmountableCaches } from './volumes.js';

const T = { target: 'modal' } as const;

/** The image's Python against what the pinned modal client runs (modal/_image.py, SUPPORTED_PYTHON_SERIES). */
function pythonFindings(ir: CogIR): Finding[] {
  const m = /^3\.(\d+)/.exec(ir.build.pythonVersion);
  const minor = m ? Number(m[1]) : undefined;
  const at = { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column };
  if (minor === 10) return [finding('CM471', 'python_version 3.10: modal 1.6 warns that Python 3.10 is end-of-life, and Modal 1.7.0 will not run or deploy this image', at, T)];
  if (minor !== undefined && minor < 10) return [finding('CM472', `python_version ${ir.build.pythonVersion}: Modal's image builder runs Python 3.10 and later; this image's python cannot run Modal's container runtime`, at, T)];
  return [];
}

/** Weights the predictor loads from its own folders, and caches no Volume can be mounted at. */
function projectWeightsFindings(ir: CogIR): Finding[] {
  const out: Finding[] = [];
  for (const f of projectWeightsFolders(ir, PROJECT_DIR)) {
    if (f.fate === 'upload') out.push(finding('CM473', `setup() loads weights from the project folder ${f.folder}: it is uploaded with the project (add_local_dir), nothing is downloaded`, f.loc, T));
    if (f.fate === 'downloaded') out.push(finding('CM476', `setup() downloads weights into the project folder ${f.folder} when it is missing: on Modal that is every cold start`, f.loc, T));
    if (f.fate === 'missing') out.push(finding('CM474', `setup() loads weights from the project folder ${f.folder}, which the project does not hold: make it before \`modal deploy\`, as before \`cog build\``, f.loc, T));
  }
  for (const c of unmountableCaches(ir, PROJECT_DIR)) {
    out.push(finding('CM475', `setup() downloads from the Hugging Face Hub into ${c.path} (${c.why}), where Modal cannot mount a Volume: every cold start downloads again`, c.loc, T));
  }
  return out;
}

export function modalFindings(ir: CogIR, view: ModalView): Finding[] {
  const out: Finding[] = [];
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    if (!p) continue;
    const weights = p.setup?.weightsParameter;
    if (weights) out.push(finding('CM421', `setup(${weights.name}) of ${p.ref} gets COG_WEIGHTS from the Modal Secret "${runtimeSecretName(view.appName)}"`, weights.loc, T));
    const metricUse = p.runtimeApis.find((u) => u.api !== 'CancelationException');
    if (metricUse) out.push(finding('CM470', `${p.ref} uses ${metricUse.api}(); its values are returned by POST /predictions, not by the predict() method`, metricUse.loc, T));
    const cancel = p.runtimeApis.find((u) => u.api === 'CancelationException');
    if (cancel) out.push(finding('CM405', `${p.ref} handles CancelationException; Modal cancels inputs without raising it`, cancel.loc, T));
  }
  if (ir.predictors.train) out.push(finding('CM427', `train: ${ir.predictors.train.ref} is the train() method and POST /trainings of the same Modal class`, ir.predictors.train.loc, T));
  for (const step of [...ir.build.preInstall, ...ir.build.run]) {
    for (const mount of step.mounts) out.push(finding('CM422', `build step mounts the secret "${mount.id}"; the image build gets modal.Secret.from_name("${mount.id}") as environment variables`, step.loc, T));
  }
  for (const v of view.volumes) {
    const w = ir.runtime.weights.find((x) => x.target === v.path);
    out.push(w ? finding('CM424', `weights ${w.source}: Volume "${v.name}" mounted at ${v.path}`, w.loc, T) : finding('CM423', `Volume "${v.name}" at ${v.path}: ${v.reason}`, v.loc ?? { file: 'cog.yaml' }, T));
  }
  out.push(...projectWeightsFindings(ir));
  for (const w of ir.runtime.weights) {
    if (!view.volumes.some((v) => v.path === w.target)) out.push(finding('CM408', `weights ${w.source} have no target path to mount a Volume at; the Modal app does not fetch them`, w.loc, T));
  }
  const max = ir.runtime.concurrency?.max;
  if (max !== undefined && max > 1 && !ir.predictors.predict?.isAsync) {
    out.push(finding('CM425', `concurrency.max: ${max} with a synchronous ${ir.predictors.predict?.ref ?? 'predictor'}`, ir.runtime.concurrency!.loc, T));
  }
  out.push(...pythonFindings(ir));
  if (view.snapshot) out.push(finding('CM426', 'memory snapshot: the predictor is imported before the snapshot, setup() runs after each restore', undefined, T));
  out.push(finding('CM428', "POST /predictions answers synchronously: Cog's Prefer: respond-async, webhooks and cancel are not served", undefined, T));
  out.push(finding('CM483', 'the web endpoint web() answers anyone with its URL: Replicate asked for an API token, Modal asks for nothing unless requires_proxy_auth=True', { file: 'modal_app.py' }, T));
  return out;
}

export function modalMapping(ir: CogIR, view: ModalView, findings: Finding[]): AppliedMapping[] {
  const rows: AppliedMapping[] = [];
  const has = (code: string) => findings.some((f) => f.code === code);
  const p = ir.predictors.predict!;
  rows.push({ concept: 'Predictor', cog: `predict: ${p.ref}`, target: `@app.cls class ${view.className}, modal.App(${JSON.stringify(view.appName)})`, status: 'mapped' });
  if (p.setup) {
    rows.push(p.setup.weightsParameter
      ? { concept: 'setup(weights)', cog: `setup(${p.setup.weightsParameter.name}) with COG_WEIGHTS`, target: `@modal.enter() with COG_WEIGHTS from modal.Secret "${runtimeSecretName(view.appName)}"`, status: 'partial', code: 'CM421' }
      : { concept: 'setup()', cog: 'setup()', target: view.snapshot ? '@modal.enter(snap=True) imports, @modal.enter(snap=False) runs setup()' : '@modal.enter()', status: 'mapped' });
  }
  rows.push({ concept: 'Inputs', cog: `predict() with ${p.inputs.length} input(s)`, target: 'predict(input) method and POST /predictions, validated against openapi.json as Cog does', status: 'mapped' });
  rows.push({ concept: 'Output', cog: `returns ${p.output.kind}`, target: view.predict.streaming ? 'generator method (remote_gen); POST /predictions returns the list' : 'JSON as Cog returns it (files as data URLs)', status: 'mapped' });
  rows.push({ concept: 'HTTP API', cog: "Cog's server (POST /predictions, /health-check, /openapi.json)", target: '@modal.asgi_app() web(): the same routes, validation and response shape', status: 'mapped', code: 'CM428' });
  rows.push(view.dockerfile
    ? { concept: 'Build', cog: 'cog.yaml build', target: `modal.Image.from_dockerfile("${view.dockerfile}") + add_local_dir(".", "/src")`, status: 'mapped' }
    : { concept: 'Build', cog: 'cog.yaml build', target: 'modal.Image.debian_slim() (add dependencies by hand)', status: 'manual', code: 'CM420' });
  const gpu = view.clsArguments.find((a) => a.name === 'gpu');
  rows.push({ concept: 'GPU', cog: `gpu: ${ir.build.gpu}`, target: gpu ? `gpu=${gpu.code}` : 'no GPU', status: has('CM429') ? 'partial' : 'mapped', ...(has('CM429') ? { code: 'CM429' } : {}) });
  const max = ir.runtime.concurrency?.max;
  if (max !== undefined) rows.push({ concept: 'Concurrency', cog: `concurrency.max: ${max}`, target: max > 1 ? `@modal.concurrent(max_inputs=${max}${view.concurrentTarget !== undefined ? `, target_inputs=${view.concurrentTarget}` : ''})` : 'one input per container (Modal default)', status: has('CM425') ? 'partial' : 'mapped', ...(has('CM425') ? { code: 'CM425' } : {}) });
  if (ir.predictors.train) rows.push({ concept: 'Training', cog: `train: ${ir.predictors.train.ref}`, target: 'train() method and POST /trainings', status: 'partial', code: 'CM427' });
  if (view.buildSecrets.length > 0) rows.push({ concept: 'Build secrets', cog: 'run: mounts type=secret', target: `Image.from_dockerfile(secrets=[modal.Secret.from_name(...)])`, status: 'partial', code: 'CM422' });
  for (const v of view.volumes) rows.push({ concept: 'Weights cache', cog: v.path, target: `modal.Volume "${v.name}"`, status: has('CM424') ? 'partial' : 'mapped', code: has('CM424') ? 'CM424' : 'CM423' });
  if (view.snapshot) rows.push({ concept: 'Cold start', cog: '-', target: 'enable_memory_snapshot=True', status: 'partial', code: 'CM426' });
  return rows;
}
