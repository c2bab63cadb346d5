// Issue 16: `--train-app` serves train: as its own fal app beside the prediction app, with its
// own app_name, machine type (cog-safe-push's train.destination_hardware), request_timeout and no
// retry after a timeout (CM459); without the option both endpoints share one app (CM406).

import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { cli } from '../../helpers/cli.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCog } from '../../../src/frontends/cog/index.js';
import { emitFal } from '../../../targets/fal/index.js';
import { parseFalOptionsChecked } from '../../../targets/fal/options.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { checkedFiles, pyrightErrors, runPython, stubsDir, writeEmitted } from './harness.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/gpu-lora-trainer-throwaway-caches/input', import.meta.url));

const INSPECT = String.raw`
import importlib.util, json, sys
import fal
spec = importlib.util.spec_from_file_location("app", sys.argv[1] + "/app.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
out = {}
for name in sys.argv[2:]:
    cls = getattr(module, name)
    out[name] = {
        "is_app": issubclass(cls, fal.App),
        "app_name": cls.app_name,
        "machine_type": cls.machine_type,
        "paths": sorted(p for p in cls.build_metadata()["openapi"]["paths"] if p != "/health"),
        "host_kwargs": {k: v for k, v in cls.host_kwargs.items() if k in ("request_timeout", "skip_retry_conditions", "keep_alive", "startup_timeout")},
    }
print(json.dumps(out))
`;

function emit(trainApp: boolean) {
  const { ir } = readCog(FIXTURE);
  return emitFal(ir!, trainApp ? { trainApp: true } : {});
}

describe('--train-app', () => {
  it('is parsed from the CLI flag, and reaches the target from the command line (as --billable-metric does)', async () => {
    expect(parseFalOptionsChecked({ trainApp: true }).options).toEqual({ trainApp: true });
    expect(parseFalOptionsChecked({}).options).toEqual({});
    const out = join(mkdtempSync(join(tmpdir(), 'fal-train-app-cli-')), 'out');
    expect((await cli(FIXTURE, '--to', 'fal', '--out', out, '--train-app')).code).toBe(0);
    expect(readFileSync(join(out, 'app.py'), 'utf8')).toContain('class GpuLoraTrainerThrowawayCachesTrain(fal.App):');
    const metric = join(mkdtempSync(join(tmpdir(), 'fal-billable-cli-')), 'out');
    const metrics = fileURLToPath(new URL('../../../fixtures/current-scope-and-emit-metric/input', import.meta.url));
    expect((await cli(metrics, '--to', 'fal', '--out', metric, '--billable-metric', 'tokens')).code).toBe(0);
    expect(readFileSync(join(metric, 'app.py'), 'utf8')).toContain('x-fal-billable-units');
  });

  it('without it, one app serves both (CM406) and nothing says CM459', () => {
    const r = emit(false);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('CM406');
    expect(codes).not.toContain('CM459');
    expect(r.files.find((f) => f.path === 'app.py')!.text.match(/\(fal\.App\):/g)).toHaveLength(1);
  });

  it('splits training into <Name>Train, which imports and builds its own OpenAPI under the real fal SDK', () => {
    const r = emit(true);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('CM459');
    expect(codes).not.toContain('CM406');
    expect(r.mapping.find((m) => m.concept === 'Training')).toMatchObject({ status: 'mapped', code: 'CM459' });
    expect(r.nextSteps.map((s) => s.command)).toContain('fal deploy app.py::GpuLoraTrainerThrowawayCachesTrain');
    const app = r.files.find((f) => f.path === 'app.py')!.text;
    expect(app).toContain('#   fal deploy app.py::GpuLoraTrainerThrowawayCachesTrain  deploys the training app (--train-app)');

    const dir = mkdtempSync(join(tmpdir(), 'fal-train-app-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeEmitted(r, dir);
    const info = JSON.parse(runPython(pythonEnv('fal'), ['-c', INSPECT, dir, 'GpuLoraTrainerThrowawayCaches', 'GpuLoraTrainerThrowawayCachesTrain'], { PYTHONPATH: stubsDir() })) as Record<string, Record<string, unknown>>;
    expect(info['GpuLoraTrainerThrowawayCaches']).toMatchObject({
      is_app: true, app_name: 'gpu-lora-trainer-throwaway-caches', machine_type: 'GPU-A6000', paths: ['/'],
      host_kwargs: { keep_alive: 300, startup_timeout: 1800 },
    });
    expect(info['GpuLoraTrainerThrowawayCaches']!['host_kwargs']).not.toHaveProperty('skip_retry_conditions');
    // cog-safe-push's train.destination_hardware: gpu-a40-large -> GPU-A6000 (docs/hardware.md).
    expect(info['GpuLoraTrainerThrowawayCachesTrain']).toMatchObject({
      is_app: true, app_name: 'gpu-lora-trainer-throwaway-caches-train', machine_type: 'GPU-A6000', paths: ['/train'],
      host_kwargs: { request_timeout: 7200, skip_retry_conditions: ['timeout'] },
    });
    expect(pyrightErrors(pythonEnv('fal'), checkedFiles(dir))).toEqual([]);
  }, 180_000);
});
