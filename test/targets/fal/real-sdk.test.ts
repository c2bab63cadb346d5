// The emitted app against the real fal SDK (pinned in test/python-env/fal.txt): the module
// imports, class creation accepts the options, fal builds the OpenAPI document from the endpoints,
// setup() imports the user's predictor (heavy imports stubbed), and pyright finds 0 errors.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonEnv } from '../../helpers/python-env.js';
import { emitProject, LOAD_APP_PY, pyrightArgs, runPython, stubsDir } from './harness.js';
import { PROJECTS, type Project } from './projects.js';

const INSPECT = String.raw`${LOAD_APP_PY}app_dir, class_name = sys.argv[1], sys.argv[2]
import fal
module = load_app(app_dir)
cls = getattr(module, class_name)
openapi = cls.build_metadata()["openapi"]
app = cls(_allow_init=True)
import asyncio, inspect
ret = app.setup()
if inspect.isawaitable(ret):
    asyncio.run(ret)
print(json.dumps({
    "fal_version": fal.__version__,
    "is_app": issubclass(cls, fal.App),
    "app_name": cls.app_name,
    "machine_type": cls.machine_type,
    "host_kwargs": {k: v for k, v in cls.host_kwargs.items() if k in ("max_multiplexing", "kind", "keep_alive", "app_files")},
    "dockerfile": cls.image.dockerfile_str if cls.image is not None else None,
    "requirements": cls.requirements,
    "paths": sorted(openapi["paths"]),
    "inputs": list(openapi["components"]["schemas"]["Input"]["properties"]),
    "loaded": type(getattr(app, "predictor")).__name__,
}))
`;

let python: string;
const emitted = new Map<string, string>();

beforeAll(() => {
  python = pythonEnv('fal');
  // The first project as a custom container (--container), the rest in fal's managed environment
  // (pip-only builds, runtime-form.ts): both forms under the real SDK.
  for (const p of PROJECTS) emitted.set(p.dir, emitProject(p, p === PROJECTS[0] ? { container: true } : {}).dir);
});

function inspect(project: Project): Record<string, unknown> {
  const dir = emitted.get(project.dir)!;
  const out = runPython(python, ['-c', INSPECT, dir, project.className], {
    COG_MIGRATE_PROJECT_DIR: dir,
    PYTHONPATH: stubsDir(),
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('emitted app.py under the real fal SDK', () => {
  it('creates a fal.App subclass with the GPU machine type and max_multiplexing from concurrency.max', () => {
    const info = inspect(PROJECTS[0]!);
    expect(info).toMatchObject({
      fal_version: '1.83.0',
      is_app: true,
      app_name: 'image-invert',
      machine_type: 'GPU-A100',
      host_kwargs: { max_multiplexing: 2, kind: 'container' },
      paths: ['/', '/health'],
      inputs: ['image', 'mode', 'repeat'],
      loaded: 'Predictor',
    });
    expect(info['dockerfile']).toMatch(/^FROM python:3\.11-slim\n/);
  });

  it('serves an iterator output on / and on /stream, on a CPU machine type, in fal\'s managed environment', () => {
    const info = inspect(PROJECTS[1]!);
    expect(info).toMatchObject({ is_app: true, machine_type: 'L', paths: ['/', '/health', '/stream'], inputs: ['prompt', 'shout'], host_kwargs: { app_files: ['.'] }, dockerfile: null });
    expect(info['host_kwargs']).not.toHaveProperty('kind');
  });

  it('imports a BaseRunner from a hyphenated file in a subfolder, with its local module and stubbed heavy import', () => {
    expect(inspect(PROJECTS[2]!)).toMatchObject({ is_app: true, app_name: 'runner-object', inputs: ['text', 'token'], loaded: 'Runner' });
  });

  it('serves an async function predictor', () => {
    expect(inspect(PROJECTS[3]!)).toMatchObject({ is_app: true, inputs: ['a', 'b', 'factor'], loaded: 'function' });
  });

  it('serves an async generator of files on / and /stream with async setup()', () => {
    expect(inspect(PROJECTS[4]!)).toMatchObject({ is_app: true, host_kwargs: { max_multiplexing: 8 }, paths: ['/', '/health', '/stream'], inputs: ['count', 'seed_file'] });
  });

  it('type-checks with pyright against the pinned SDK with 0 errors', () => {
    const files = PROJECTS.flatMap((p) => {
      const dir = emitted.get(p.dir)!;
      return [join(dir, 'app.py'), join(dir, 'cog', '__init__.py'), join(dir, 'cog', 'types.py')];
    });
    const pyright = fileURLToPath(new URL('../../../node_modules/.bin/pyright', import.meta.url));
    let out: string;
    try {
      out = execFileSync(pyright, pyrightArgs(python, files), { encoding: 'utf8', timeout: 180_000 });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? err);
    }
    const report = JSON.parse(out) as { summary: { errorCount: number; filesAnalyzed: number }; generalDiagnostics: unknown[] };
    expect(report.generalDiagnostics.filter((d) => (d as { severity: string }).severity === 'error')).toEqual([]);
    expect(report.summary.errorCount).toBe(0);
    expect(report.summary.filesAnalyzed).toBe(files.length);
  }, 180_000);
});
