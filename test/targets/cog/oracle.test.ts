// Every Cog project the cog target writes for a fal or Modal fixture app, against Cog itself:
//   - `inspect --openapi` of the emitted project (readCog + toOpenApi) is the app IR's schema;
//   - Cog's Go static generator (what `cog build` runs today, test/oracle/go) builds exactly
//     that schema from the emitted predict.py;
//   - the cog 0.19.3 Python SDK (test/oracle/cog_schema.py, the pinned oracle) builds our
//     python-0.19 dialect of it, for predict and for train.
// Differences that are Cog's own limits are listed in test/known-failures.ts (suite cog/oracle),
// and a listed case that starts passing fails here, so the list cannot go stale.

import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src/frontends/read-project.js';
import { readCog } from '../../../src/frontends/cog/index.js';
import { toOpenApi, type JsonObject } from '../../../src/ir/openapi.js';
import { convertIr } from '../../../src/convert/index.js';
import { writeOutput } from '../../../src/fs/write-output.js';
import type { CogIR } from '../../../src/ir/types.js';
import { cogTarget } from '../../../targets/cog/index.js';
import { runOracle } from '../../ir/helpers/oracle.js';
import { GO_ORACLE_COG, runGoOracle } from '../../ir/helpers/go-oracle.js';
import { reverseCases } from '../../helpers/reverse-cases.js';
import { knownFailure } from '../../known-failures.js';

const GENERATED = resolve(import.meta.dirname, '../../../.cache/oracle/generated');

/** Writes the Cog project for `ir` where the oracle may run it (.cache/oracle/generated). */
export function emitForOracle(ir: CogIR, name: string): string {
  const out = join(GENERATED, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(GENERATED, { recursive: true });
  const result = convertIr(ir, cogTarget, {});
  if (result.status !== 'converted') throw new Error(`not converted: ${JSON.stringify(result.findings)}`);
  const written = writeOutput(out, result.files, { force: false });
  if (!written.ok) throw new Error(JSON.stringify(written.findings));
  return out;
}

/** Runs each check; a check listed in known-failures must fail, every other must pass. */
function checkAll(name: string, checks: Record<string, () => void>): void {
  const problems: string[] = [];
  for (const [part, check] of Object.entries(checks)) {
    const known = knownFailure('cog/oracle', `${name}/${part}`);
    let failure: unknown;
    try {
      check();
    } catch (e) {
      failure = e;
    }
    if (known && !failure) problems.push(`${name}/${part} is listed in test/known-failures.ts (${known.reason}) but now passes: remove the entry`);
    if (!known && failure) problems.push(`${name}/${part}: ${(failure as Error).message}`);
  }
  expect(problems).toEqual([]);
}

describe('emitted Cog projects against Cog', () => {
  for (const c of reverseCases().filter((x) => !x.options.expectError)) {
    it(`${c.platform}/${c.name}`, { timeout: 180_000 }, () => {
      const { ir } = readProject(c.path, c.options.endpoint ? { endpoint: c.options.endpoint } : {});
      expect(ir).toBeDefined();
      const dir = emitForOracle(ir!, `reverse-${c.platform}-${c.name}`);
      const back = readCog(dir);
      expect(back.findings.filter((f) => f.severity === 'error'), 'readCog of the emitted project').toEqual([]);
      const python = runOracle(dir);
      const checks: Record<string, () => void> = {
        inspect: () => expect(toOpenApi(back.ir!), 'inspect --openapi of the emitted project = the app IR\'s schema').toEqual(toOpenApi(ir!)),
        go: () => {
          const go = runGoOracle(dir);
          expect(go.error, `Cog's static generator fails: ${go.error}`).toBeUndefined();
          const version = (go.schema!.info as JsonObject).version as string;
          expect(toOpenApi(back.ir!, { cogVersion: version }), `Cog ${GO_ORACLE_COG} static schema`).toEqual(go.schema);
        },
      };
      for (const role of ['predict', 'train'] as const) {
        if (!ir!.predictors[role]) continue;
        checks[`python-${role}`] = () => {
          const mode = python.modes[role];
          expect(mode?.error, `Cog 0.19.3 fails on ${role}: ${mode?.error}`).toBeUndefined();
          const alone: CogIR = { ...back.ir!, predictors: { [role]: back.ir!.predictors[role] } };
          expect(toOpenApi(alone, { dialect: 'python-0.19' }), `${role}: Cog 0.19.3`).toEqual(mode?.schema);
        };
      }
      checkAll(`${c.platform}/${c.name}`, checks);
    });
  }
});
