// Local stand-ins of the two HTTP APIs a caller talks to, on 127.0.0.1, following the public
// docs: Replicate's (https://replicate.com/docs/reference/http: POST /v1/models/{owner}/{name}/
// predictions with `Prefer: wait`, the prediction object, its `urls.stream` Server-Sent Events
// with `output` and `done` events) and fal's queue (https://docs.fal.ai/model-apis/model-endpoints/queue:
// POST queue.fal.run/{app} -> request_id and URLs, GET .../requests/{id}/status, GET
// .../requests/{id} -> the app's response; webhooks as `fal_webhook`; streaming as SSE on
// fal.run/{app}/stream). Each model answers from a table, so both sides return the same data.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ModelAnswer {
  /** The model's output as Cog returns it (file outputs as URLs). */
  output: unknown;
  /** How the cog-migrate fal app returns it: `{ output }`, files as File objects. */
  falOutput: unknown;
}

export interface Recorded { method: string; path: string; headers: IncomingMessage['headers']; body: unknown }

export interface StandIn { origin: string; requests: Recorded[]; close(): Promise<void> }

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse, recorded: Recorded) => void): Promise<StandIn> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const rec = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      requests.push(rec);
      handler(req, res, rec);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function replicateStandIn(models: Record<string, ModelAnswer>, ids: string[]): Promise<StandIn> {
  const predictions = new Map<string, { model: string; input: unknown; webhook?: string }>();
  let self: StandIn;
  return listen((req, res, rec) => {
    // The stream URL a prediction carries is fetched without the token, as Replicate's client does.
    if (rec.headers.authorization !== 'Bearer r8_test' && !rec.path.startsWith('/v1/stream/')) return json(res, 401, { detail: 'Unauthenticated' });
    const create = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(rec.path);
    if (rec.method === 'POST' && create) {
      const model = create[1]!;
      const answer = models[model];
      if (!answer) return json(res, 404, { detail: 'Not found' });
      const id = ids.shift() ?? `p${predictions.size}`;
      const body = rec.body as { input: unknown; webhook?: string };
      predictions.set(id, { model, input: body.input, ...(body.webhook ? { webhook: body.webhook } : {}) });
      const waited = String(rec.headers.prefer ?? '').startsWith('wait');
      return json(res, 201, {
        id, model, version: 'hidden', input: body.input, logs: '', error: null, data_removed: false, source: 'api',
        status: waited ? 'succeeded' : 'starting', output: waited ? answer.output : null, created_at: '2026-01-01T00:00:00Z',
        urls: { get: `${self.origin}/v1/predictions/${id}`, cancel: `${self.origin}/v1/predictions/${id}/cancel`, stream: `${self.origin}/v1/stream/${id}` },
      });
    }
    const stream = /^\/v1\/stream\/(.+)$/.exec(rec.path);
    if (rec.method === 'GET' && stream && predictions.has(stream[1]!)) {
      const items = models[predictions.get(stream[1]!)!.model]!.output as unknown[];
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      items.forEach((item, i) => res.write(`event: output\nid: ${i}\ndata: ${String(item)}\n\n`));
      res.end('event: done\ndata: {}\n\n');
      return;
    }
    json(res, 404, { detail: 'Not found' });
  }).then((s) => (self = s));
}

export function falStandIn(models: Record<string, ModelAnswer>, ids: string[]): Promise<StandIn> {
  const requests = new Map<string, string>();
  let self: StandIn;
  return listen((req, res, rec) => {
    if (rec.headers.authorization !== 'Key fal_test') return json(res, 401, { detail: 'Unauthorized' });
    const url = new URL(rec.path, 'http://x');
    const [host, ...rest] = url.pathname.slice(1).split('/');
    const path = rest.join('/');
    if (host === 'fal.run' && rec.method === 'POST' && path.endsWith('/stream')) {
      const answer = models[path.slice(0, -'/stream'.length)];
      if (!answer) return json(res, 404, { detail: 'Application not found' });
      const items = (answer.falOutput as { output: unknown[] }).output;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // The cog-migrate fal app's /stream: each event is the output so far.
      items.forEach((_, i) => res.write(`data: ${JSON.stringify({ output: items.slice(0, i + 1) })}\n\n`));
      res.end();
      return;
    }
    if (host !== 'queue.fal.run') return json(res, 404, { detail: 'Not found' });
    const m = /^([^/]+\/[^/]+)\/requests\/([^/]+)(\/status)?$/.exec(path);
    if (rec.method === 'POST' && models[path]) {
      const id = ids.shift() ?? `r${requests.size}`;
      requests.set(id, path);
      const base = `${self.origin}/queue.fal.run/${path}/requests/${id}`;
      return json(res, 200, { status: 'IN_QUEUE', request_id: id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel`, queue_position: 0 });
    }
    if (rec.method === 'GET' && m && requests.get(m[2]!) === m[1]) {
      const base = `${self.origin}/queue.fal.run/${m[1]}/requests/${m[2]}`;
      if (m[3]) return json(res, 200, { status: 'COMPLETED', request_id: m[2], response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel`, logs: [], metrics: { inference_time: 0.1 } });
      return json(res, 200, models[m[1]!]!.falOutput);
    }
    json(res, 404, { detail: 'Not found' });
  }).then((s) => (self = s));
}

/**
 * Cog's HTTP API (https://github.com/replicate/cog/blob/main/docs/http.md), as the Modal app's
 * web endpoint serves it: POST /predictions with `{ input }` answers `{ status, output, error,
 * logs, metrics }`. Apps are told apart by host (`https://<app>.modal.run` -> `/<host>/...`).
 */
export function cogHttpStandIn(byHost: Record<string, ModelAnswer>): Promise<StandIn> {
  return listen((req, res, rec) => {
    const m = /^\/([^/]+)\/predictions$/.exec(rec.path);
    const answer = m ? byHost[m[1]!] : undefined;
    if (rec.method !== 'POST' || !answer) return json(res, 404, { detail: 'Not Found' });
    const input = (rec.body as { input?: unknown } | undefined)?.input;
    if (input === null || typeof input !== 'object') return json(res, 422, { detail: [{ loc: ['body', 'input'], msg: 'field required', type: 'value_error.missing' }] });
    json(res, 200, { input, output: answer.output, id: null, version: null, created_at: null, started_at: '2026-01-01T00:00:00Z', completed_at: '2026-01-01T00:00:01Z', logs: '', error: null, status: 'succeeded', metrics: { predict_time: 0.01 } });
  });
}

/** `fetch` for the callers: the real hosts go to the stand-ins (the path keeps the host for fal and Modal). */
export function routedFetch(replicate: StandIn, fal: StandIn, real: typeof fetch, modal?: StandIn): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    let target: string;
    if (url.host === 'api.replicate.com') target = `${replicate.origin}${url.pathname}${url.search}`;
    else if (url.host === 'queue.fal.run' || url.host === 'fal.run') target = `${fal.origin}/${url.host}${url.pathname}${url.search}`;
    else if (modal && url.host.endsWith('.modal.run')) target = `${modal.origin}/${url.host}${url.pathname}${url.search}`;
    else if (url.hostname === '127.0.0.1') target = url.toString();
    else throw new Error(`the behaviour test reaches no real host: ${url.host}`);
    return input instanceof Request ? real(new Request(target, input), init) : real(target, init);
  }) as typeof fetch;
}
