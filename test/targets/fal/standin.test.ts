// Adapter behaviour with the local fal stand-in (targets/fal/standin): the generated app downloads
// a file input served on 127.0.0.1, runs setup() and predict(), and returns what calling the
// predictor directly (through the cog compatibility module) returns, files as fal File objects.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonEnv } from '../../helpers/python-env.js';
import { emitProject, runPython, runPythonAsync, STANDIN_RUNNER, stubsDir } from './harness.js';
import { asyncFrames, asyncFunction, imageInvert, runnerObject, textStream, type Project } from './projects.js';

const INPUT_BYTES = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
let server: Server;
let baseUrl: string;
let python: string;
let requests = 0;

beforeAll(async () => {
  python = pythonEnv('fal');
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/photo.bin') { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(INPUT_BYTES); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

/** One request through the generated app; returns the response JSON and the env it ran with. */
async function viaApp(project: Project, path: string, body: unknown, env: Record<string, string> = {}) {
  const { dir } = emitProject(project);
  const storage = mkdtempSync(join(tmpdir(), 'fal-storage-'));
  const out = await runPythonAsync(python, [STANDIN_RUNNER, join(dir, 'app.py'), project.className, path, JSON.stringify(body)], {
    COG_MIGRATE_PROJECT_DIR: dir,
    FAL_STANDIN_STORAGE: storage,
    PYTHONPATH: stubsDir(),
    ...env,
  });
  return { dir, response: JSON.parse(out) as Record<string, any> };
}

/** Calls the predictor directly, as Cog would, with the compatibility module; prints JSON. */
function direct(dir: string, code: string, env: Record<string, string> = {}): any {
  const script = `import json, sys\nsys.path.insert(0, ${JSON.stringify(dir)})\n${code}`;
  return JSON.parse(runPython(python, ['-c', script], { PYTHONPATH: stubsDir(), ...env }, dir));
}

const bytesOf = (url: string) => readFileSync(fileURLToPath(url));

describe('generated fal app with the stand-in runtime', () => {
  it('downloads a Path input from 127.0.0.1, passes COG_WEIGHTS to setup(), returns an image File equal to the direct call', async () => {
    const weights = join(mkdtempSync(join(tmpdir(), 'w-')), 'offset.txt');
    writeFileSync(weights, '3');
    const before = requests;
    const { dir, response } = await viaApp(imageInvert, '/', { image: `${baseUrl}/photo.bin`, mode: 'xor', repeat: 1 }, { COG_WEIGHTS: weights });
    expect(requests).toBe(before + 1);
    const output = response['output'] as { url: string; content_type: string; file_name: string; file_size: number };
    expect(output).toMatchObject({ content_type: 'image/png', file_name: 'inverted.png', file_size: INPUT_BYTES.length });

    const local = join(mkdtempSync(join(tmpdir(), 'in-')), 'photo.bin');
    writeFileSync(local, INPUT_BYTES);
    const expected = direct(dir, `
import importlib.util
spec = importlib.util.spec_from_file_location("predict", "predict.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
from cog import Path
p = m.Predictor(); p.setup(weights=Path(${JSON.stringify(weights)}))
out = p.predict(image=Path(${JSON.stringify(local)}), mode="xor", repeat=1)
print(json.dumps(list(out.read_bytes())))`);
    expect([...bytesOf(output.url)]).toEqual(expected);
    expect([...bytesOf(output.url)]).not.toEqual([...INPUT_BYTES]);
  });

  it('accepts a data URI for a file input, and applies defaults the request leaves out', async () => {
    const dataUri = `data:application/octet-stream;base64,${INPUT_BYTES.toString('base64')}`;
    const { response } = await viaApp(imageInvert, '/', { image: dataUri, mode: 'reverse' });
    const got = bytesOf((response['output'] as { url: string }).url);
    expect([...got]).toEqual([...INPUT_BYTES].reverse());
  });

  it('rejects an input outside choices before predict() runs', async () => {
    await expect(viaApp(imageInvert, '/', { image: `${baseUrl}/photo.bin`, mode: 'sideways' })).rejects.toThrow(/mode/);
  });

  it('streams a ConcatenateIterator as one event per new piece of text, which joined give the / response and the direct call', async () => {
    const body = { prompt: 'a b c', shout: true };
    const whole = await viaApp(textStream, '/', body);
    const { dir, response } = await viaApp(textStream, '/stream', body);
    const events = response['events'] as { output: string }[];
    // each event is the item itself, not the list so far (issue 16)
    expect(events).toEqual((whole.response['output'] as string[]).map((piece) => ({ output: piece })));
    expect(events).toHaveLength(3);
    const expected = direct(dir, `
import importlib.util
spec = importlib.util.spec_from_file_location("predict", "predict.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
print(json.dumps(list(m.Predictor().predict(prompt="a b c", shout=True))))`);
    expect(whole.response).toEqual({ output: expected });
  });

  it('runs a BaseRunner from a subfolder with a Secret input and keeps BaseModel output fields', async () => {
    const { dir, response } = await viaApp(runnerObject, '/', { text: 'hé', token: 'abc' });
    const expected = direct(dir, `
import importlib.util
spec = importlib.util.spec_from_file_location("my_model", "predictors/my-model.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
from cog import Secret
r = m.Runner(); r.setup()
out = r.run(text="hé", token=Secret("abc"))
print(json.dumps({"text": out.text, "length": out.length, "file": out.file.read_text()}))`);
    expect(response).toMatchObject({ text: expected.text, length: expected.length });
    expect(response['text']).toBe('HÉ!!!~'); // data/suffix.txt read relative to the project folder
    expect(bytesOf(response['file'].url).toString('utf8')).toBe(expected.file);
  });

  it('lets an async function predictor evaluate its own non-literal default when the request omits it', async () => {
    const { dir, response } = await viaApp(asyncFunction, '/', { a: 5 });
    const expected = direct(dir, `
import asyncio, importlib.util
spec = importlib.util.spec_from_file_location("predict", "predict.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
print(json.dumps(asyncio.run(m.predict(a=5, factor=1.0))))`);
    expect(response).toEqual({ output: expected });
    expect(response).toEqual({ output: 7 });
    expect((await viaApp(asyncFunction, '/', { a: 5, b: 1, factor: 0.5 })).response).toEqual({ output: 3 });
  });

  it('streams files from an async generator, downloading an optional file input only when given', async () => {
    const plain = await viaApp(asyncFrames, '/', { count: 2 });
    expect(plain.response['output'].map((f: { url: string }) => bytesOf(f.url).toString())).toEqual(['frame0', 'frame1']);
    const { response } = await viaApp(asyncFrames, '/stream', { count: 3, seed_file: `${baseUrl}/photo.bin` });
    const events = response['events'] as { output: { url: string; file_name: string }[] }[];
    expect(events.map((e) => e.output.length)).toEqual([1, 2, 3]);
    const last = events.at(-1)!.output;
    expect(last.map((f) => f.file_name)).toEqual(['frame0.txt', 'frame1.txt', 'frame2.txt']);
    expect(bytesOf(last[2]!.url)).toEqual(Buffer.concat([INPUT_BYTES, Buffer.from('frame2')]));
  });
});
