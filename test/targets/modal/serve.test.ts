// Behaviour of the emitted Modal endpoint without Docker or Modal: the fixture's modal_app.py is
// imported under the real modal package, its class set up as Modal's container would, and its
// @modal.asgi_app served by uvicorn on 127.0.0.1 (src/verify/targets/modal/serve.py, Modal's own lifecycle functions). Only fixtures
// whose predictor needs nothing beyond the venv (the cog compatibility package) run here; those
// from real repositories run in containers (test/docker).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/index.js';
import { writeOutput } from '../../../src/fs/write-output.js';
import { modalTarget } from '../../../targets/modal/index.js';
import { pythonEnv } from '../../helpers/python-env.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/input-every-constraint/input', import.meta.url));
const SERVE = fileURLToPath(new URL('../../../src/verify/targets/modal/serve.py', import.meta.url));
let python: string;
let outDir: string;
let server: ChildProcess;
let base: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  python = pythonEnv('modal');
  const result = convert(FIXTURE, modalTarget, {});
  if (result.status !== 'converted') throw new Error('input-every-constraint did not convert');
  outDir = join(mkdtempSync(join(tmpdir(), 'modal-serve-')), 'out');
  const written = writeOutput(outDir, result.files, { force: true });
  if (!written.ok) throw new Error('cannot write the output');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(python, [SERVE, outDir, String(port)], { env: { ...process.env, COG_MIGRATE_PROJECT_DIR: outDir, PYTHONWARNINGS: 'ignore' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr!.on('data', (d) => (stderr += String(d)));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health-check`)).ok) return;
    } catch { /* not up yet */ }
    if (server.exitCode !== null) throw new Error(`serve.py exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serve.py did not answer: ${stderr}`);
}, 120_000);

afterAll(() => {
  server?.kill();
});

const post = async (body: unknown) => {
  const r = await fetch(`${base}/predictions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

/** The predictor called directly (loaded as Cog loads it, the compatibility package for `cog`). */
function direct(inputs: Record<string, unknown>): unknown {
  // Synchronous on purpose, but after the request: it blocks this process's event loop.
  const code = `
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from cog_migrate_runtime.loading import load_predictor, run_setup
p = load_predictor(Path(sys.argv[1]), "predict.py:Predictor")
run_setup(p)
print(json.dumps(p.predict(**json.loads(sys.argv[2]))))`;
  return JSON.parse(execFileSync(python, ['-c', code, outDir, JSON.stringify(inputs)], { encoding: 'utf8' }));
}

describe("the Modal endpoint speaks Cog's HTTP API", () => {
  it('answers POST /predictions with the output a direct call gives, in Cog\'s response shape', async () => {
    const inputs = { prompt: 'a cat', seed: 7, width: 512, scheduler: 'DDIM' };
    const r = await post({ input: inputs });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('succeeded');
    expect(r.body.output).toEqual(direct(inputs));
    expect(Object.keys(r.body).sort()).toEqual(['id', 'logs', 'metrics', 'output', 'status']);
    expect(r.body.id).toMatch(/^pred_[0-9a-f]{16}$/);
  });

  it('returns 422 for a wrong type and for an out-of-range value, with coglet\'s details', async () => {
    const wrong = await post({ input: { prompt: 'a', seed: 1, width: 'wide' } });
    expect(wrong).toEqual({ status: 422, body: { detail: [{ loc: ['body', 'input', 'width'], msg: '"wide" is not of type "integer"', type: 'value_error' }] } });
    const range = await post({ input: { prompt: 'a', seed: 1, strength: 1.5 } });
    expect(range).toEqual({ status: 422, body: { detail: [{ loc: ['body', 'input', 'strength'], msg: '1.5 is greater than the maximum of 1', type: 'value_error' }] } });
    const missing = await post({ input: { seed: 1 } });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([{ loc: ['body', 'input', 'prompt'], msg: 'Field required', type: 'value_error.missing' }]);
  });

  it('serves /openapi.json identical to `cog-migrate inspect --openapi`', async () => {
    const served = await (await fetch(`${base}/openapi.json`)).text();
    expect(((await (await fetch(`${base}/health-check`)).json()) as { status: string }).status).toBe('READY');
    const cli = fileURLToPath(new URL('../../../bin/cog-migrate.js', import.meta.url));
    expect(served).toBe(execFileSync(process.execPath, [cli, 'inspect', '--openapi', FIXTURE], { encoding: 'utf8' }));
  });
});
