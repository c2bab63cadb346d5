// The smoke runtime of every target whose platform serves Cog's own HTTP API from the image:
// the image's Cog server runs in a container of its own on 127.0.0.1 (server.ts), optionally with
// the platform's own front in front of it (workers-ai: the Worker on workerd), and the shared
// driver, in a further container of the same image, sends its requests through serve.py to the
// URL the platform serves, then calls the Cog predictor directly and compares. With a front, the
// driver also sends each request and the invalid input to Cog's server behind it: the front must
// answer as that server does, and refuse only what it refuses.

import type { Finding } from '../../../findings/types.js';
import type { Engine } from '../../build/engine.js';
import { verifyAsset } from '../../assets.js';
import type { SmokeRuntime, SmokeServer } from '../types.js';
import { startCogServer } from './server.js';

export { startCogServer, type CogServer } from './server.js';

/** What a platform puts in front of Cog's server, started once that server is READY. */
export interface CogApiFront {
  /** The platform's name in the smoke record (`runtime.platform`). */
  platform: string;
  /** Output-relative file the front's findings point at (the Worker's source). */
  app: string;
  start(cogServerUrl: string): Promise<RunningFront>;
}

export interface RunningFront {
  /** Where the front serves Cog's HTTP API; absent when it did not start (the findings say why). */
  url?: string;
  /** Where the served OpenAPI document is read, when the front serves none (BYO: Cog's server's). */
  openapiUrl?: string;
  /** What serves the API, for the smoke record (`runtime.application`). */
  application?: string;
  findings: Finding[];
  stop(): Promise<void>;
}

const SERVER_VARIABLES = { predict: 'COG_MIGRATE_SERVER_URL', train: 'COG_MIGRATE_TRAIN_SERVER_URL' } as const;

/** Cog's HTTP API as the shared driver's runtime: Cog's server per role, behind `front` when given. */
export function cogApiRuntime(front?: CogApiFront): SmokeRuntime {
  return {
    serveModule: verifyAsset('targets/cog-api/serve.py'),
    // Without a front the platform is Cog itself, configured by the project's cog.yaml.
    app: front?.app ?? 'cog.yaml',
    server: (engine, image, timeoutMs, roles) => startServers(engine, image, timeoutMs, roles, front),
  };
}

// Cog's server for predict, and when train() is smoke-run a second one in train mode (Cog routes
// /trainings only there, as Replicate runs trainings in a container of their own).
async function startServers(engine: Engine, image: string, timeoutMs: number, roles: readonly string[], front?: CogApiFront): Promise<SmokeServer> {
  const env: string[] = [];
  const findings: Finding[] = [];
  const running: (() => Promise<void>)[] = [];
  // The front first: it forwards to the servers behind it.
  const stop = async (): Promise<void> => { for (const s of [...running].reverse()) await s(); };
  const failed = async (): Promise<SmokeServer> => {
    await stop();
    return { findings, stop: async () => undefined };
  };
  for (const role of ['predict', 'train'] as const) {
    if (role === 'train' && !roles.includes('train')) continue;
    const started = await startCogServer(engine, image, timeoutMs, role);
    findings.push(...started.findings);
    if (!started.server) return failed();
    running.push(started.server.stop);
    if (role === 'predict' && front) {
      const served = await front.start(started.server.url);
      findings.push(...served.findings);
      running.push(served.stop);
      if (!served.url) return failed();
      env.push(`${SERVER_VARIABLES.predict}=${served.url}`, `COG_MIGRATE_COG_SERVER_URL=${started.server.url}`, `COG_MIGRATE_PLATFORM=${front.platform}`);
      if (served.openapiUrl) env.push(`COG_MIGRATE_OPENAPI_URL=${served.openapiUrl}`);
      if (served.application) env.push(`COG_MIGRATE_APPLICATION=${served.application}`);
    } else {
      env.push(`${SERVER_VARIABLES[role]}=${started.server.url}`);
    }
  }
  return { env, findings, stop };
}
