// The generated Worker, bundled by wrangler, runs on workerd (Miniflare from npm) with the part
// that needs Cloudflare's cloud replaced by an HTTP server on 127.0.0.1 that answers like Cog's:
// BYO's AI binding, and the container under the Containers Worker's Container class (the real
// @cloudflare/containers code runs). One prediction is forwarded and its output comes back; an
// input that breaks the schema is rejected with 422. No Docker (test/docker/workers-ai.test.ts
// does the same against Cog's real server in the built image).

import { afterAll, describe, expect, it } from 'vitest';
import { prepareWorker, startWorkerd, type PreparedWorker } from '../../../src/verify/workers-ai/index.js';
import { cogStandin, convertForWorkers, DISCONNECT, type WorkersOutput } from './helpers.js';

const cleanup: (() => unknown)[] = [];
afterAll(async () => { for (const c of cleanup.reverse()) await c(); });

async function bundled(fixture: string, mode: 'byo' | 'containers'): Promise<PreparedWorker> {
  const out: WorkersOutput = convertForWorkers(fixture, mode);
  cleanup.push(() => out.remove());
  const prepared = await prepareWorker(out.outDir, { bundle: true, needs: ['miniflare'] });
  cleanup.push(() => prepared.dispose());
  expect(prepared.findings.map((f) => `${f.code} ${f.message}`)).toEqual([]);
  return prepared;
}

/** The fixture's Worker on workerd in front of a Cog stand-in answering with `answer`; both closed in afterAll. */
async function workerBefore(fixture: string, mode: 'byo' | 'containers', ...standin: Parameters<typeof cogStandin>) {
  const prepared = await bundled(fixture, mode);
  const cog = await cogStandin(...standin);
  cleanup.push(() => cog.close());
  const worker = await startWorkerd({ nodeModules: prepared.nodeModules!, entry: prepared.entry!, config: prepared.config!, serverUrl: cog.url });
  cleanup.push(() => worker.close());
  return { cog, worker };
}

describe('the generated Worker on workerd, with a local stand-in for the platform', () => {
  it('BYO: POST /predictions goes through env.AI.run to the model and its output comes back; a bad input is a 422 from the input check', async () => {
    const { cog: model, worker } = await workerBefore('input-every-constraint', 'byo', (input) => `${String(input.prompt)}|${String(input.width ?? 1024)}`);

    // `seed: int = Input(default=None)`: Cog's schema requires it, so the Worker does too.
    const ok = await worker.request('POST', '/predictions', { input: { prompt: 'a cat', width: 512, seed: 7 } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ status: 'succeeded', output: 'a cat|512' });
    expect(model.requests).toEqual([{ method: 'POST', path: '/predictions', body: { input: { prompt: 'a cat', width: 512, seed: 7 } } }]);

    for (const [input, problem] of [
      [{ prompt: 'a cat', width: 10, seed: 7 }, 'width must be greater than or equal to 64'],
      [{ width: 512, seed: 7 }, 'prompt is required'],
      [{ prompt: 'a cat', width: 512 }, 'seed is required'],
      [{ prompt: 'a cat', seed: null }, 'seed may not be null'],
      [{ prompt: 'a cat', seed: 7, scheduler: 'NOPE' }, 'scheduler must be one of'],
      [{ prompt: 'a cat', seed: 7, hex_color: 'red' }, 'hex_color must match'],
    ] as const) {
      const bad = await worker.request('POST', '/predictions', { input });
      expect(bad.status, JSON.stringify(input)).toBe(422);
      expect(JSON.parse(bad.text).error).toContain(problem);
    }
    expect(model.requests).toHaveLength(1); // the bad inputs never reached the model
    expect((await worker.request('GET', '/health-check')).status).toBe(200);
    expect((await worker.request('GET', '/other')).status).toBe(404);
  }, 120_000);

  it("Containers: the Container class starts the container and forwards Cog's API to it; Cog's 422 comes back through the Worker", async () => {
    const { cog, worker } = await workerBefore('minimal-string-predictor', 'containers', (input) => {
      if (typeof input.text !== 'string') throw new Error('Input should be a valid string');
      return `hello ${input.text}`;
    });

    const ok = await worker.request('POST', '/predictions', { input: { text: 'world' } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ status: 'succeeded', output: 'hello world' });
    expect(cog.requests.filter((r) => r.path === '/predictions')).toEqual([{ method: 'POST', path: '/predictions', body: { input: { text: 'world' } } }]);

    const bad = await worker.request('POST', '/predictions', { input: { text: 5 } });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).detail[0].msg).toContain('valid string');

    expect(JSON.parse((await worker.request('GET', '/health-check')).text)).toEqual({ status: 'READY' });
    const before = cog.requests.length;
    expect((await worker.request('POST', '/shutdown')).status).toBe(404); // only Cog's prediction API is routed
    expect(cog.requests.length).toBe(before);
  }, 120_000);

  it("Containers, cold start: a prediction waits while Cog's setup() runs (coglet answers 503 until then) instead of failing", async () => {
    const { cog, worker } = await workerBefore('minimal-string-predictor', 'containers', (input) => `hello ${String(input.text)}`, { healthChecks: 3 });

    const ok = await worker.request('POST', '/predictions', { input: { text: 'world' } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ status: 'succeeded', output: 'hello world' });
    const seen = cog.requests.filter((r) => r.path === '/health-check' || r.path === '/predictions').map((r) => `${r.method} ${r.path}`);
    expect(seen).toEqual(['GET /health-check', 'GET /health-check', 'GET /health-check', 'GET /health-check', 'POST /predictions']);
  }, 120_000);

  it('Containers: a container that goes away mid-prediction is a Cog-shaped failure, not the Container library\'s plain text', async () => {
    const { cog, worker } = await workerBefore('minimal-string-predictor', 'containers', () => DISCONNECT);

    const failed = await worker.request('POST', '/predictions', { input: { text: 'world' } });
    expect(failed.status).toBe(500);
    const body = JSON.parse(failed.text) as { status: string; error: string };
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/container/i);
  }, 120_000);

  it('Containers: a setup() that failed is a Cog-shaped 503 with its logs, and the prediction never reaches the model', async () => {
    const { cog, worker } = await workerBefore('minimal-string-predictor', 'containers', () => 'never', { healthChecks: 0, fails: true });

    const failed = await worker.request('POST', '/predictions', { input: { text: 'world' } });
    expect(failed.status).toBe(503);
    expect(JSON.parse(failed.text)).toEqual({ status: 'failed', error: 'setup() failed: OSError: weights not found' });
    expect(cog.requests.filter((r) => r.path === '/predictions')).toEqual([]);
  }, 120_000);

  it('BYO: a prediction whose model call fails is a Cog-shaped failure, not an uncaught exception', async () => {
    const { cog: model, worker } = await workerBefore('minimal-string-predictor', 'byo', () => { throw new Error('CUDA out of memory'); });

    const failed = await worker.request('POST', '/predictions', { input: { text: 'world' } });
    expect(failed.status).toBe(500);
    const body = JSON.parse(failed.text) as { status: string; error: string };
    expect(body.status).toBe('failed');
    expect(body.error).toContain('CUDA out of memory');
  }, 120_000);
});
