// Issue 16: a predictor that raises reaches the caller with the message Cog would report, through
// fal's documented error (fal.exceptions.AppException, which fal's app answers as
// {"detail": message} with its status), not fal's generic 500 "Internal Server Error". Served
// through fal 1.83's own FastAPI app offline (App._build_app()): 500 with Cog's error text for a
// raising predict(), 422 with Cog's "Input validation error" for a file input that cannot be
// fetched, fal's own 503 for a CUDA out-of-memory (a new runner, and a retry on the queue); the
// traceback goes to the runner's log, never into the body. The text comes from the shared runtime
// (cog_migrate_runtime/failures.py), the same words Cog's HTTP API answers on Modal.

import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCog } from '../../../src/frontends/cog/index.js';
import { emitFal } from '../../../targets/fal/index.js';
import { tempProject } from '../../helpers/cli.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { LOAD_APP_PY, pyrightErrors, writeEmitted } from './harness.js';

const PREDICTOR = `from typing import Optional

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(self, mode: str = Input(default="ok"), image: Optional[Path] = Input(default=None)) -> str:
        if mode == "raise":
            raise ValueError("the prompt is empty")
        if mode == "oom":
            raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return "fine"
`;

const SERVE = String.raw`${LOAD_APP_PY}app_dir, class_name = sys.argv[1], sys.argv[2]
module = load_app(app_dir)
from fastapi.testclient import TestClient
app = getattr(module, class_name)(_allow_init=True)
out = {}
requests = {
    "ok": {"mode": "ok"},
    "raise": {"mode": "raise"},
    "oom": {"mode": "oom"},
    "download": {"image": "http://127.0.0.1:9/in.png"},
}
with TestClient(app._build_app(), raise_server_exceptions=False) as client:
    for name, body in requests.items():
        r = client.post("/", json=body)
        out[name] = [r.status_code, r.json()]
print(json.dumps(out))
`;

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

function served(): { body: Record<string, [number, unknown]>; log: string; dir: string } {
  const project = tempProject({ 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': PREDICTOR });
  const result = emitFal(readCog(project).ir!, {});
  const dir = mkdtempSync(join(tmpdir(), 'fal-failures-'));
  cpSync(project, dir, { recursive: true });
  writeEmitted(result, dir);
  const run = spawnSync(python, ['-c', SERVE, dir, 'Model'], { encoding: 'utf8', env: { ...process.env, COG_MIGRATE_PROJECT_DIR: dir }, timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { body: JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, [number, unknown]>, log: run.stderr, dir };
}

describe('fal: a failed prediction reaches the caller', () => {
  it("answers Cog's error text with 500 for a raising predict(), 422 for an input that cannot be fetched, and fal's 503 for a CUDA out-of-memory", () => {
    const { body, log, dir } = served();
    expect(body['ok']).toEqual([200, { output: 'fine' }]);
    expect(body['raise']).toEqual([500, { detail: 'Prediction failed: Prediction failed: ValueError: the prompt is empty' }]);
    expect(body['download']![0]).toBe(422);
    // fal's downloader refuses a URL on this machine (its SSRF guard) before any connection.
    expect(body['download']![1]).toEqual({ detail: 'Input validation error: Hostname resolves to a non-routable address' });
    // fal's catch_gpu_exceptions: the runner is replaced and the queue retries.
    expect(body['oom']).toEqual([503, { detail: 'CUDA error: out of memory' }]);
    // The traceback is in the log, as Cog logs it, and nowhere in the bodies.
    expect(log).toMatch(/Traceback \(most recent call last\):[\s\S]*ValueError: the prompt is empty/);
    expect(JSON.stringify(body)).not.toMatch(/Traceback|predict\.py/);
    expect(pyrightErrors(python, [join(dir, 'app.py'), join(dir, 'cog_migrate_runtime', 'failures.py')])).toEqual([]);
  }, 180_000);
});
