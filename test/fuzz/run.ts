// Runs N fuzz inputs through worker threads of this process (two by default), each input under
// a time limit: a thread that does not answer in time is terminated, the input counted as a
// hang, and a fresh thread takes over. Reports inputs, crashes, hangs and the process's peak RSS.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzReply, FuzzRequest } from './worker.js';

export interface FuzzOptions {
  inputs: number;
  seed: number;
  /** Per input; a slower input is a hang. */
  limitMs: number;
  threads?: number;
  onProgress?: (done: number) => void;
}

export interface FuzzSummary {
  inputs: number;
  crashes: { index: number; detail: string }[];
  hangs: number[];
  maxRssMb: number;
  ms: number;
}

function startWorker(): Worker {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

export function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const summary: FuzzSummary = { inputs: 0, crashes: [], hangs: [], maxRssMb: 0, ms: 0 };
  let next = 0;
  let running = 0;
  return new Promise((done) => {
    const finishIfIdle = () => {
      if (running > 0 || next < options.inputs) return;
      summary.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      summary.ms = Date.now() - started;
      done(summary);
    };
    const thread = () => {
      const worker = startWorker();
      running++;
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (next >= options.inputs) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        timer = setTimeout(() => {
          summary.hangs.push(current!);
          summary.inputs++;
          worker.removeAllListeners('exit');
          void worker.terminate();
          running--;
          thread();
        }, options.limitMs);
        worker.postMessage({ type: 'input', index: current, seed: options.seed } satisfies FuzzRequest);
      };
      worker.on('message', (msg: FuzzReply) => {
        if (msg.type === 'ready') return feed();
        clearTimeout(timer);
        summary.inputs++;
        if (msg.crash) summary.crashes.push({ index: msg.index, detail: msg.crash });
        options.onProgress?.(summary.inputs);
        feed();
      });
      worker.on('error', (e) => {
        // An exception outside runOne's guard (or an out-of-memory stop) is a crash of the input.
        clearTimeout(timer);
        if (current !== undefined) {
          summary.inputs++;
          summary.crashes.push({ index: current, detail: `worker died: ${e.stack ?? e.message}` });
        }
        current = undefined;
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        running--;
        if (current !== undefined || next < options.inputs) thread();
        else finishIfIdle();
      });
    };
    for (let i = 0; i < (options.threads ?? 2); i++) thread();
  });
}
