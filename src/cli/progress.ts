// Batch progress: on a terminal a live bar (cli-progress) with counts and the model just done;
// in CI, in a pipe or under test one plain line per model; nothing with --quiet.
import cliProgress from 'cli-progress';
import type { BatchEvent } from '../batch/run.js';
import type { ModelReport, TargetRow } from '../batch/types.js';
import type { Io } from './io.js';

export interface Progress {
  event(e: BatchEvent): void;
  stop(): void;
}

export function batchProgress(io: Io, mode: 'auto' | 'quiet'): Progress {
  if (mode === 'quiet') return { event: () => undefined, stop: () => undefined };
  if (io.tty) return barProgress(io.tty);
  return {
    event: (e) => {
      if (e.kind === 'model') io.err(`[${e.done}/${e.total}] ${modelLine(e.model)}`);
      else if (e.kind === 'start') io.err(`cog-migrate batch: ${e.total} model(s)`);
    },
    stop: () => undefined,
  };
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar({
    stream,
    format: ' {bar} {value}/{total} models | {converted} converted, {failed} failed | {current}',
    hideCursor: true,
    clearOnComplete: false,
    barsize: 30,
  }, cliProgress.Presets.shades_classic);
  let converted = 0;
  let failed = 0;
  return {
    event: (e) => {
      if (e.kind === 'start') bar.start(e.total, 0, { converted, failed, current: '' });
      else if (e.kind === 'model') {
        if (e.model.rows.every((r) => r.status === 'converted')) converted++;
        else failed++;
        bar.update(e.done, { converted, failed, current: e.model.id.slice(-40) });
      }
    },
    stop: () => bar.stop(),
  };
}

/** `org/model  fal: converted (2 warnings)  modal: failed CM213` */
export function modelLine(m: ModelReport): string {
  return `${m.id}  ${m.rows.map(rowText).join('  ')}`;
}

function rowText(r: TargetRow): string {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  if (r.status === 'converted') return `${r.target}: converted${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}`;
  return `${r.target}: ${r.status}${errors.length ? ` ${[...new Set(errors.map((f) => f.code))].join(',')}` : ''}`;
}
