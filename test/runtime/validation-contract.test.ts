// Regression (issue 15): the shared runtime's input validation (runtime/cog_migrate_runtime/
// validation.py, what the Modal target's Cog-compatible endpoint answers 422 with) must refuse
// exactly what Cog's schema refuses. For every fixture, the probes of test/helpers/input-probes.ts
// (each input left out, every other JSON type, null, bounds, lengths, choices, list items) are
// judged by validation.validate on the document the output ships (openapi.json, `runtimeValues`)
// and by a JSON Schema validator (ajv) on the same document; the verdicts must agree.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { runtimeDir } from '../../src/runtime/index.js';
import { fixtureCases } from '../helpers/fixtures.js';
import { inputSchemaValidator, probes, validExample, type Probe } from '../helpers/input-probes.js';

// Standard library only, like validation.py itself; isolated (-I) with the runtime folder on the path.
const JUDGE = String.raw`
import json, sys
sys.path.insert(0, sys.argv[1])
from cog_migrate_runtime import validation
out = {}
for name, case in json.load(sys.stdin).items():
    schemas = case["doc"]["components"]["schemas"]
    out[name] = [not validation.validate(p, schemas)[1] for p in case["probes"]]
json.dump(out, sys.stdout)
`;

describe("the runtime's input validation holds against Cog's schema", () => {
  it('accepts and refuses what ajv does on the shipped document, for every probe of every fixture', () => {
    const cases: Record<string, { doc: unknown; probes: Record<string, unknown>[] }> = {};
    const expected: Record<string, { probe: Probe; cog: boolean }[]> = {};
    for (const { name, dir, options } of fixtureCases()) {
      if (options.expectError) continue;
      const { ir } = readCog(join(dir, 'input'));
      const predictor = ir?.predictors.predict;
      if (!ir || !predictor) continue;
      const valid = validExample(predictor);
      if (!valid) continue;
      const { validate, contracts } = inputSchemaValidator(ir);
      const list = predictor.inputs.flatMap((i) => (contracts[i.name] ? probes(i, contracts[i.name]!, valid) : []));
      cases[name] = { doc: toOpenApi(ir, { runtimeValues: true }), probes: list.map((p) => p.input) };
      expected[name] = list.map((probe) => ({ probe, cog: validate(probe.input) }));
    }
    expect(Object.keys(cases).length).toBeGreaterThan(30);
    const judged = JSON.parse(execFileSync('python3', ['-I', '-B', '-c', JUDGE, runtimeDir()], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, boolean[]>;
    const disagreements: string[] = [];
    let count = 0;
    for (const [name, list] of Object.entries(expected)) {
      list.forEach(({ probe, cog }, k) => {
        count++;
        const runtime = judged[name]![k];
        if (runtime !== cog) disagreements.push(`${name}: ${probe.what}: Cog's schema ${cog ? 'accepts' : 'refuses'}, the runtime ${runtime ? 'accepts' : 'refuses'}`);
      });
    }
    expect(count).toBeGreaterThan(500);
    expect([...new Set(disagreements)]).toEqual([]);
  });
});
