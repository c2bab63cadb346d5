// Workers AI bring-your-own-model ships the normalised Cog project of a GPU model, and `cog push`
// builds its schema with Cog's own rules. For every GPU fixture, Cog v0.22.0's own static schema
// generator (the Go oracle, test/ir/helpers/go-oracle.ts: the code `cog build` runs; it reads the
// project, never runs it) gives the identical OpenAPI document for the normalised project and
// for the original. Where Cog refuses the original's cog.yaml (the 2021 layout, a docstring
// before the YAML), the normalised project's schema is the one derived from the original.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { fixtureCases } from '../helpers/fixtures.js';
import { runGoOracle } from '../ir/helpers/go-oracle.js';
import { writeNormalisedProject } from './helpers.js';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

const gpu = fixtureCases().filter((c) => !c.options.expectError).filter((c) => readCog(join(c.dir, 'input')).ir?.build.gpu === true);

describe('the normalised Cog project of every GPU fixture: the same schema under Cog v0.22.0', () => {
  it('there are GPU fixtures to check', () => {
    expect(gpu.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of gpu) {
    it(c.name, () => {
      const input = join(c.dir, 'input');
      const ir = readCog(input).ir!;
      const dir = writeNormalisedProject(ir, normaliseCogYaml(ir));
      made.push(dir);
      const before = runGoOracle(input);
      const after = runGoOracle(dir);
      if (!before.error || JSON.stringify(after) === JSON.stringify(before)) {
        expect(after).toEqual(before);
      } else if (ir.predictors.predict?.kind === 'legacy') {
        // Cog refuses the original's cog.yaml, and its pre-1.0 predictor too (CM480 says so).
        expect(after.error).toEqual(expect.any(String));
      } else {
        // Cog refuses the original's cog.yaml (a layout it no longer reads) but reads the
        // normalised one: its schema is the one cog-migrate derives from the original.
        // (The oracle, built as a library, reports Cog's version as its own build's: "dev".)
        const version = (after.schema?.info as { version?: string } | undefined)?.version;
        expect(after.schema).toEqual(toOpenApi(ir, version ? { cogVersion: version } : {}));
      }
    }, 120_000);
  }

  it('most GPU fixtures have a schema (not only refusals) to compare', () => {
    const withSchema = gpu.filter((c) => runGoOracle(join(c.dir, 'input')).schema !== undefined);
    expect(withSchema.length).toBeGreaterThanOrEqual(Math.ceil(gpu.length / 2));
  }, 300_000);
});
