// The fuzzer's seeds: every golden fixture's input project (fixtures/*/input), as text files
// small enough to mutate (cog.yaml, Python, requirements, .dockerignore and the like).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SeedProject {
  name: string;
  files: Record<string, string>;
}

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const TEXT = /\.(py|ya?ml|txt|json|toml|cfg|in|md)$|^\.dockerignore$|^Dockerfile$/;

export function seedProjects(): SeedProject[] {
  const out: SeedProject[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const input = join(FIXTURES, name, 'input');
    let st;
    try {
      st = statSync(join(input, 'cog.yaml'));
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    const files: Record<string, string> = {};
    const walk = (rel: string) => {
      for (const e of readdirSync(join(input, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        else if (e.isFile() && TEXT.test(e.name) && statSync(join(input, child)).size < 64 * 1024) files[child] = readFileSync(join(input, child), 'utf8');
      }
    };
    walk('');
    out.push({ name, files });
  }
  return out;
}
