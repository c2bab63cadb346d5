// A batch worker thread: imports the frontends (and so tree-sitter and its Python grammar) once,
// then converts one model per message until the pool closes it. Targets are imported on the
// first model that names them, each once. One model per message also lets the event loop turn
// between models, which is when Node runs the finalizers that free tree-sitter's native trees.
//
// COG_MIGRATE_FAULT (tests only): `crash:<model id>` makes this worker die while converting that
// model, `hang:<model id>` makes it spin forever, so the suite can prove that a crashed or stuck
// worker costs exactly one row and nothing else.

import { parentPort, threadId } from 'node:worker_threads';
import { convertModel, type ModelTask } from './convert-model.js';
import { loadTargets } from '../cli/target-registry.js';
import { renderModel, withoutRenderedParts } from '../report/batch/model-parts.js';
import { SpoolWriter, type PartPlace } from '../report/batch/part-spool.js';
import type { ModelReport } from './types.js';
import type { Target } from '../target/types.js';

export type WorkerRequest = { type: 'task'; seq: number; task: ModelTask };
/** `parts`: where this worker put the model's report parts; `report` then holds the rest only. */
export type WorkerReply = { type: 'ready' } | { type: 'done'; seq: number; report: ModelReport; parts?: PartPlace };

const faults = new Map<string, string>(
  (process.env.COG_MIGRATE_FAULT ?? '').split(',').filter(Boolean).map((f) => {
    const i = f.indexOf(':');
    return [f.slice(i + 1), f.slice(0, i)] as [string, string];
  }),
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const targets = new Map<string, Target<any>>();
let spool: SpoolWriter | undefined;

parentPort!.on('message', async (msg: WorkerRequest) => {
  const fault = faults.get(msg.task.id);
  if (fault === 'crash') {
    setImmediate(() => {
      throw new Error(`injected crash while converting ${msg.task.id}`);
    });
    return;
  }
  if (fault === 'hang') for (;;) { /* spin until terminated */ }
  const missing = msg.task.targets.filter((t) => !targets.has(t));
  if (missing.length > 0) for (const [name, t] of await loadTargets(missing)) targets.set(name, t);
  const report = convertModel(msg.task, targets);
  const reply: WorkerReply = msg.task.reportParts ? spooled(report, msg.task.reportParts, msg.seq) : { type: 'done', seq: msg.seq, report };
  parentPort!.postMessage(reply);
});

// Loading is done (tree-sitter and the grammar are in memory): the pool starts the clock now.
parentPort!.postMessage({ type: 'ready' } satisfies WorkerReply);

/** The model's report parts, rendered here in parallel with the other workers and appended to
 * this worker's file of the spool; the whole report if that fails (the main thread renders the
 * model then, and reports what went wrong). */
function spooled(report: ModelReport, dir: string, seq: number): WorkerReply {
  try {
    if (spool?.dir !== dir) spool = new SpoolWriter(dir, `worker-${threadId}`);
    return { type: 'done', seq, report: withoutRenderedParts(report), parts: spool.add(renderModel(report)) };
  } catch {
    return { type: 'done', seq, report };
  }
}
