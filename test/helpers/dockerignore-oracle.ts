// Docker's own .dockerignore verdicts (github.com/moby/patternmatcher v0.6.1, what BuildKit runs;
// test/oracle/dockerignore builds it), for the suites that hold a translation of Docker's rules
// to it: per case, Docker's refusal of the file or one verdict (excluded or not) per path.

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { goToolBinary } from './go-tool.js';

export interface DockerignoreCase {
  dockerignore: string;
  paths: string[];
}

export type DockerVerdict = { error: string } | { excluded: boolean[] };

let oracle: string | undefined;

export function dockerVerdicts(cases: readonly DockerignoreCase[]): DockerVerdict[] {
  oracle ??= goToolBinary(resolve(import.meta.dirname, '../oracle/dockerignore'), 'dockerignore-matcher');
  const out = execFileSync(oracle, { input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.trim().split('\n').map((l) => JSON.parse(l) as { error?: string; excluded?: boolean[] }).map((a) => (a.error ? { error: a.error } : { excluded: a.excluded ?? [] }));
}
