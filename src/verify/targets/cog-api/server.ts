// Cog's own HTTP server in the built image, as Replicate (the cog target), the Cloudflare
// container and the imported BYO model run it: the image's `python -m cog.server.http`, in a
// container of its own, bound to 127.0.0.1 on a free port with
// host networking (PORT is how Cog's server takes its port), no capabilities, bounded memory and
// pids, removed when stopped. Waits for GET /health-check to say READY.

import { createServer } from 'node:net';
import type { Finding } from '../../../findings/types.js';
import { finding } from '../../../findings/finding.js';
import type { Engine } from '../../build/engine.js';
import { errorText } from '../../build/engine.js';

export interface CogServer {
  url: string;
  /** Output of the server so far (for failure messages). */
  logs(): Promise<string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(text: string, lines = 15): string {
  return text.split('\n').filter((l) => l.trim()).slice(-lines).map((l) => `    ${l}`).join('\n');
}

/** Starts the image's Cog server; resolves once it is READY, or with a CM540 finding. */
export async function startCogServer(engine: Engine, image: string, timeoutMs: number, mode: 'predict' | 'train' = 'predict'): Promise<{ server?: CogServer; findings: Finding[] }> {
  const port = await freePort();
  let id: string | undefined;
  const remove = async (): Promise<void> => { if (id) await engine.getContainer(id).remove({ force: true }).catch(() => undefined); };
  const logs = async (): Promise<string> => {
    if (!id) return '';
    const buf = await engine.getContainer(id).logs({ stdout: true, stderr: true, follow: false }).catch(() => Buffer.from(''));
    // Docker multiplexes stdout/stderr with an 8-byte frame header; strip the frames.
    const raw = Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf));
    const out: Buffer[] = [];
    for (let at = 0; at + 8 <= raw.length;) {
      const size = raw.readUInt32BE(at + 4);
      out.push(raw.subarray(at + 8, at + 8 + size));
      at += 8 + size;
    }
    return Buffer.concat(out).toString('utf8');
  };
  try {
    const container = await engine.createContainer({
      Image: image,
      // Cog serves /trainings only in train mode (`--x-mode train`, COG_TRAIN_TYPE_STUB).
      Cmd: ['python', '-m', 'cog.server.http', '--host', '127.0.0.1', ...(mode === 'train' ? ['--x-mode', 'train'] : [])],
      Env: [`PORT=${port}`, 'PYTHONUNBUFFERED=1'],
      Labels: { 'cog-migrate.verify': 'smoke' },
      HostConfig: {
        NetworkMode: 'host',
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        Privileged: false,
        Memory: 4 * 1024 ** 3,
        PidsLimit: 1024,
      },
    });
    id = container.id;
    await container.start();
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      const state = await container.inspect().catch(() => undefined);
      if (!state?.State.Running) {
        const text = await logs();
        await remove();
        return { findings: [finding('CM540', `Cog's server exited (code ${state?.State.ExitCode ?? '?'}) before it was ready:\n${tail(text)}`)] };
      }
      try {
        const r = await fetch(`${url}/health-check`, { signal: AbortSignal.timeout(2000) });
        const body = (await r.json()) as { status?: string };
        last = body.status ?? '';
        if (body.status === 'READY') return { server: { url, logs, stop: remove }, findings: [] };
        if (body.status === 'SETUP_FAILED' || body.status === 'DEFUNCT') break;
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    const text = await logs();
    await remove();
    const why = last === 'SETUP_FAILED' || last === 'DEFUNCT' ? `reports ${last} on GET /health-check` : `did not become READY within ${Math.round(timeoutMs / 1000)} s${last ? ` (health-check: ${last})` : ''}`;
    return { findings: [finding('CM540', `Cog's server ${why}:\n${tail(text)}`)] };
  } catch (err) {
    await remove();
    return { findings: [finding('CM540', `Cog's server could not start: ${errorText(err)}`)] };
  }
}
