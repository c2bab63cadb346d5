// Cog's own HTTP server beside a converted endpoint, for suites that hold an adapter against it:
// the unpruned `cog debug` image of a fixture (in the offline legacy builder's form, its base
// substituted by the local python:3.11-slim, Cog pinned to the release the project reads,
// .cog/openapi_schema.json in the image so coglet validates inputs), containers serving on
// 127.0.0.1 (host network, no capabilities), a file server for URL inputs, and the comparison of
// two answers field by field except what differs by design (generated ids, timings).

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as netServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CogIR } from '../../src/ir/types.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';
import { buildOutput, type Engine } from '../../src/verify/index.js';
import { legacyCogDebug, REQS } from '../../src/verify/build/legacy-form.js';
import { REPO } from './helpers.js';

/** The pinned Cog release's packages (test/python-env/cog-0.22.txt), as `cog` unpinned would resolve today. */
function cogPins(): string {
  return readFileSync(join(REPO, 'test', 'python-env', 'cog-0.22.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).join(' ');
}

/** Builds the fixture's `cog debug` image from its project folder; throws when it does not build. */
export async function buildCogServer(engine: Engine, projectDir: string, ir: CogIR, tag: string): Promise<void> {
  const legacy = legacyCogDebug(renderDockerfile(dockerfileFor(ir, 'fal').cogDebug));
  const text = legacy.text.replace(/uv pip install --no-cache cog$/m, `uv pip install --no-cache ${cogPins()}`);
  if (text === legacy.text) throw new Error('the cog debug Dockerfile has no `uv pip install --no-cache cog` line to pin');
  const reqs = ir.build.pythonRequirements.map((r) => r.raw).join('\n') + '\n';
  const built = await buildOutput(engine, projectDir, {
    tag, timeoutMs: 20 * 60_000, dockerfile: text,
    extraFiles: [
      { name: REQS, data: Buffer.from(reqs) },
      // coglet validates inputs only against this file (cog build writes it).
      { name: '.cog/openapi_schema.json', data: Buffer.from(JSON.stringify(toOpenApi(ir), null, 2)) },
    ],
  });
  if (!built.ok) throw new Error(`the cog debug image did not build: ${built.findings.map((f) => f.message).join('; ')}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  base: string;
  stop(): Promise<void>;
}

/** Runs `cmd` in `image` on the host network and waits for GET /health-check to say READY. */
export async function serveContainer(engine: Engine, opts: { image: string; cmd: string; env?: string[]; binds?: string[]; port: number }): Promise<Running> {
  const container = await engine.createContainer({
    Image: opts.image,
    Entrypoint: ['/bin/sh', '-c'],
    Cmd: [opts.cmd],
    Env: ['PYTHONUNBUFFERED=1', ...(opts.env ?? [])],
    Labels: { 'cog-migrate.test': 'cog-server-comparison' },
    HostConfig: {
      NetworkMode: 'host', CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], AutoRemove: true,
      Memory: 2 * 1024 ** 3, PidsLimit: 512, ...(opts.binds ? { Binds: opts.binds } : {}),
    },
  });
  const stop = async (): Promise<void> => { await container.remove({ force: true }).catch(() => undefined); };
  await container.start();
  const base = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/health-check`);
      if (r.ok && ((await r.json()) as { status?: string }).status === 'READY') return { base, stop };
    } catch { /* not up yet */ }
    const state = await container.inspect().then((c) => c.State.Running, () => false);
    if (!state) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const logs = await container.logs({ stdout: true, stderr: true, tail: 40 }).then(String, () => '');
  await stop();
  throw new Error(`${opts.image} did not become READY on ${base}:\n${logs}`);
}

/** Serves `files` (name -> bytes) on 127.0.0.1; other paths answer 404. */
export async function fileServer(files: Record<string, Buffer>): Promise<{ url: (name: string) => string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = files[(req.url ?? '/').slice(1)];
    if (!body) { res.writeHead(404, 'File not found').end(); return; }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Answer {
  status: number;
  body: unknown;
}

export async function postPrediction(base: string, body: unknown): Promise<Answer> {
  const r = await fetch(`${base}/predictions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* a text answer stays text */ }
  return { status: r.status, body: parsed };
}

/**
 * What is compared: everything but the fields that differ by design and are documented in
 * docs/targets/modal.md: a generated `id` (both `pred_` + 16 hex digits), `metrics.predict_time`
 * (a number on both sides), and the `logs` of a failed prediction (coglet 0.22 drops them).
 */
export function comparable(a: Answer): Answer {
  if (!a.body || typeof a.body !== 'object' || Array.isArray(a.body)) return a;
  const body = { ...(a.body as Record<string, unknown>) };
  if (typeof body.id === 'string' && /^pred_[0-9a-f]{16}$/.test(body.id)) body.id = '<generated>';
  if (body.metrics && typeof body.metrics === 'object') {
    const m = { ...(body.metrics as Record<string, unknown>) };
    if (typeof m.predict_time === 'number') m.predict_time = '<seconds>';
    body.metrics = m;
  }
  if (body.status === 'failed' && typeof body.logs === 'string') body.logs = '<logs of a failed prediction>';
  return { status: a.status, body };
}
