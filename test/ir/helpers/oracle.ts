// Runs test/oracle/cog_schema.py (Cog 0.19.3's own schema code) in the pinned venv.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../../src/ir/openapi.js';
import { pythonEnv } from '../../helpers/python-env.js';

const script = fileURLToPath(new URL('../../oracle/cog_schema.py', import.meta.url));

export interface ModeResult {
  schema?: JsonObject;
  error?: string;
}

export interface OracleResult {
  /** What `python -m cog.command.openapi_schema` prints: predict, or train when alone. */
  schema: JsonObject | null;
  error: string | null;
  modes: { predict: ModeResult | null; train: ModeResult | null };
  /** Top-level modules replaced by stubs. */
  stubbed: string[];
}

let python: string | undefined;

/** Creates the venv on first use (test/python-env/cog.txt). */
export function oraclePython(): string {
  python ??= pythonEnv('cog');
  return python;
}

export function runOracle(projectDir: string): OracleResult {
  const out = execFileSync(oraclePython(), [script, projectDir], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return JSON.parse(out) as OracleResult;
}
