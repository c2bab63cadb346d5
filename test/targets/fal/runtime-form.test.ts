// Issue 16: fal's managed environment (the "fal Runtime") for pip-only builds. A Cog build that
// is only Python packages gets `requirements = [...]` and `app_files` instead of a custom
// container, as fal's "Which Should I Use?" guidance says; anything more (system packages,
// build.run, a CUDA version, environment variables, pip options, a CUDA need, GPU libraries off
// the linker path) keeps the container, and --container forces it. The emitted app is checked
// under the real fal 1.83 SDK (the environment fal would build, app_files, setup() from the
// folder), and verify's build level turns the form into a Dockerfile it can build.

import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCog } from '../../../src/frontends/cog/index.js';
import type { CogIR } from '../../../src/ir/types.js';
import { emitFal } from '../../../targets/fal/index.js';
import { falForm } from '../../../targets/fal/runtime-form.js';
import { findDockerfile } from '../../../src/verify/build/dockerfile-source.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { LOAD_APP_PY, pyrightErrors, runPython, writeEmitted } from './harness.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const ir = (name: string): CogIR => readCog(join(FIXTURES, name, 'input')).ir!;
const form = (name: string, forced = false) => falForm(ir(name), { forced, gpuLibraries: false, dockerFindings: [] });

const INSPECT = String.raw`${LOAD_APP_PY}app_dir, class_name = sys.argv[1], sys.argv[2]
module = load_app(app_dir)
cls = getattr(module, class_name)
from fal.app import wrap_app
fn = wrap_app(cls)
app = cls(_allow_init=True)
import asyncio, inspect
ready = app.setup()
if inspect.isawaitable(ready):
    asyncio.run(ready)
print(json.dumps({
    "environment": {k: fn.options.environment.get(k) for k in ("kind", "python_version")},
    "requirements": fn.options.environment["requirements"][:2],
    "app_files": fn.options.host.get("app_files"),
    "image": "image" in vars(cls),
    "paths": sorted(cls.build_metadata()["openapi"]["paths"]),
    "loaded": type(app.predictor).__name__,
}))
`;

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

describe('fal: runtime or container', () => {
  it('takes the fal Runtime for pip-only builds and says why the container stays otherwise', () => {
    expect(form('path-in-path-out-pillow-grayscale')).toEqual({ kind: 'runtime', requirements: ['pillow==10.4.0'] });
    expect(form('path-in-path-out-pillow-grayscale', true)).toEqual({ kind: 'container', reason: '--container' });
    expect(form('all-build-keys')).toMatchObject({ kind: 'container', reason: expect.stringMatching(/system packages/) });
    expect(form('build-run-compiles-cuda-flash-attn')).toMatchObject({ kind: 'container' });
    expect(form('yaml-unquoted-python-version-and-cuda')).toMatchObject({ kind: 'container', reason: expect.stringMatching(/CUDA/) });
    expect(form('requirements-pip-flags-and-git-urls')).toMatchObject({ kind: 'container' });
    expect(falForm(ir('path-in-path-out-pillow-grayscale'), { forced: false, gpuLibraries: true, dockerFindings: [] })).toMatchObject({ kind: 'container', reason: expect.stringMatching(/GPU libraries/) });
  });

  it('emits requirements, app_files and python_version, no Dockerfile, with CM462; --container emits the Dockerfile', () => {
    const runtime = emitFal(ir('path-in-path-out-pillow-grayscale'), {});
    const app = runtime.files.find((f) => f.path === 'app.py')!.text;
    expect(app).toContain('    requirements = REQUIREMENTS\n');
    expect(app).toContain('    app_files = ["."]\n');
    expect(app).toContain('(fal.App, python_version="3.11"):');
    expect(app).toContain('PROJECT_DIR = "/app"');
    expect(app).not.toMatch(/DOCKERFILE|ContainerImage/);
    expect(runtime.findings.map((f) => f.code)).toContain('CM462');
    expect(runtime.findings.map((f) => f.code)).not.toContain('CM321');
    const container = emitFal(ir('path-in-path-out-pillow-grayscale'), { container: true }).files.find((f) => f.path === 'app.py')!.text;
    expect(container).toContain('image = fal.ContainerImage.from_dockerfile_str(DOCKERFILE');
    expect(container).not.toContain('app_files');
  });

  it('is the environment fal builds under the real SDK, and setup() loads the predictor from the folder', () => {
    const input = join(FIXTURES, 'concurrency-and-image-name', 'input');
    const result = emitFal(readCog(input).ir!, {});
    const dir = mkdtempSync(join(tmpdir(), 'fal-runtime-form-'));
    cpSync(input, dir, { recursive: true });
    writeEmitted(result, dir);
    const info = JSON.parse(runPython(python, ['-c', INSPECT, dir, 'AsyncEcho'], { COG_MIGRATE_PROJECT_DIR: dir }).trim().split('\n').at(-1)!);
    expect(info).toEqual({
      environment: { kind: 'virtualenv', python_version: readCog(input).ir!.build.pythonVersion },
      requirements: [readCog(input).ir!.build.pythonRequirements[0]!.raw, expect.stringMatching(/^fastapi==/)],
      app_files: ['.'],
      image: false,
      paths: ['/', '/health'],
      loaded: 'Predictor',
    });
    expect(pyrightErrors(python, [join(dir, 'app.py')])).toEqual([]);
    // verify --level build: the same environment as a Dockerfile
    const docker = findDockerfile(dir)!;
    expect(docker.from).toMatch(/fal Runtime/);
    expect(docker.text).toMatch(new RegExp(`^FROM python:${readCog(input).ir!.build.pythonVersion.replace('.', '\\.')}-slim\\n`));
    expect(docker.text).toContain(`    ${readCog(input).ir!.build.pythonRequirements[0]!.raw} \\`);
    expect(docker.text).toContain('COPY . /app\n');
  }, 180_000);
});
