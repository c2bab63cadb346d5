// Input number N of a fuzz run: a seed project with one to three of its files mutated (cog.yaml
// most often, then the predictor and the rest), all chosen from (seed, N) alone, so any input a
// run reports can be rebuilt and looked at (`npm run fuzz -- --show N --seed S`).

import { mutate, prng } from './mutate.js';
import { seedProjects, type SeedProject } from './corpus.js';

let seeds: SeedProject[] | undefined;

export interface FuzzInput {
  project: string;
  mutated: string[];
  files: Record<string, string>;
}

export function fuzzInput(seed: number, index: number): FuzzInput {
  seeds ??= seedProjects();
  const rnd = prng((seed * 1_000_003) ^ (index * 2_654_435_761));
  const base = seeds[Math.floor(rnd() * seeds.length)]!;
  const files = { ...base.files };
  const names = Object.keys(files).sort();
  const mutated: string[] = [];
  const count = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const name = r < 0.45 && files['cog.yaml'] !== undefined ? 'cog.yaml' : names[Math.floor(rnd() * names.length)]!;
    files[name] = mutate(files[name]!, rnd);
    mutated.push(name);
  }
  return { project: base.name, mutated, files };
}
