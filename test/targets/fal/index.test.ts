// falTarget.emit as a function: files, findings, mapping rows and next steps for hand-built IRs.

import { describe, expect, it } from 'vitest';
import { emitFal, falTarget } from '../../../targets/fal/index.js';
import type { Finding } from '../../../src/findings/types.js';
import { cogIR, fakeDockerfile, fakePruned, input, loc, predictor } from './ir-builders.js';
import { PROJECTS, imageInvert, textStream, asyncFunction } from './projects.js';

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const app = (r: { files: { path: string; text: string }[] }) => r.files.find((f) => f.path === 'app.py')!.text;
// The hand-built IRs are pip-only builds, so by default they take fal's managed environment (CM462,
// runtime-form.ts); tests about the image or the Dockerfile stage ask for the container.
const CONTAINER = { container: true } as const;

describe('falTarget.emit', () => {
  it('emits app.py and the cog compatibility package for a plain predictor, with no findings', () => {
    const r = emitFal(cogIR({ predict: predictor({ inputs: [input('prompt', { kind: 'str' })] }) }), {}, { dockerfile: fakeDockerfile });
    expect(r.files.map((f) => f.path)).toEqual(['app.py', 'cog/__init__.py', 'cog/types.py', 'cog_migrate_runtime/__init__.py', 'cog_migrate_runtime/loading.py', 'cog_migrate_runtime/failures.py']);
    expect(codes(r.findings)).toEqual(['CM462']);
    expect(app(r)).toContain('class HelloModel(fal.App, python_version="3.11"):');
    expect(emitFal(cogIR({ predict: predictor() }), CONTAINER, { dockerfile: fakeDockerfile }).findings).toEqual([]);
    expect(app(r)).toContain('@fal.endpoint("/")');
    expect(r.nextSteps.map((s) => s.command)).toEqual(['fal auth login', 'fal run app.py::HelloModel', 'fal deploy app.py::HelloModel']);
  });

  it('is deterministic: the same IR gives the same bytes', () => {
    for (const p of PROJECTS) {
      const a = emitFal(p.ir, {}, { dockerfile: fakeDockerfile });
      const b = emitFal(structuredClone(p.ir), {}, { dockerfile: fakeDockerfile });
      expect(b).toEqual(a);
    }
  });

  it('maps gpu: true to GPU-A100 and gpu: false to L, and --machine-type overrides both', () => {
    expect(app(emitFal(cogIR({ gpu: true, predict: predictor() }), CONTAINER, { dockerfile: fakeDockerfile }))).toContain('machine_type = "GPU-A100"');
    expect(app(emitFal(cogIR({ gpu: false, predict: predictor() }), CONTAINER, { dockerfile: fakeDockerfile }))).toContain('machine_type = "L"');
    const r = emitFal(cogIR({ gpu: true, predict: predictor() }), { ...CONTAINER, machineType: 'GPU-H100', numGpus: 2, keepAlive: 300 }, { dockerfile: fakeDockerfile });
    expect(app(r)).toContain('machine_type = "GPU-H100"  # set with --machine-type');
    expect(app(r)).toContain('num_gpus = 2');
    expect(app(r)).toContain('keep_alive = 300');
    expect(r.findings).toEqual([]);
  });

  it('warns CM411 on an unknown machine type and CM412 when it does not match gpu', () => {
    expect(codes(emitFal(cogIR({ gpu: true, predict: predictor() }), { ...CONTAINER, machineType: 'GPU-T1000' }, { dockerfile: fakeDockerfile }).findings)).toEqual(['CM411', 'CM456']);
    // CM456: a GPU setup() keeps its runner warm (keep_alive, issue 16).
    expect(codes(emitFal(cogIR({ gpu: true, predict: predictor() }), { ...CONTAINER, machineType: 'M' }, { dockerfile: fakeDockerfile }).findings)).toEqual(['CM412', 'CM456']);
  });

  it('maps concurrency.max to max_multiplexing, and warns CM413 for a synchronous predictor', () => {
    const sync = emitFal(cogIR({ concurrency: 4, predict: predictor() }), CONTAINER, { dockerfile: fakeDockerfile });
    expect(app(sync)).toContain('max_multiplexing = 4');
    expect(codes(sync.findings)).toEqual(['CM413']);
    expect(sync.mapping.find((m) => m.concept === 'Concurrency')).toEqual({ concept: 'Concurrency', cog: 'concurrency.max: 4', target: 'max_multiplexing=4', status: 'partial', code: 'CM413' });
    const async = emitFal(cogIR({ concurrency: 4, predict: predictor({ isAsync: true }) }), CONTAINER, { dockerfile: fakeDockerfile });
    expect(async.findings).toEqual([]);
    expect(app(async)).toContain('async def predict(self, input: Input) -> Output:');
  });

  it('reports CM401 for a non-literal default and passes the input only when the request sets it', () => {
    const r = emitFal(asyncFunction.ir, CONTAINER, { dockerfile: fakeDockerfile });
    expect(codes(r.findings)).toEqual(['CM401']);
    expect(r.findings[0]).toMatchObject({ severity: 'warning', file: 'predict.py', target: 'fal' });
    expect(app(r)).toContain('b: Optional[int] = Field(default=None, description="Second number")  # default in the predictor: LIMIT - 8');
    expect(app(r)).toContain('    if "b" in input.model_fields_set:\n        arguments["b"] = input.b\n');
    expect(r.mapping.find((m) => m.concept === 'Inputs')).toMatchObject({ status: 'partial', code: 'CM401' });
  });

  it('reports CM402 for choices that are not a literal list and keeps the plain type', () => {
    const r = emitFal(cogIR({ predict: predictor({ inputs: [input('size', { kind: 'str' }, { choices: { kind: 'source', text: 'SIZES' } })] }) }), CONTAINER, { dockerfile: fakeDockerfile });
    expect(codes(r.findings)).toEqual(['CM402']);
    expect(app(r)).toContain('    size: str\n');
  });

  it('keeps the plain type, with CM402, when the default is not among the choices (Cog rejects it too)', () => {
    const r = emitFal(cogIR({ predict: predictor({ inputs: [input('style', { kind: 'str' }, { choices: { kind: 'literal', value: ['a', 'b'] }, default: { kind: 'literal', value: 'c' } })] }) }), CONTAINER, { dockerfile: fakeDockerfile });
    expect(codes(r.findings)).toEqual(['CM402']);
    expect(app(r)).toContain('    style: str = Field(default="c")\n');
  });

  it('serves iterator outputs on / and /stream with CM415', () => {
    const r = emitFal(textStream.ir, CONTAINER, { dockerfile: fakeDockerfile });
    expect(codes(r.findings)).toEqual(['CM415']);
    expect(app(r)).toContain('@fal.endpoint("/stream")');
    expect(app(r)).toContain('return StreamingResponse(streamed(events(), _sse_failed), media_type="text/event-stream")');
  });

  it('maps setup(weights) to COG_WEIGHTS with CM403 and the Path output to a File', () => {
    const r = emitFal(imageInvert.ir, CONTAINER, { dockerfile: fakeDockerfile });
    // Issue 16: CM458 the machine type's reason; CM456 twice, keep_alive for the GPU setup() and
    // startup_timeout for setup(weights).
    expect(codes(r.findings)).toEqual(['CM458', 'CM413', 'CM456', 'CM456', 'CM403']);
    expect(app(r)).toContain('self.predictor.setup(weights=_cog_weights())');
    expect(app(r)).toContain('return Output(output=_to_file(result))');
    expect(r.mapping.map((m) => [m.concept, m.status])).toEqual([
      ['Predictor', 'mapped'], ['setup(weights)', 'partial'], ['Inputs', 'mapped'], ['Output', 'mapped'],
      ['Path/File inputs', 'mapped'], ['Path/File outputs', 'mapped'], ['Build', 'mapped'], ['GPU', 'mapped'], ['Concurrency', 'partial'],
    ]);
  });

  it('serves a train predictor on /train with CM406, and reports metrics (CM404), cancellation (CM405), build secrets passed at fal deploy (CM452, no CM407) and cog.yaml weights (CM408)', () => {
    const ir = cogIR({
      predict: predictor({ runtimeApis: [{ api: 'emit_metric', loc: loc('predict.py', 20) }, { api: 'CancelationException', loc: loc('predict.py', 21) }] }),
      train: predictor({ role: 'train', ref: 'train.py:train', file: 'train.py', name: 'train', kind: 'function', method: undefined, setup: undefined, inputs: [input('steps', { kind: 'int' })], output: { kind: 'path' } }),
    });
    ir.build.run.push({ command: 'pip install private', mounts: [{ type: 'secret', id: 'pip', target: '/etc/pip.conf' }], loc: loc('cog.yaml', 6) });
    ir.runtime.weights.push({ source: 'https://example.com/w.bin', loc: loc('cog.yaml', 12) });
    const r = emitFal(ir, {}, { dockerfile: fakeDockerfile });
    // CM452: the secret is read from an environment variable at `fal deploy` (a2bac14).
    // CM457: /train is not retried after a timeout (issue 16).
    expect(codes(r.findings)).toEqual(['CM457', 'CM404', 'CM405', 'CM406', 'CM408', 'CM452']);
    expect(app(r)).toContain('@fal.endpoint("/train")');
    expect(app(r)).toContain('self.trainer = train_module.train');
    expect(r.mapping.filter((m) => m.status === 'manual').map((m) => m.code)).toEqual(['CM404', 'CM408']);
    expect(r.mapping.find((m) => m.concept === 'Build secrets')).toMatchObject({ status: 'mapped', code: 'CM452' });
  });

  it('returns CM409 and no files when there is no predictor', () => {
    const r = emitFal(cogIR({}), {}, { dockerfile: fakeDockerfile });
    expect(r.files).toEqual([]);
    expect(codes(r.findings)).toEqual(['CM409']);
  });

  it('still emits app.py without an image, with CM414, when the Dockerfile stage fails', () => {
    const r = falTarget.emit(cogIR({ predict: predictor() }), {});
    // Until src/dockerfile lands its generator this is the real path; afterwards the fake below keeps it covered.
    const failing = emitFal(cogIR({ predict: predictor() }), CONTAINER, { dockerfile: () => ({ findings: [] }) });
    expect(codes(failing.findings)).toEqual(['CM414']);
    expect(app(failing)).toContain('DOCKERFILE = None');
    expect(app(failing)).not.toContain('image = fal.ContainerImage');
    expect(failing.mapping.find((m) => m.concept === 'Build')).toMatchObject({ status: 'manual', code: 'CM414' });
    expect(r.files.map((f) => f.path)).toContain('app.py');
  });

  it('copies the folder to /src as Cog did unless the pruned Dockerfile copies the whole project', () => {
    const ir = cogIR({ predict: predictor({ file: 'src/my pred.py', ref: 'src/my pred.py:Predictor', localImports: ['src/util.py'] }) });
    const r = emitFal(ir, CONTAINER, { dockerfile: () => ({ dockerfile: { instructions: [...fakePruned.instructions.slice(0, 2), { keyword: 'WORKDIR', args: '/app', provenance: 'x' }] }, findings: [] }) });
    expect(app(r)).toContain('    "WORKDIR /src\\n"\n    "COPY . /src\\n"\n)');
    expect(app(r)).toContain('PROJECT_DIR = "/src"');
    expect(app(r)).toContain('load_module(project_dir, "src/my pred.py", "my_pred")');
    expect(app(r)).toContain('os.chdir(project_dir)');
    const copying = emitFal(ir, CONTAINER, { dockerfile: () => ({ dockerfile: { instructions: [...fakePruned.instructions, { keyword: 'COPY', args: '--chown=1000 . ./code', provenance: 'x' }] }, findings: [] }) });
    expect(app(copying)).not.toContain('# fal: this folder');
    expect(app(copying)).toContain('PROJECT_DIR = "/src/code"');
    // Copying one artifact (a local wheel) is not copying the project.
    const wheel = emitFal(ir, CONTAINER, { dockerfile: () => ({ dockerfile: { instructions: [...fakePruned.instructions, { keyword: 'COPY', args: '["dist/x.whl", "/tmp/x.whl"]', provenance: 'x' }] }, findings: [] }) });
    expect(app(wheel)).toContain('"COPY . /src\\n"');
  });

  it('names the app class after the project without shadowing the names app.py uses', () => {
    const name = (project: string) => /^class (\w+)\(fal\.App[,)]/m.exec(app(emitFal(cogIR({ name: project, predict: predictor() }), {}, { dockerfile: fakeDockerfile })))![1];
    expect(name('stable-diffusion_xl')).toBe('StableDiffusionXl');
    expect(name('3d-model')).toBe('App3dModel');
    expect(name('path')).toBe('PathApp');
    expect(name('output-upscaler')).toBe('OutputUpscalerApp');
    expect(name('日本')).toBe('CogModel');
  });

  it('parses CLI options without throwing', () => {
    expect(falTarget.parseOptions({ 'machine-type': 'GPU-H100', 'keep-alive': '120', 'app-name': 'my-app' })).toEqual({ machineType: 'GPU-H100', keepAlive: 120, appName: 'my-app' });
    expect(falTarget.parseOptions({ 'keep-alive': 'soon', 'app-name': 'Bad Name' })).toEqual({});
  });
});
