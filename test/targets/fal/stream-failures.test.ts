// A predictor that raises while POST /stream is iterating it: the stream ends with one last
// Server-Sent Event carrying Cog's failed response ({"status": "failed", "error": Cog's text}),
// named `error`, instead of a connection that just breaks once the 200 and its headers are out.
// Served through fal 1.83's own FastAPI app offline (App._build_app()), read as fal_client.stream()
// reads it (httpx_sse's iter_sse over the response, event.json() per event), for a sync and an
// async generator and for a file input that cannot be fetched (Cog's "Input validation error").
// The traceback goes to the runner's log, never into an event. The logic is the shared runtime's
// (cog_migrate_runtime/failures.py: streamed, astreamed).

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

const SYNC = `from typing import Iterator, Optional

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(self, fail_after: int = Input(default=2), image: Optional[Path] = Input(default=None)) -> Iterator[str]:
        for i in range(3):
            if i == fail_after:
                raise ValueError(f"token {i} is out of range")
            yield f"t{i}"
`;

const ASYNC = `from typing import AsyncIterator

from cog import BasePredictor, Input


class Predictor(BasePredictor):
    async def predict(self, fail_after: int = Input(default=2)) -> AsyncIterator[str]:
        for i in range(3):
            if i == fail_after:
                raise ValueError(f"token {i} is out of range")
            yield f"t{i}"
`;

const STREAM = String.raw`${LOAD_APP_PY}app_dir, class_name = sys.argv[1], sys.argv[2]
requests = json.loads(sys.argv[3])
module = load_app(app_dir)
from fastapi.testclient import TestClient
from httpx_sse import connect_sse
app = getattr(module, class_name)(_allow_init=True)
out = {}
with TestClient(app._build_app(), raise_server_exceptions=False) as client:
    for name, body in requests.items():
        with connect_sse(client, "POST", "/stream", json=body) as events:
            out[name] = {"status": events.response.status_code, "events": [[e.event, e.json()] for e in events.iter_sse()]}
print(json.dumps(out))
`;

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

function streamed(predictor: string, requests: Record<string, unknown>): { body: Record<string, { status: number; events: [string, unknown][] }>; log: string; dir: string } {
  const project = tempProject({ 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': predictor });
  const result = emitFal(readCog(project).ir!, {});
  const dir = mkdtempSync(join(tmpdir(), 'fal-stream-failures-'));
  cpSync(project, dir, { recursive: true });
  writeEmitted(result, dir);
  const run = spawnSync(python, ['-c', STREAM, dir, 'Model', JSON.stringify(requests)], { encoding: 'utf8', env: { ...process.env, COG_MIGRATE_PROJECT_DIR: dir }, timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { body: JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, { status: number; events: [string, unknown][] }>, log: run.stderr, dir };
}

const failed = (error: string): [string, unknown] => ['error', { status: 'failed', error }];

describe('fal: a prediction that fails while streaming', () => {
  it("ends the stream with Cog's failed response as an error event (sync generator, input that cannot be fetched)", () => {
    const { body, log, dir } = streamed(SYNC, { ok: { fail_after: 5 }, raise: { fail_after: 2 }, first: { fail_after: 0 }, download: { image: 'http://127.0.0.1:9/in.png' } });
    expect(body['ok']).toEqual({ status: 200, events: [['message', { output: ['t0'] }], ['message', { output: ['t0', 't1'] }], ['message', { output: ['t0', 't1', 't2'] }]] });
    expect(body['raise']).toEqual({
      status: 200,
      events: [['message', { output: ['t0'] }], ['message', { output: ['t0', 't1'] }], failed('Prediction failed: Prediction failed: ValueError: token 2 is out of range')],
    });
    expect(body['first']).toEqual({ status: 200, events: [failed('Prediction failed: Prediction failed: ValueError: token 0 is out of range')] });
    // fal's downloader refuses a URL on this machine (its SSRF guard): the caller's input error, as Cog words it.
    expect(body['download']).toEqual({ status: 200, events: [failed('Input validation error: Hostname resolves to a non-routable address')] });
    expect(log).toMatch(/Traceback \(most recent call last\):[\s\S]*ValueError: token 2 is out of range/);
    expect(JSON.stringify(body)).not.toMatch(/Traceback|predict\.py/);
    expect(pyrightErrors(python, [join(dir, 'app.py'), join(dir, 'cog_migrate_runtime', 'failures.py')])).toEqual([]);
  }, 180_000);

  it('does the same for an async generator', () => {
    const { body, log } = streamed(ASYNC, { raise: { fail_after: 1 } });
    expect(body['raise']).toEqual({ status: 200, events: [['message', { output: ['t0'] }], failed('Prediction failed: Prediction failed: ValueError: token 1 is out of range')] });
    expect(log).toMatch(/ValueError: token 1 is out of range/);
  }, 180_000);
});
