// A pool of batch worker threads. Each worker converts one model at a time; a worker that dies
// or overruns the per-model time limit is replaced, and only its model is affected. After
// abort(), models not yet started are answered `interrupted` and running ones may finish.

import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ModelTask } from './convert-model.js';
import type { ModelReport } from './types.js';
import type { PartPlace } from '../report/batch/part-spool.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export type PoolOutcome =
  | { kind: 'done'; report: ModelReport; parts?: PartPlace }
  | { kind: 'crashed'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'interrupted' };

interface Job {
  task: ModelTask;
  resolve: (o: PoolOutcome) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  seq: number;
  timer?: NodeJS.Timeout;
  /** Set once the worker has loaded the frontends: the time limit counts from then. */
  ready: boolean;
}

export class WorkerPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private aborted = false;
  private seq = 0;

  constructor(private size: number, private readonly timeoutMs: number) {}

  /** Starts a worker now, before there is a model for it: it loads the reader while the caller
   * is still finding the models. */
  warm(): void {
    if (this.slots.length < this.size && !this.aborted) this.spawn();
  }

  /** At most `size` workers from now on (at least one; one already started is kept). */
  limit(size: number): void {
    this.size = Math.max(1, size);
  }

  run(task: ModelTask): Promise<PoolOutcome> {
    return new Promise((resolve) => {
      if (this.aborted) return resolve({ kind: 'interrupted' });
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stop starting models: queued ones are answered `interrupted`; running ones finish. */
  abort(): void {
    this.aborted = true;
    for (const job of this.queue.splice(0)) job.resolve({ kind: 'interrupted' });
  }

  /** Stop now: running models are answered `interrupted` too (their staging folders may remain). */
  async kill(): Promise<void> {
    this.abort();
    await Promise.all(this.slots.map(async (s) => {
      const job = s.job;
      this.release(s);
      await s.worker.terminate();
      job?.resolve({ kind: 'interrupted' });
    }));
    this.slots.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.aborted) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.seq = ++this.seq;
      if (slot.ready) this.start(slot);
    }
  }

  private start(slot: Slot): void {
    if (!slot.job) return;
    if (this.timeoutMs > 0) slot.timer = setTimeout(() => this.fail(slot, { kind: 'timeout' }), this.timeoutMs);
    const msg: WorkerRequest = { type: 'task', seq: slot.seq, task: slot.job.task };
    slot.worker.postMessage(msg);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), seq: 0, ready: false };
    slot.worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        this.start(slot);
        return;
      }
      if (msg.seq !== slot.seq || !slot.job) return;
      const job = slot.job;
      this.release(slot);
      job.resolve({ kind: 'done', report: msg.report, ...(msg.parts ? { parts: msg.parts } : {}) });
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.fail(slot, { kind: 'crashed', detail: err.message }));
    slot.worker.on('exit', (code) => this.fail(slot, { kind: 'crashed', detail: `the worker exited with code ${code}` }));
    this.slots.push(slot);
    return slot;
  }

  /** The slot's model gets `outcome`; the worker is replaced by a fresh one on the next dispatch. */
  private fail(slot: Slot, outcome: PoolOutcome): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const job = slot.job;
    this.release(slot);
    slot.worker.removeAllListeners('exit');
    slot.worker.on('exit', () => undefined);
    void slot.worker.terminate();
    job?.resolve(outcome);
    this.dispatch();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    delete slot.timer;
    delete slot.job;
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** dist/ runs the compiled worker.js; a source checkout (tsx, vitest) loads worker.ts through tsx. */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(join(here, 'worker.js'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = pathToFileURL(join(here, 'worker.ts')).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}
