// Runs a bundled Worker on workerd (through Miniflare, both from npm) with the one thing that
// needs Cloudflare's cloud stood in by a server on 127.0.0.1: for BYO the Workers AI binding
// (ai-standin.mjs, a wrapped binding calling Cog's HTTP API), for Containers the container
// runtime under the Container class (container-standin.mjs). Everything else is the real code:
// the generated Worker, @cloudflare/containers, workerd's Durable Objects.

import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyAsset } from '../assets.js';
import type { WranglerConfig } from './wrangler.js';

/** The Durable Object class the Containers stand-in entry exports (container-standin.mjs). */
const STANDIN_CLASS = 'CogMigrateContainer';
const STANDIN_ENTRY = 'cog-migrate-entry.mjs';

/** The little of Miniflare's API used here (it is a devDependency: loaded at run time). */
interface MiniflareLike {
  ready: Promise<URL>;
  dispatchFetch(url: string | URL, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareCtor = new (options: Record<string, unknown>) => MiniflareLike;

export interface RunningWorker {
  /** Where workerd serves the Worker on 127.0.0.1 (`http://127.0.0.1:PORT`), for other processes. */
  url: string;
  /** Sends one request to the Worker; the body comes back as text. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface WorkerdOptions {
  nodeModules: string;
  /** The bundle `wrangler deploy --dry-run --outdir` wrote (its index.js). */
  entry: string;
  config: WranglerConfig;
  /** Where the stand-in sends the model's traffic: Cog's HTTP API on 127.0.0.1. */
  serverUrl: string;
}

async function loadMiniflare(nodeModules: string): Promise<MiniflareCtor> {
  const mod = (await import(pathToFileURL(join(nodeModules, 'miniflare', 'dist', 'src', 'index.js')).href)) as { Miniflare: MiniflareCtor };
  return mod.Miniflare;
}

/** The Miniflare worker options for the Worker as its wrangler config describes it. */
function workerOptions(o: WorkerdOptions): Record<string, unknown>[] {
  const common = { name: 'worker', compatibilityDate: o.config.compatibility_date, bindings: { COG_MIGRATE_SERVER_URL: o.serverUrl } };
  if (o.config.containers.length > 0) {
    const bundleDir = dirname(o.entry);
    copyFileSync(verifyAsset('workers-ai/container-standin.mjs'), join(bundleDir, STANDIN_ENTRY));
    const containerClasses = new Set(o.config.containers.map((c) => c.class_name));
    const durableObjects = Object.fromEntries(o.config.durable_objects.bindings.map((b) => [
      b.name, { className: containerClasses.has(b.class_name) ? STANDIN_CLASS : b.class_name, useSQLite: true },
    ]));
    return [{
      ...common,
      modulesRoot: bundleDir,
      modules: [{ type: 'ESModule', path: join(bundleDir, STANDIN_ENTRY) }, { type: 'ESModule', path: o.entry }],
      durableObjects,
    }];
  }
  const ai = o.config.ai?.binding;
  return [
    { ...common, modules: true, scriptPath: o.entry, modulesRoot: dirname(o.entry), ...(ai ? { wrappedBindings: { [ai]: { scriptName: 'cog-migrate-ai-standin', bindings: { COG_MIGRATE_SERVER_URL: o.serverUrl } } } } : {}) },
    ...(ai ? [{ name: 'cog-migrate-ai-standin', modules: true, scriptPath: verifyAsset('workers-ai/ai-standin.mjs'), modulesRoot: dirname(verifyAsset('workers-ai/ai-standin.mjs')) }] : []),
  ];
}

/** Starts workerd with the Worker on 127.0.0.1 (a free port). */
export async function startWorkerd(o: WorkerdOptions): Promise<RunningWorker> {
  const Miniflare = await loadMiniflare(o.nodeModules);
  const mf = new Miniflare({ host: '127.0.0.1', port: 0, workers: workerOptions(o) });
  const base = await mf.ready;
  return {
    url: base.origin,
    async request(method, path, body) {
      const r = await mf.dispatchFetch(new URL(path, base), {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: r.status, text: await r.text() };
    },
    close: () => mf.dispose(),
  };
}
