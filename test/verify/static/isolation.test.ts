// Issue 18, "verify --level static imports with the output folder first on sys.path": the project's
// files sit at OUT's root, so a project file named like a module the SDK (or the check itself)
// imports would run on the host. Each such file here writes a marker when imported; after a
// conversion and `verify --level static` with the real fal SDK, no marker exists.

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../../helpers/cli.js';
import { pyStr } from '../../../src/quote/index.js';
import { verify } from '../../../src/verify/index.js';
import { runPython } from '../../targets/fal/harness.js';

/** Modules fal, pydantic or the import check itself import: the project shadows each one. */
const SHADOWED = ['colorama', 'uuid', 'annotated_types', 'json', 'ast', 'typing_extensions', 'sitecustomize', 'usercustomize'];

let python: string;
let markers: string;
let out: string;

beforeAll(async () => {
  python = pythonEnv('fal');
  markers = mkdtempSync(join(tmpdir(), 'cm-isolation-markers-'));
  const files: Record<string, string> = { 'cog.yaml': 'predict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR };
  for (const name of SHADOWED) {
    files[`${name}.py`] = `import pathlib\npathlib.Path(${pyStr(join(markers, name))}).write_text("ran")\n`;
  }
  const project = tempProject(files);
  out = join(mkdtempSync(join(tmpdir(), 'cm-isolation-out-')), 'out');
  expect((await cli(project, '--to', 'fal', '--out', out)).code).toBe(0);
  for (const name of SHADOWED) expect(existsSync(join(out, `${name}.py`)), name).toBe(true);
}, 300_000);

describe('verify --level static runs no project file on the host', () => {
  it('imports and type-checks the app under the real fal SDK and no shadowing project module runs', async () => {
    const r = await verify(out, { level: 'static', target: 'fal', sdkPython: python });
    expect(r.findings).toEqual([]);
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true]]);
    for (const name of SHADOWED) expect(existsSync(join(markers, name)), name).toBe(false);
  }, 300_000);
});

describe("the emitted app.py, loaded as `fal deploy` loads it (runpy, the working folder appended to sys.path)", () => {
  it('leaves sys.path alone, so modules imported later resolve to the SDK venv, not to project files', () => {
    const script = String.raw`
import importlib.util, json, os, runpy, sys
sys.path.append(os.getcwd())
before = list(sys.path)
runpy.run_path("app.py")
names = json.loads(sys.argv[1])
origins = {n: (importlib.util.find_spec(n).origin if importlib.util.find_spec(n) else None) for n in names}
print(json.dumps({"sys_path_changed": sys.path != before, "from_project": sorted(n for n, o in origins.items() if o and o.startswith(os.getcwd()))}))
`;
    const r = JSON.parse(runPython(python, ['-I', '-c', script, JSON.stringify(SHADOWED)], {}, out)) as Record<string, unknown>;
    // Only what no installed package provides resolves to the project, through fal's own append of
    // the working folder; sitecustomize and usercustomize are imported before that, at startup.
    expect(r).toEqual({ sys_path_changed: false, from_project: ['sitecustomize', 'usercustomize'] });
    for (const name of SHADOWED) expect(existsSync(join(markers, name)), name).toBe(false);
  }, 120_000);
});
