// Batch progress as a user sees it: a live bar on a terminal, one plain line per model otherwise,
// nothing when quiet.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchProgress, modelLine } from '../../src/cli/progress.js';
import type { ModelReport } from '../../src/batch/types.js';

const ok: ModelReport = { id: 'org/a', outName: 'org__a', source: 'org/a', rows: [{ target: 'fal', status: 'converted', findings: [{ code: 'CM110', severity: 'warning', message: 'x' }] }] };
const bad: ModelReport = { id: 'b', outName: 'b', source: 'b', rows: [{ target: 'fal', status: 'failed', findings: [{ code: 'CM203', severity: 'error', message: 'y' }] }] };

function fakeTty(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const w = new Writable({ write(chunk, _enc, cb) { text += chunk.toString(); cb(); } }) as unknown as NodeJS.WriteStream;
  Object.assign(w, { isTTY: true, columns: 120, rows: 40, cursorTo: (_x: number, _y?: number, cb?: () => void) => { cb?.(); return true; }, clearLine: () => true, moveCursor: () => true, getWindowSize: () => [120, 40] });
  return { stream: w, text: () => text };
}

describe('batch progress', () => {
  it('prints one plain line per model without a terminal', () => {
    const lines: string[] = [];
    const p = batchProgress({ out: () => undefined, err: (t) => lines.push(t) }, 'auto');
    p.event({ kind: 'start', total: 2 });
    p.event({ kind: 'model', model: ok, done: 1, total: 2 });
    p.event({ kind: 'model', model: bad, done: 2, total: 2 });
    p.stop();
    expect(lines).toEqual(['cog-migrate batch: 2 model(s)', '[1/2] org/a  fal: converted (1 warning)', '[2/2] b  fal: failed CM203']);
  });

  it('draws a bar with counts and the current model on a terminal', () => {
    const tty = fakeTty();
    const lines: string[] = [];
    const p = batchProgress({ out: () => undefined, err: (t) => lines.push(t), tty: tty.stream }, 'auto');
    p.event({ kind: 'start', total: 2 });
    p.event({ kind: 'model', model: ok, done: 1, total: 2 });
    p.event({ kind: 'model', model: bad, done: 2, total: 2 });
    p.stop();
    expect(lines).toEqual([]);
    expect(tty.text()).toContain('2/2 models | 1 converted, 1 failed | b');
  });

  it('says nothing when quiet', () => {
    const lines: string[] = [];
    const p = batchProgress({ out: (t) => lines.push(t), err: (t) => lines.push(t) }, 'quiet');
    p.event({ kind: 'model', model: ok, done: 1, total: 1 });
    expect(lines).toEqual([]);
    expect(modelLine(bad)).toBe('b  fal: failed CM203');
  });
});
