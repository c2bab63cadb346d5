// The Modal target's decisions: the GPU rule and --gpu checking, the class arguments and
// decorators it emits, the findings that go with them, and the CLI's usage error for a bad GPU.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitModal, modalTarget } from '../../../targets/modal/index.js';
import { checkGpu, gpuFor, parseModalOptionsChecked } from '../../../targets/modal/options.js';
import { cogIR, input, predictor } from '../fal/ir-builders.js';
import { cli, tempProject } from '../../helpers/cli.js';

const fakeDockerfile = () => ({ text: 'FROM python:3.11-slim\n', findings: [] });
const app = (r: ReturnType<typeof emitModal>) => r.files.find((f) => f.path === 'modal_app.py')!.text;
const codes = (r: ReturnType<typeof emitModal>) => r.findings.map((f) => f.code);

describe('modal options', () => {
  it('maps gpu: true to L40S and a CPU model to no GPU', () => {
    expect(gpuFor(true)).toEqual(['L40S']);
    expect(gpuFor(false)).toBeUndefined();
  });

  it('accepts Modal GPU strings with counts and fallbacks, in any case', () => {
    expect(checkGpu('h100')).toBe('H100');
    expect(checkGpu('A100-80GB:2')).toBe('A100-80GB:2');
    expect(checkGpu('B200+')).toBe('B200+');
    expect(checkGpu('H100:9')).toBeUndefined();
    expect(checkGpu('GPU-A100')).toBeUndefined();
    expect(parseModalOptionsChecked({ gpu: 'H100, A100-80GB' }).options.gpu).toEqual(['H100', 'A100-80GB']);
  });

  it('lists the valid GPUs when one is not Modal\'s', () => {
    const { problems } = parseModalOptionsChecked({ gpu: 'H100,V100' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"V100" is not a Modal GPU; valid: T4, L4, A10, A10G, L40S, A100, A100-40GB, A100-80GB/);
  });
});

describe('emitModal', () => {
  it('emits modal_app.py, modal.Dockerfile, openapi.json and the runtime for a plain predictor', () => {
    const r = emitModal(cogIR({ predict: predictor() }), {}, { dockerfile: fakeDockerfile });
    expect(r.files.map((f) => f.path).slice(0, 5)).toEqual(['modal_app.py', 'modal.Dockerfile', 'openapi.json', 'cog/__init__.py', 'cog/types.py']);
    expect(r.files.map((f) => f.path)).toContain('cog_migrate_runtime/http.py');
    expect(codes(r)).toEqual(['CM428', 'CM483']);
    expect(app(r)).toContain('@app.cls(image=image)');
    expect(app(r)).toContain('@modal.asgi_app()');
    expect(r.nextSteps.map((s) => s.command)).toContain('modal deploy modal_app.py');
  });

  it('puts gpu, timeout, scaledown_window, max_containers on @app.cls and concurrency on @modal.concurrent', () => {
    const r = emitModal(cogIR({ gpu: true, concurrency: 4, predict: predictor({ isAsync: true }) }), { timeout: 600, scaledownWindow: 120, maxContainers: 3 }, { dockerfile: fakeDockerfile });
    const text = app(r);
    expect(text).toContain('    gpu="L40S",  # cog.yaml gpu: true; change with --gpu');
    expect(text).toContain('    timeout=600,');
    expect(text).toContain('    scaledown_window=120,');
    expect(text).toContain('    max_containers=3,');
    expect(text).toContain('@modal.concurrent(max_inputs=4)');
    expect(text).toContain('async def predict(self, input: Dict[str, Any]) -> Any:');
    expect(codes(r)).not.toContain('CM425');
    expect(codes(emitModal(cogIR({ concurrency: 4, predict: predictor() }), {}, { dockerfile: fakeDockerfile }))).toContain('CM425');
  });

  it('concurrency.default_target below max is the autoscaler\'s target_inputs', () => {
    const ir = cogIR({ concurrency: 8, predict: predictor({ isAsync: true }) });
    ir.runtime.concurrency!.defaultTarget = 4;
    expect(app(emitModal(ir, {}, { dockerfile: fakeDockerfile }))).toContain('@modal.concurrent(max_inputs=8, target_inputs=4)');
    ir.runtime.concurrency!.defaultTarget = 8;
    expect(app(emitModal(ir, {}, { dockerfile: fakeDockerfile }))).toContain('@modal.concurrent(max_inputs=8)  # cog.yaml concurrency.max\n');
  });

  it('--gpu fallbacks become a list; --gpu on a CPU model is CM429', () => {
    const r = emitModal(cogIR({ gpu: false, predict: predictor() }), { gpu: ['H100', 'A100-80GB'] }, { dockerfile: fakeDockerfile });
    expect(app(r)).toContain('gpu=["H100", "A100-80GB"],  # set with --gpu');
    expect(codes(r)).toContain('CM429');
  });

  it('--snapshot splits setup: imports in @modal.enter(snap=True), setup() after restore (CM426)', () => {
    const r = emitModal(cogIR({ predict: predictor() }), { snapshot: true }, { dockerfile: fakeDockerfile });
    expect(app(r)).toContain('enable_memory_snapshot=True,');
    expect(app(r)).toContain('@modal.enter(snap=True)');
    expect(app(r)).toContain('@modal.enter(snap=False)');
    expect(codes(r)).toContain('CM426');
  });

  it('iterator outputs make predict() a generator, File inputs are opened', () => {
    const p = predictor({ output: { kind: 'iterator', items: { kind: 'str' } }, inputs: [input('doc', { kind: 'file' })] });
    const text = app(emitModal(cogIR({ predict: p }), {}, { dockerfile: fakeDockerfile }));
    expect(text).toContain('def predict(self, input: Dict[str, Any]) -> Iterator[Any]:');
    expect(text).toContain('yield from self.model.stream(input)');
    expect(text).toContain('remote_gen(json.loads(input))');
    expect(text).toContain('file_inputs=["doc"]');
  });

  it('a missing Dockerfile is CM420 and a bare image, not a crash', () => {
    const r = emitModal(cogIR({ predict: predictor() }), {}, { dockerfile: () => ({ findings: [] }) });
    expect(codes(r)).toContain('CM420');
    expect(app(r)).toContain('modal.Image.debian_slim()');
    expect(r.files.map((f) => f.path)).not.toContain('modal.Dockerfile');
  });

  it('emits nothing and CM409 without a predictor', () => {
    const r = emitModal(cogIR({}), {}, { dockerfile: fakeDockerfile });
    expect(r.files).toEqual([]);
    expect(codes(r)).toEqual(['CM409']);
  });

  it('is deterministic', () => {
    const ir = cogIR({ gpu: true, predict: predictor() });
    expect(emitModal(ir, {}, { dockerfile: fakeDockerfile })).toEqual(emitModal(structuredClone(ir), {}, { dockerfile: fakeDockerfile }));
    expect(modalTarget.name).toBe('modal');
  });
});

describe('cog-migrate DIR --to modal', () => {
  const project = () => tempProject({ 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n' });

  it('refuses an unknown --gpu with exit 2, naming the valid ones, and writes nothing', async () => {
    const r = await cli(project(), '--to', 'modal', '--gpu', 'K80', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"K80" is not a Modal GPU; valid: T4, L4/);
  });

  it('--timeout, --startup-timeout, --scaledown-window, --min-containers and --max-containers reach @app.cls; a bad value is a usage error', async () => {
    const dir = project();
    const out = join(dir, '..', 'out');
    const r = await cli(dir, '--to', 'modal', '--out', out, '--timeout', '900', '--startup-timeout', '1200', '--scaledown-window', '30', '--min-containers', '1', '--max-containers', '4');
    expect(r.code).toBe(0);
    const text = readFileSync(join(out, 'modal_app.py'), 'utf8');
    for (const line of ['    timeout=900,  # seconds per input (--timeout)', '    startup_timeout=1200,  # seconds for setup() (--startup-timeout)', '    scaledown_window=30,', '    min_containers=1,', '    max_containers=4,']) expect(text).toContain(line);
    const bad = await cli(project(), '--to', 'modal', '--scaledown-window', 'soon', '--dry-run');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('scaledown-window: "soon" is not a whole number');
  });

  it('converts with --gpu and --snapshot', async () => {
    const r = await cli(project(), '--to', 'modal', '--gpu', 'a10g:2', '--snapshot', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('modal_app.py');
    expect(r.stdout).toContain('cog_migrate_runtime/http.py');
  });
});
