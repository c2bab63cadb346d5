// `npm run fuzz [-- --inputs N --seed S --limit-ms MS --threads T]`: mutated fixture projects
// through the whole conversion in-process (test/fuzz), each input under a time limit. Prints
// inputs, crashes, hangs and peak RSS, and every crashing or hanging input's number; rebuild
// one with `npm run fuzz -- --seed S --show N` (writes it to .cache/fuzz/S-N/ to look at).
// Exits 1 when anything crashed or hung.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz } from '../test/fuzz/run.js';
import { fuzzInput } from '../test/fuzz/input.js';

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'limit-ms': { type: 'string', default: '10000' },
    threads: { type: 'string', default: '2' },
    show: { type: 'string' },
  },
});
const seed = Number(values.seed);

if (values.show !== undefined) {
  const input = fuzzInput(seed, Number(values.show));
  const dir = resolve(import.meta.dirname, '../.cache/fuzz', `${seed}-${values.show}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(input.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  process.stdout.write(`input ${values.show} (seed ${seed}): fixture ${input.project}, mutated ${input.mutated.join(', ')}\nwritten to ${dir}\n`);
} else {
  const inputs = Number(values.inputs);
  let shown = 0;
  const summary = await runFuzz({
    inputs,
    seed,
    limitMs: Number(values['limit-ms']),
    threads: Number(values.threads),
    onProgress: (done) => {
      if (done >= shown + inputs / 20) {
        shown = done;
        process.stderr.write(`  ${done}/${inputs}\n`);
      }
    },
  });
  for (const c of summary.crashes) process.stdout.write(`crash: input ${c.index}: ${c.detail.split('\n').slice(0, 4).join('\n    ')}\n`);
  for (const h of summary.hangs) process.stdout.write(`hang: input ${h}\n`);
  process.stdout.write(
    `inputs ${summary.inputs}, crashes ${summary.crashes.length}, hangs ${summary.hangs.length}, max RSS ${summary.maxRssMb} MB, ${(summary.ms / 1000).toFixed(0)} s (seed ${seed}, limit ${values['limit-ms']} ms per input, ${values.threads} threads)\n`,
  );
  process.exitCode = summary.crashes.length + summary.hangs.length > 0 ? 1 : 0;
}
