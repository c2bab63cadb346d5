// The Worker as the front of the Cog-API smoke runtime (src/verify/targets/cog-api/): once the
// image's Cog server is READY, the bundled Worker starts on workerd (Miniflare, workerd.ts) with
// its platform part pointed at that server, and the shared driver sends its requests to the URL
// workerd serves on 127.0.0.1. The Worker forwards predictions only, so train() is not
// smoke-run through it (its test cases are CM545). The BYO Worker serves no OpenAPI document:
// the driver reads Cog's, which the Worker's input rules were generated from.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finding } from '../../findings/finding.js';
import type { CogApiFront } from '../targets/cog-api/index.js';
import { startWorkerd } from './workerd.js';
import type { WranglerConfig } from './wrangler.js';

export const WORKER_SOURCE = 'worker/src/index.ts';

export interface BundledWorker {
  nodeModules: string;
  entry: string;
  config: WranglerConfig;
}

function miniflareVersion(nodeModules: string): string {
  try {
    return (JSON.parse(readFileSync(join(nodeModules, 'miniflare', 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

export function workerFront(worker: BundledWorker): CogApiFront {
  const containers = worker.config.containers.length > 0;
  const version = miniflareVersion(worker.nodeModules);
  const standin = containers ? 'its container runtime stood in by a forward to Cog\'s server' : 'its Workers AI binding stood in by a call of Cog\'s server';
  return {
    platform: 'workers-ai',
    app: WORKER_SOURCE,
    async start(cogServerUrl) {
      try {
        const running = await startWorkerd({ ...worker, serverUrl: cogServerUrl });
        return {
          url: running.url,
          ...(containers ? {} : { openapiUrl: `${cogServerUrl}/openapi.json` }),
          application: `the Worker on workerd (Miniflare ${version}), ${standin}`,
          findings: [],
          stop: () => running.close().catch(() => undefined),
        };
      } catch (e) {
        return { findings: [finding('CM538', `the Worker did not start on workerd: ${String((e as Error).message ?? e).slice(0, 500)}`, { file: WORKER_SOURCE })], stop: async () => undefined };
      }
    },
  };
}
