// One fuzzing thread: builds input number N from the seeds (deterministically from the run's
// seed and N), writes it to this thread's scratch folder and runs the whole conversion on it
// in-process, the way batch's workers do. A crash is an exception escaping the library or an
// internal-fault finding (CM901); the parent thread times each input and counts hangs.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { convert } from '../../src/convert/index.js';
import { TARGETS } from '../../src/cli/targets.js';
import { renderFindingsText } from '../../src/findings/reporters/text.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { fuzzInput } from './input.js';

export type FuzzRequest = { type: 'input'; index: number; seed: number };
export type FuzzReply = { type: 'ready' } | { type: 'done'; index: number; crash?: string };

const scratch = mkdtempSync(join(tmpdir(), 'cogm-fuzz-'));
const target = TARGETS.fal!;
const options = target.parseOptions({});

function runOne(index: number, seed: number): string | undefined {
  const input = fuzzInput(seed, index);
  const dir = join(scratch, 'p');
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(input.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  try {
    const result = convert(dir, target, options);
    renderFindingsText(result.findings);
    if (result.status === 'converted') toOpenApi(result.ir);
    const fault = result.findings.find((f) => f.code === 'CM901');
    if (fault) return `${fault.message}${'error' in result && result.error?.stack ? `\n${result.error.stack.split('\n').slice(0, 6).join('\n')}` : ''}`;
    return undefined;
  } catch (e) {
    return `thrown: ${(e as Error).stack ?? String(e)}`;
  }
}

parentPort!.on('message', (msg: FuzzRequest) => {
  const crash = runOne(msg.index, msg.seed);
  parentPort!.postMessage({ type: 'done', index: msg.index, ...(crash ? { crash } : {}) } satisfies FuzzReply);
});
parentPort!.postMessage({ type: 'ready' } satisfies FuzzReply);
