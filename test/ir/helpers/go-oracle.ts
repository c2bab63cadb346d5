// The second oracle: Cog's own Go static schema generator (github.com/replicate/cog pkg/schema,
// pinned in test/oracle/go/go.mod), the code `cog build` runs and coglet serves the output of.
// Built with the Go toolchain on first use into .cache/oracle/ (modules from the Go proxy), by
// test/helpers/go-tool.ts as the other Go oracles are.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { JsonObject } from '../../../src/ir/openapi.js';
import { goToolBinary } from '../../helpers/go-tool.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const source = join(repo, 'test/oracle/go');

/** The Cog release the Go oracle is built from (test/oracle/go/go.mod). */
export const GO_ORACLE_COG = /github\.com\/replicate\/cog (v[\d.]+)/.exec(readFileSync(join(source, 'go.mod'), 'utf8'))?.[1] ?? 'unknown';

export interface GoOracleResult {
  schema?: JsonObject;
  error?: string;
}

export function goOracleBinary(): string {
  return goToolBinary(source, 'cog-static-schema', { cgo: true });
}

/** Cog's document for the project, or Cog's error (a cog.yaml it cannot load counts as one). */
export function runGoOracle(projectDir: string): GoOracleResult {
  let config: Record<string, unknown>;
  try {
    config = (parse(readFileSync(join(projectDir, 'cog.yaml'), 'utf8')) ?? {}) as Record<string, unknown>;
  } catch (e) {
    return { error: `cog.yaml: ${(e as Error).message.split('\n')[0]}` };
  }
  const ref = (v: unknown): string => (typeof v === 'string' ? v : '');
  // Cog's config: a top-level `run:` string is the predictor, ahead of `predict:`.
  const predict = ref(config.run) || ref(config.predict);
  const out = execFileSync(goOracleBinary(), [projectDir, predict, ref(config.train)], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as GoOracleResult;
}
