// `cog-migrate APP.py --to cog` end to end: the frontend is picked by what the file imports, a
// folder holding one app works too, --endpoint picks the endpoint, and bad input writes nothing.

import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempProject } from '../helpers/cli.js';

const FAL_APP = `import fal
from pydantic import BaseModel, Field


class Request(BaseModel):
    prompt: str = Field(description="What to say")
    times: int = Field(default=2, ge=1, le=5)


class Response(BaseModel):
    output: str


class Echo(fal.App):
    machine_type = "S"
    requirements = ["numpy==2.1.1"]

    @fal.endpoint("/")
    def echo(self, request: Request) -> Response:
        return Response(output=request.prompt * request.times)

    @fal.endpoint("/shout")
    def shout(self, request: Request) -> Response:
        return Response(output=request.prompt.upper())
`;

const out = () => join(mkdtempSync(join(tmpdir(), 'cogm-rev-')), 'echo-cog');

describe('cog-migrate APP.py --to cog', () => {
  it('writes a Cog project for a fal app file: cog.yaml, predict.py, requirements.txt, the fal stand-in, the app unchanged', async () => {
    const dir = tempProject({ 'app.py': FAL_APP });
    const o = out();
    const r = await cli(join(dir, 'app.py'), '--to', 'cog', '--out', o);
    expect(r.code).toBe(0);
    for (const f of ['cog.yaml', 'predict.py', 'requirements.txt', 'app.py', 'fal', 'cog_app_adapter.py', 'MIGRATION.md']) expect(readdirSync(o)).toContain(f);
    expect(readFileSync(join(o, 'app.py'), 'utf8')).toBe(FAL_APP);
    expect(readFileSync(join(o, 'cog.yaml'), 'utf8')).toContain('predict: "predict.py:Predictor"');
    expect(readFileSync(join(o, 'predict.py'), 'utf8')).toContain('times: int = Input(default=2, ge=1, le=5)');
    // The app's own packages, then the pydantic it and the fal stand-in import (CM443).
    expect(readFileSync(join(o, 'requirements.txt'), 'utf8')).toBe('numpy==2.1.1\npydantic>=2.5\n');
    expect(r.stderr).toMatch(/app\.py:\d+:\d+: warning CM802: .*\/shout/); // reported, not silently dropped
  });

  it('reads a folder holding one app file, and --endpoint picks another endpoint', async () => {
    const dir = tempProject({ 'app.py': FAL_APP, 'helpers.py': 'X = 1\n' });
    const o = out();
    const r = await cli(dir, '--to', 'cog', '--out', o, '--endpoint', '/shout');
    expect(r.code).toBe(0);
    expect(readFileSync(join(o, 'predict.py'), 'utf8')).toContain('self.app.shout(');
  });

  it('loads an app file whose name is no module name by path, with the shared loader', async () => {
    const dir = tempProject({ 'my-app.py': FAL_APP });
    const o = out();
    const r = await cli(join(dir, 'my-app.py'), '--to', 'cog', '--out', o);
    expect(r.code).toBe(0);
    expect(readFileSync(join(o, 'predict.py'), 'utf8')).toContain('fal_app = load_module(pathlib.Path(__file__).resolve().parent, "my-app.py", "cog_migrated_app")');
    expect(existsSync(join(o, 'cog_migrate_runtime', 'loading.py'))).toBe(true);
  });

  it('inspect --openapi reads the app file too', async () => {
    const dir = tempProject({ 'app.py': FAL_APP });
    const r = await cli('inspect', join(dir, 'app.py'), '--openapi');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).components.schemas.Input.properties.times).toMatchObject({ default: 2, minimum: 1, maximum: 5 });
  });

  it('refuses an app with a syntax error: the finding names file and line, nothing is written', async () => {
    const dir = tempProject({ 'app.py': 'import fal\n\nclass A(fal.App)\n    pass\n' });
    const o = out();
    const r = await cli(join(dir, 'app.py'), '--to', 'cog', '--out', o);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CM808.*app\.py:3/);
    expect(existsSync(o)).toBe(false);
  });

  it('refuses an unknown --endpoint (CM803) and a fal app converted to another target (CM823)', async () => {
    const dir = tempProject({ 'app.py': FAL_APP });
    const a = await cli(join(dir, 'app.py'), '--to', 'cog', '--out', out(), '--endpoint', '/nope');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('CM803');
    const b = await cli(join(dir, 'app.py'), '--to', 'fal', '--out', out());
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('CM823');
  });

  it('refuses a Python file that is no app, and a folder with two apps', async () => {
    const plain = tempProject({ 'script.py': 'print(1)\n' });
    expect((await cli(join(plain, 'script.py'), '--to', 'cog', '--out', out())).stderr).toContain('CM800');
    const two = tempProject({ 'a.py': FAL_APP, 'b.py': FAL_APP });
    expect((await cli(two, '--to', 'cog', '--out', out())).stderr).toContain('CM822');
  });
});
