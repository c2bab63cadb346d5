// Issue 16: weights cached in throwaway places (./cache, /tmp/..., TORCH_HOME=.) move to fal's
// persistent /data (CM455), unless the image already holds them; startup_timeout / keep_alive
// follow what setup() does (CM456); a /train endpoint or a long cog-safe-push timeout gets
// request_timeout and skip_retry_conditions=["timeout"] (CM457).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CogIR } from '../../../src/ir/types.js';
import { emitFal } from '../../../targets/fal/index.js';
import { isThrowaway, persistentCaches } from '../../../targets/fal/caches.js';
import { lifecycleAttributes } from '../../../targets/fal/lifecycle.js';
import type { Finding } from '../../../src/findings/types.js';
import { cogIR, fakeDockerfile, loc, predictor } from './ir-builders.js';
import { runPython } from './harness.js';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../../helpers/cli.js';
import { readFileSync } from 'node:fs';

function irWith(packages: string[], environment: Record<string, string> = {}, gpu = true): CogIR {
  const ir = cogIR({ gpu, predict: predictor({ setup: { isAsync: false, loc: loc('predict.py', 5) } }) });
  ir.build.pythonRequirements = packages.map((raw, n) => ({ raw, kind: 'package' as const, name: raw.split('=')[0]!, specifier: raw.slice(raw.split('=')[0]!.length), loc: loc('cog.yaml', 5 + n) }));
  ir.runtime.environment = Object.entries(environment).map(([name, value], n) => ({ name, value, loc: loc('cog.yaml', 20 + n) }));
  return ir;
}

const attrs = (ir: CogIR, options = {}) => {
  const findings: Finding[] = [];
  const out = lifecycleAttributes(ir, options, findings);
  return { byName: Object.fromEntries(out.map((a) => [a.name, a.code])), codes: findings.map((f) => f.code) };
};

describe("weight caches on fal's /data", () => {
  it('calls relative, /tmp, home and project paths throwaway, and other absolute paths not', () => {
    for (const p of ['.', './cache', 'weights', '/tmp/hf', '/root/.cache', '~/.cache', '/src/cache']) expect(isThrowaway(p), p).toBe(true);
    for (const p of ['/weights/hf', '/models', '$HOME/x', '']) expect(isThrowaway(p), p).toBe(false);
  });

  it('redirects what cog.yaml points somewhere throwaway, and TORCH_HOME when torchvision reads it', () => {
    const { caches, findings } = persistentCaches(irWith(['torch==2.2.0', 'torchvision==0.17.0'], { HF_HOME: './hf', TRANSFORMERS_CACHE: '/weights/hf' }));
    expect(caches).toEqual([{ variable: 'HF_HOME', path: '/data/.cache/huggingface' }, { variable: 'TORCH_HOME', path: '/data/.cache/torch' }]);
    expect(findings.map((f) => [f.code, f.line])).toEqual([['CM455', 20], ['CM455', 6]]);
  });

  it("leaves HF_HOME alone when cog.yaml does not set it (fal persists Hugging Face downloads itself)", () => {
    expect(persistentCaches(irWith(['diffusers==0.27.2'])).caches).toEqual([]);
  });

  it('app.py moves a throwaway cache to /data in setup() but keeps a folder the image already fills', () => {
    const ir = irWith(['torchvision==0.17.0'], { HF_HOME: './baked', XDG_CACHE_HOME: '/tmp/never-there' });
    const app = emitFal(ir, {}, { dockerfile: fakeDockerfile }).files.find((f) => f.path === 'app.py')!.text;
    expect(app).toContain('_use_persistent_caches()  # before the predictor');
    const helper = /\nPERSISTENT_CACHES[\s\S]*?\n}\n/.exec(app)![0] + /\ndef _use_persistent_caches[\s\S]*?os\.environ\[variable\] = persistent\n/.exec(app)![0];
    const project = mkdtempSync(join(tmpdir(), 'cm-caches-'));
    mkdirSync(join(project, 'baked'));
    writeFileSync(join(project, 'baked', 'model.bin'), 'x');
    const script = `import os\nfrom typing import Dict\n${helper}\nos.chdir(${JSON.stringify(project)})\n_use_persistent_caches()\nprint(os.environ["HF_HOME"], os.environ["XDG_CACHE_HOME"], os.environ["TORCH_HOME"])\n`;
    const dotScript = script.replace('_use_persistent_caches()\n', 'os.environ["TORCH_HOME"] = "."\n_use_persistent_caches()\n');
    const env = { HF_HOME: './baked', XDG_CACHE_HOME: '/tmp/never-there' };
    expect(runPython('python3', ['-c', script], env).trim()).toBe('./baked /data/.cache /data/.cache/torch');
    // TORCH_HOME=. names the project folder itself, which always has files: still moved.
    expect(runPython('python3', ['-c', dotScript], env).trim()).toBe('./baked /data/.cache /data/.cache/torch');
  });
});

describe('runner lifecycle attributes', () => {
  it('sets nothing for a CPU model without downloads or training', () => {
    expect(attrs(irWith(['numpy==1.26.4'], {}, false))).toEqual({ byName: {}, codes: [] });
  });

  it('keeps a GPU runner warm and gives a downloading setup() a longer start', () => {
    expect(attrs(irWith(['torch==2.2.0', 'diffusers==0.27.2']))).toEqual({ byName: { keep_alive: '300', startup_timeout: '1800' }, codes: ['CM456', 'CM456'] });
  });

  it('takes the options over the rules', () => {
    expect(attrs(irWith(['diffusers==0.27.2']), { keepAlive: 30, startupTimeout: 100, requestTimeout: 50 }).byName)
      .toEqual({ keep_alive: '30', request_timeout: '50', startup_timeout: '100' });
  });

  it('gives /train no retry after a timeout, and request_timeout from a long cog-safe-push timeout', () => {
    const ir = irWith(['numpy==1.26.4'], {}, false);
    ir.predictors.train = predictor({ role: 'train', ref: 'train.py:train', loc: loc('train.py', 3) });
    expect(attrs(ir)).toEqual({ byName: { skip_retry_conditions: '["timeout"]' }, codes: ['CM457'] });
    ir.safePush = [{ file: 'cog-safe-push.yaml', train: { timeout: 7200, testCases: [], destinationHardware: 'cpu', loc: loc('cog-safe-push.yaml') } } as unknown as NonNullable<CogIR['safePush']>[number]];
    expect(attrs(ir).byName).toEqual({ request_timeout: '7200', skip_retry_conditions: '["timeout"]' });
  });

  it('treats a cog-safe-push predict_timeout within fal\'s hour as nothing special', () => {
    const ir = irWith(['numpy==1.26.4'], {}, false);
    ir.safePush = [{ file: 'cog-safe-push.yaml', predict: { timeout: 600, testCases: [], compareOutputs: true, loc: loc('cog-safe-push.yaml') } } as unknown as NonNullable<CogIR['safePush']>[number]];
    expect(attrs(ir)).toEqual({ byName: {}, codes: [] });
  });

  it('--keep-alive, --startup-timeout and --request-timeout set them from the CLI; a bad value is a usage error', async () => {
    const project = tempProject({
      'cog.yaml': 'build:\n  gpu: true\n  python_version: "3.11"\n  python_packages:\n    - "diffusers==0.27.2"\npredict: "predict.py:Predictor"\n',
      'predict.py': MINIMAL_PREDICTOR,
    });
    const out = join(project, '..', 'out');
    expect((await cli(project, '--to', 'fal', '--out', out, '--keep-alive', '30', '--startup-timeout', '900', '--request-timeout', '120')).code).toBe(0);
    const app = readFileSync(join(out, 'app.py'), 'utf8');
    expect(app).toContain('keep_alive = 30  # set with --keep-alive');
    expect(app).toContain('startup_timeout = 900  # set with --startup-timeout');
    expect(app).toContain('request_timeout = 120  # set with --request-timeout');
    expect((await cli(project, '--to', 'fal', '--out', join(project, '..', 'out2'), '--keep-alive', 'soon')).code).toBe(2);
  });
});
