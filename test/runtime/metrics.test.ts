// cog.current_scope() per request (issue 16): the `cog` compatibility package keeps the running
// prediction's scope in a context variable and cog_migrate_runtime/metrics.py opens one per
// request. Run under Python: concurrent requests (asyncio tasks and threads) each see only their
// own metrics, a streamed generator records into its request's scope even when every step runs
// in another worker thread (as Starlette iterates a sync stream), outside a request nothing is
// kept, and Cog's prediction response carries the request's metrics.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runtimeDir } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const PROBE = String.raw`
import asyncio, contextvars, json, threading
import cog
from cog_migrate_runtime import metrics, predictions

out = {}

async def request(n):
    scope = metrics.new_scope()
    with metrics.active(scope):
        for _ in range(n):
            cog.current_scope().record_metric("calls", 1, mode="incr")
            await asyncio.sleep(0)
        cog.emit_metric("n", n)
    return metrics.metrics(scope)

async def both():
    return await asyncio.gather(request(3), request(5))

out["tasks"] = asyncio.run(both())

results = {}
def worker(n):
    scope = metrics.new_scope()
    with metrics.active(scope):
        for _ in range(n):
            cog.current_scope().record_metric("tokens", 1, mode="incr")
    results[n] = metrics.metrics(scope)
threads = [threading.Thread(target=worker, args=(n,)) for n in (2, 7)]
[t.start() for t in threads]; [t.join() for t in threads]
out["threads"] = [results[2], results[7]]

def generate():
    for word in ["a", "b", "c"]:
        cog.current_scope().record_metric("output_token_count", 1, mode="incr")
        yield word
scope = metrics.new_scope()
iterator = metrics.scoped(scope, generate)
# every step in a fresh copy of a context without the scope, each in its own thread
steps = []
def step():
    steps.append(next(iterator, None))
for _ in range(4):
    t = threading.Thread(target=contextvars.Context().run, args=(step,)); t.start(); t.join()
out["stream"] = {"items": steps, "metrics": metrics.metrics(scope), "units": metrics.billable_units(scope, "output_token_count")}

async def agen():
    for i in range(2):
        cog.current_scope().record_metric("frames", i, mode="append")
        yield i
async def drain():
    s = metrics.new_scope()
    items = [i async for i in metrics.scoped_async(s, agen)]
    return {"items": items, "metrics": metrics.metrics(s)}
out["async_stream"] = asyncio.run(drain())

cog.current_scope().record_metric("stray", 1)
out["outside"] = cog.current_scope().metrics

class P(cog.BasePredictor):
    def predict(self, text: str) -> str:
        self.record_metric("chars", len(text))
        self.scope.metrics["seen"] = True
        return text
async def two_predictions():
    p = P()
    return await asyncio.gather(predictions.run(p.predict, {"text": "abc"}, {}), predictions.run(p.predict, {"text": "hello"}, {}))
responses = asyncio.run(two_predictions())
out["responses"] = [{k: v for k, v in r["metrics"].items() if k != "predict_time"} for r in responses]

bad = metrics.new_scope()
bad.record_metric("label", "x")
bad.record_metric("neg", -1)
bad.record_metric("gone", 3)
bad.record_metric("gone", None)
out["units"] = [metrics.billable_units(bad, "label"), metrics.billable_units(bad, "neg"), metrics.billable_units(bad, "missing"), "gone" in bad.metrics]
print(json.dumps(out))
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let seen: any;

beforeAll(() => {
  const python = pythonEnv('fal');
  const stdout = execFileSync(python, ['-c', PROBE], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: runtimeDir(), PYTHONWARNINGS: 'ignore' }, timeout: 120_000 });
  seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
}, 900_000);

describe('cog.current_scope() per request', () => {
  it('keeps the metrics of concurrent asyncio requests apart', () => {
    expect(seen.tasks).toEqual([{ calls: 3, n: 3 }, { calls: 5, n: 5 }]);
  });

  it('keeps the metrics of requests in concurrent threads apart', () => {
    expect(seen.threads).toEqual([{ tokens: 2 }, { tokens: 7 }]);
  });

  it('records a streamed generator into its own request scope, whatever thread runs each step', () => {
    expect(seen.stream).toEqual({ items: ['a', 'b', 'c', null], metrics: { output_token_count: 3 }, units: '3' });
    expect(seen.async_stream).toEqual({ items: [0, 1], metrics: { frames: [0, 1] } });
  });

  it('keeps nothing outside a request', () => {
    expect(seen.outside).toEqual({});
  });

  it("returns each prediction's own metrics in Cog's response, recorded through self.record_metric and self.scope", () => {
    expect(seen.responses).toEqual([{ chars: 3, seen: true }, { chars: 5, seen: true }]);
  });

  it('counts billable units only from finite non-negative numbers; None deletes a metric', () => {
    expect(seen.units).toEqual([null, null, null, false]);
  });
});
