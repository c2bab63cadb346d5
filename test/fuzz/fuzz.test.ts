// A slice of the fuzzer in the quick suite: 1,000 mutated fixture projects (fixed seed, so a
// failure reproduces with `npm run fuzz -- --seed 18 --show N`) through the whole conversion,
// none may crash or exceed the per-input limit. `npm run fuzz` runs 10,000 (docs/testing.md).

import { describe, expect, it } from 'vitest';
import { runFuzz } from './run.js';

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 1000);

describe('fuzzing the conversion', () => {
  it(`${INPUTS} mutated projects: no crash, no hang`, { timeout: 600_000 }, async () => {
    const summary = await runFuzz({ inputs: INPUTS, seed: 18, limitMs: 10_000 });
    expect(summary.inputs).toBe(INPUTS);
    expect(summary.crashes.map((c) => `input ${c.index}: ${c.detail.split('\n').slice(0, 3).join(' | ')}`)).toEqual([]);
    expect(summary.hangs.map((h) => `input ${h} took over 10 s`)).toEqual([]);
  });
});
