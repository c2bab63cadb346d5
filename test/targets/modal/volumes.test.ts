// The Modal weights-cache rule (targets/modal/volumes.ts): a Volume only where the predictor's code
// downloads from the Hugging Face Hub, mounted where the downloads land; project folders it loads
// from are uploaded or reported, never given an empty Volume. The emitted upload filter is run
// under the real modal SDK.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HuggingFaceUse } from '../../../src/ir/types.js';
import { emitModal } from '../../../targets/modal/index.js';
import { containerPath } from '../../../targets/modal/volumes.js';
import { cogIR, loc, predictor } from '../fal/ir-builders.js';
import { pythonEnv } from '../../helpers/python-env.js';

const fakeDockerfile = () => ({ text: 'FROM python:3.11-slim\n', findings: [] });
const hub = (extra: Partial<HuggingFaceUse> = {}): HuggingFaceUse => ({ downloads: [], cacheVariables: [], projectFolders: [], ...extra });
const withTransformers = (ir: ReturnType<typeof cogIR>) => {
  ir.build.pythonRequirements = [{ raw: 'transformers==4.42.4', kind: 'package', name: 'transformers', specifier: '==4.42.4', loc: loc('requirements.txt', 1) }];
  return ir;
};
function emit(use: HuggingFaceUse | undefined, environment: { name: string; value: string }[] = []) {
  const ir = withTransformers(cogIR({ gpu: true, predict: predictor(use ? { huggingFace: use } : {}) }));
  ir.runtime.environment = environment.map((e) => ({ ...e, loc: loc('cog.yaml', 12) }));
  const r = emitModal(ir, {}, { dockerfile: fakeDockerfile });
  return { r, app: r.files.find((f) => f.path === 'modal_app.py')!.text, codes: r.findings.map((f) => f.code) };
}

describe('the Modal weights-cache rule', () => {
  it('mounts no Volume when the code loads nothing from the Hub, though the requirements install transformers', () => {
    const { app, codes } = emit(undefined);
    expect(app).not.toContain('modal.Volume');
    expect(app).not.toContain('volumes=');
    expect(codes).not.toContain('CM423');
  });

  it('mounts the Hub cache of root\'s home for a plain download, with the finding at the call', () => {
    const { r, app } = emit(hub({ downloads: [{ loc: loc('predict.py', 9, 20) }] }));
    expect(app).toContain('hf_cache = modal.Volume.from_name("hello-model-hf-cache", create_if_missing=True)');
    expect(app).toContain('volumes={"/root/.cache/huggingface": hf_cache},');
    expect(r.findings.find((f) => f.code === 'CM423')).toMatchObject({ file: 'predict.py', line: 9, column: 20 });
  });

  it('follows HF_HOME from the code before cog.yaml, and cog.yaml before the default', () => {
    const download = { downloads: [{ loc: loc('predict.py', 9) }] };
    expect(emit(hub(download), [{ name: 'HF_HOME', value: '/tmp/hf-cache' }]).app).toContain('volumes={"/tmp/hf-cache": hf_cache},');
    const inCode = hub({ ...download, cacheVariables: [{ name: 'HF_HOME', path: '/models/hf', loc: loc('predict.py', 3) }] });
    expect(emit(inCode, [{ name: 'HF_HOME', value: '/tmp/hf-cache' }]).app).toContain('volumes={"/models/hf": hf_cache},');
  });

  it('a relative cache_dir is under /src: the Volume goes there and the upload leaves the folder out', () => {
    const { app } = emit(hub({ downloads: [{ loc: loc('predict.py', 9), cacheDir: './hf-cache/' }, { loc: loc('predict.py', 10), cacheDir: '/weights' }] }));
    expect(app).toContain('volumes={"/src/hf-cache": hf_cache, "/weights": hf_cache_2},');
    expect(app).toContain('VOLUME_FOLDERS = modal.FilePatternMatcher("hf-cache")');
    expect(app).toContain('ignore=lambda path: DOCKERIGNORE(path) or VOLUME_FOLDERS(path)');
  });

  it('a cache Modal cannot mount a Volume at is CM475, not an invalid mount', () => {
    const { app, codes } = emit(hub({ downloads: [{ loc: loc('predict.py', 9), cacheDir: '/tmp' }] }));
    expect(app).not.toContain('volumes=');
    expect(codes).toContain('CM475');
  });

  it('project folders get no Volume: uploaded (CM473), missing (CM474), or downloaded by setup() each cold start (CM476)', () => {
    const { app, codes, r } = emit(hub({ projectFolders: [
      { path: 'weights', exists: true, loc: loc('predict.py', 8) },
      { path: 'hf-cache', exists: false, loc: loc('predict.py', 9) },
      { path: './sd-cache', exists: false, filledBySetup: true, loc: loc('predict.py', 10) },
      { path: '/opt/model', exists: false, loc: loc('predict.py', 11) },
    ] }));
    expect(app).not.toContain('modal.Volume');
    expect(codes.filter((c) => /^CM47[3-6]$/.test(c))).toEqual(['CM473', 'CM474', 'CM476']);
    expect(r.findings.find((f) => f.code === 'CM474')?.message).toContain('project folder hf-cache');
  });

  it('resolves cache folders as the container sees them', () => {
    expect(containerPath('./hf-cache/', '/src')).toBe('/src/hf-cache');
    expect(containerPath('../x', '/src')).toBe('/x');
    expect(containerPath('~/.cache/hf', '/src')).toBe('/root/.cache/hf');
    expect(containerPath('/weights//base/', '/src')).toBe('/weights/base');
  });

  it('the emitted upload filter, under the real modal SDK, leaves out the Volume folder and what .dockerignore names', () => {
    const { app } = emit(hub({ downloads: [{ loc: loc('predict.py', 9), cacheDir: 'hf-cache' }] }));
    const dir = mkdtempSync(join(tmpdir(), 'modal-volumes-'));
    writeFileSync(join(dir, 'modal_app.py'), app);
    writeFileSync(join(dir, '.dockerignore'), '*.ckpt\n');
    const script = [
      'import importlib.util, json, sys',
      'from pathlib import Path',
      'spec = importlib.util.spec_from_file_location("modal_app", sys.argv[1])',
      'm = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)',
      'keep = lambda p: not (m.DOCKERIGNORE(Path(p)) or m.VOLUME_FOLDERS(Path(p)))',
      'print(json.dumps({p: keep(p) for p in ["predict.py", "hf-cache", "hf-cache/models--org--sd/blob", "model.ckpt", "lib/hf-cache.py"]}))',
    ].join('\n');
    const out = execFileSync(pythonEnv('modal'), ['-c', script, join(dir, 'modal_app.py')], { encoding: 'utf8', timeout: 120_000 });
    expect(JSON.parse(out)).toEqual({ 'predict.py': true, 'hf-cache': false, 'hf-cache/models--org--sd/blob': false, 'model.ckpt': false, 'lib/hf-cache.py': true });
  }, 180_000);
});
