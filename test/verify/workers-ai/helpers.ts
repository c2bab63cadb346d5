// Writes a fixture's workers-ai output (one mode) into a temporary folder, as the CLI would, and
// a small stand-in for Cog's HTTP API on 127.0.0.1 for the quick (no Docker) Worker runs.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { convert } from '../../../src/convert/index.js';
import { writeOutput } from '../../../src/fs/write-output.js';
import { workersAiTarget, type WorkersAiMode } from '../../../targets/workers-ai/index.js';

const REPO = resolve(import.meta.dirname, '../../..');

export interface WorkersOutput {
  outDir: string;
  remove(): void;
}

export function convertForWorkers(fixture: string, mode: WorkersAiMode): WorkersOutput {
  const work = mkdtempSync(join(tmpdir(), 'workers-out-'));
  const src = join(work, fixture);
  cpSync(join(REPO, 'fixtures', fixture, 'input'), src, { recursive: true, verbatimSymlinks: true });
  const result = convert(src, workersAiTarget, { mode });
  if (result.status !== 'converted') throw new Error(`${fixture} did not convert: ${result.findings.map((f) => `${f.code} ${f.message}`).join('; ')}`);
  const outDir = join(work, 'out');
  const written = writeOutput(outDir, result.files);
  if (!written.ok) throw new Error(written.findings.map((f) => f.message).join('; '));
  return { outDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}

export interface CogStandin {
  url: string;
  /** Every request the stand-in received: method, path, parsed JSON body. */
  requests: { method: string; path: string; body: unknown }[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => { let b = ''; req.on('data', (c: Buffer) => { b += c.toString('utf8'); }); req.on('end', () => ok(b)); });
}

/** What a stand-in's `predict` returns to drop the connection instead of answering (a container that went away). */
export const DISCONNECT = Symbol('disconnect');

/** A Cog server that has just started: setup() runs for this many health checks, then succeeds or fails. */
export interface CogSetup {
  healthChecks: number;
  fails?: boolean;
}

/**
 * Answers like Cog's server (coglet): GET /health-check READY; POST /predictions with the output
 * of `predict(input)`, or 422 with Cog's `detail` when `predict` throws. With `setup`, the health
 * check says STARTING (and a prediction gets coglet's 503) for `setup.healthChecks` checks, then
 * READY, or SETUP_FAILED with the setup logs.
 */
export async function cogStandin(predict: (input: Record<string, unknown>) => unknown, setup?: CogSetup): Promise<CogStandin> {
  const requests: CogStandin['requests'] = [];
  let checks = 0;
  const starting = () => setup !== undefined && checks < setup.healthChecks;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const path = req.url ?? '/';
      let body: unknown = null;
      try { body = text ? JSON.parse(text) : null; } catch { body = text; }
      requests.push({ method: req.method ?? '', path, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && path === '/health-check' && setup) {
        const status = starting() ? 'STARTING' : setup.fails ? 'SETUP_FAILED' : 'READY';
        checks += 1;
        res.end(JSON.stringify({ status, setup: { started_at: '2026-12-01T00:00:00Z', logs: setup.fails ? 'OSError: weights not found' : '' } }));
        return;
      }
      if (req.method === 'POST' && path === '/predictions') {
        if (starting() || setup?.fails) {
          res.statusCode = 503;
          res.end(JSON.stringify({ detail: 'Setup has not finished yet' }));
          return;
        }
        try {
          const output = predict(((body as { input?: Record<string, unknown> } | null)?.input) ?? {});
          if (output === DISCONNECT) {
            req.socket.destroy();
            return;
          }
          res.end(JSON.stringify({ status: 'succeeded', output }));
        } catch (e) {
          res.statusCode = 422;
          res.end(JSON.stringify({ detail: [{ loc: ['body', 'input'], msg: String((e as Error).message), type: 'value_error' }] }));
        }
        return;
      }
      res.end(JSON.stringify(path === '/health-check' ? { status: 'READY' } : {}));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}
