// Every fixture (fixtures/<case>/input) read by the Cog frontend and emitted by the real fal
// target, Dockerfile stage included: each app.py imports under the pinned fal SDK, class
// creation accepts its options, fal builds its OpenAPI document, and pyright finds 0 errors.
// (setup() is not run here: fixtures import torch and friends; the stand-in tests cover it.)

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCog } from '../../../src/frontends/cog/index.js';
import { falTarget } from '../../../targets/fal/index.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { pyrightArgs, runPython, writeEmitted } from './harness.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface Case { name: string; dir: string; className: string; file: string; text: string }

function cases(): Case[] {
  const out: Case[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const input = join(FIXTURES, name, 'input');
    if (name.startsWith('.') || !existsSync(join(input, 'cog.yaml'))) continue;
    const caseJson = join(FIXTURES, name, 'case.json');
    if (existsSync(caseJson) && (JSON.parse(readFileSync(caseJson, 'utf8')) as { expectError?: boolean }).expectError) continue;
    const { ir } = readCog(input);
    if (!ir?.predictors.predict) continue;
    const result = falTarget.emit(ir, {});
    const app = result.files.find((f) => f.path === 'app.py');
    if (!app) continue;
    const dir = mkdtempSync(join(tmpdir(), `fal-fixture-${name}-`));
    writeEmitted(result, dir);
    out.push({ name, dir, className: /^class (\w+)\(fal\.App(?:, python_version="3\.\d+")?\):$/m.exec(app.text)![1]!, file: ir.predictors.predict.file, text: app.text });
  }
  return out;
}

const CHECK = String.raw`
import importlib.util, json, sys
import fal
results = {}
for app_dir, class_name in zip(sys.argv[1::2], sys.argv[2::2]):
    # each app runs in a process of its own on fal: its own cog_migrate_runtime, not the last app's
    for loaded in [m for m in sys.modules if m.split(".")[0] == "cog_migrate_runtime"]:
        del sys.modules[loaded]
    try:
        spec = importlib.util.spec_from_file_location("app_" + str(len(results)), app_dir + "/app.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cls = getattr(module, class_name)
        paths = sorted(cls.build_metadata()["openapi"]["paths"])
        # a custom container, or fal's managed environment (requirements + app_files, runtime-form.ts)
        # (a build with no Python packages has an empty requirements list)
        managed = cls.image is None and "kind" not in cls.host_kwargs and isinstance(cls.requirements, list) and cls.host_kwargs.get("app_files") == ["."]
        results[app_dir] = {"ok": issubclass(cls, fal.App) and "/" in paths and (cls.host_kwargs.get("kind") == "container" or managed)}
    except Exception as exc:
        results[app_dir] = {"ok": False, "error": repr(exc)}
print(json.dumps(results))
`;

let all: Case[];
let python: string;

beforeAll(() => {
  python = pythonEnv('fal');
  all = cases();
});

describe('fal output for every fixture', () => {
  it('has fixtures to check', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('copies the project folder into the image, or sends it as app_files', () => {
    const missing = all.filter((c) => !/^    "COPY (--\S+ )*\.\/? \/src\\n"$/m.test(c.text) && !/^    app_files = \["\."\]$/m.test(c.text)).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it('imports under the real fal SDK, with valid options and an OpenAPI document', () => {
    const out = JSON.parse(runPython(python, ['-c', CHECK, ...all.flatMap((c) => [c.dir, c.className])])) as Record<string, { ok: boolean; error?: string }>;
    const failed = all.filter((c) => !out[c.dir]?.ok).map((c) => `${c.name}: ${out[c.dir]?.error ?? 'not a fal.App with /'}`);
    expect(failed).toEqual([]);
  });

  it('type-checks with pyright against the pinned SDK with 0 errors', () => {
    const files = all.flatMap((c) => [join(c.dir, 'app.py'), join(c.dir, 'cog', '__init__.py')]);
    const pyright = fileURLToPath(new URL('../../../node_modules/.bin/pyright', import.meta.url));
    let out: string;
    try {
      out = execFileSync(pyright, pyrightArgs(python, files), { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? err);
    }
    const report = JSON.parse(out) as { generalDiagnostics: { file: string; message: string; severity: string }[] };
    const errors = report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`);
    expect(errors).toEqual([]);
  }, 300_000);
});
