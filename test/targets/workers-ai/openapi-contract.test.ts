// Regression (issue 15): the Workers AI Worker must refuse exactly what Cog's schema refuses and
// describe inputs as Cog does. For every fixture that converts to the BYO Worker (whose input check
// answers before the model is called), `checkInput` of the emitted worker/src/index.ts and a JSON
// Schema validator (ajv) on the `Input` schema of `cog-migrate inspect --openapi` judge the same
// probes alike: the example input, each input left out, given a value of every other JSON type,
// at and beyond its bounds and lengths, outside its choices, and lists with items of the wrong
// type. The `PredictionInput` interface (what callers type against) names the same inputs, marks
// the same ones optional and documents the same defaults. The Containers form ships the schema
// Cog's server serves (.cog/openapi_schema.json): it must be inspect's document.
//
// Formats (`uri` for files) are not judged: Cog downloads what a file input names, the schema's
// format is a hint. Null is judged by the schema's `nullable` (ajv implements OpenAPI's keyword).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project, ts, type InterfaceDeclaration } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/index.js';
import { toOpenApi } from '../../../src/ir/openapi.js';
import type { CogIR } from '../../../src/ir/types.js';
import { workersAiTarget } from '../../../targets/workers-ai/index.js';
import { fixtureCases } from '../../helpers/fixtures.js';
import { inputSchemaValidator, probes, validExample } from '../../helpers/input-probes.js';

type Check = (value: unknown) => { input: unknown } | { error: string };

interface Case { name: string; ir: CogIR; check: Check; source: string; containersSchema?: string }

const cases: Case[] = [];

function fileOf(files: readonly { path: string }[], path: string): string | undefined {
  const f = files.find((x) => x.path === path) as { content?: string | Uint8Array } | undefined;
  if (!f || f.content === undefined) return undefined;
  return typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
}

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'cog-migrate-wai-contract-'));
  for (const { name, dir, options } of fixtureCases()) {
    if (options.expectError) continue;
    const byo = convert(join(dir, 'input'), workersAiTarget, workersAiTarget.parseOptions({ mode: 'byo' }));
    if (byo.status !== 'converted' || !byo.ir.predictors.predict) continue;
    const source = fileOf(byo.files, 'worker/src/index.ts');
    if (!source) continue;
    // The generated Worker only: plain TypeScript, no imports, never the user's code.
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = join(work, `${name}.mjs`);
    writeFileSync(file, js);
    const mod = (await import(pathToFileURL(file).href)) as { checkInput: Check };
    const containers = convert(join(dir, 'input'), workersAiTarget, workersAiTarget.parseOptions({ mode: 'containers' }));
    const containersSchema = containers.status === 'converted' ? fileOf(containers.files, '.cog/openapi_schema.json') : undefined;
    cases.push({ name, ir: byo.ir, check: mod.checkInput, source, ...(containersSchema ? { containersSchema } : {}) });
  }
}, 300_000);

describe("the Workers AI Worker's input check holds against `inspect --openapi`", () => {
  it('finds the BYO Workers of the fixtures', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it('refuses exactly what Cog\'s Input schema refuses, for every probe of every fixture', () => {
    const disagreements: string[] = [];
    let judged = 0;
    for (const c of cases) {
      const predictor = c.ir.predictors.predict!;
      const { validate, contracts } = inputSchemaValidator(c.ir);
      const valid = validExample(predictor);
      if (!valid) continue;
      for (const input of predictor.inputs) {
        const contract = contracts[input.name];
        if (!contract) continue;
        for (const p of probes(input, contract, valid)) {
          judged++;
          const cog = validate(p.input);
          const worker = !('error' in c.check(p.input));
          if (cog !== worker) disagreements.push(`${c.name}: ${p.what}: Cog's schema ${cog ? 'accepts' : 'refuses'}, the Worker ${worker ? 'accepts' : 'refuses'}`);
        }
      }
    }
    expect(judged).toBeGreaterThan(500);
    expect([...new Set(disagreements)]).toEqual([]);
  });

  it('types the same inputs as optional and documents the same defaults as Cog\'s schema', () => {
    expect(cases.length).toBeGreaterThan(30);
    const project = new Project({ useInMemoryFileSystem: true });
    const problems: string[] = [];
    for (const c of cases) {
      const { contracts } = inputSchemaValidator(c.ir);
      const iface: InterfaceDeclaration | undefined = project.createSourceFile(`${c.name}.ts`, c.source, { overwrite: true }).getInterface('PredictionInput');
      if (!iface) { problems.push(`${c.name}: no PredictionInput`); continue; }
      const typed = new Map(iface.getProperties().map((p) => [p.getName().replace(/^["']|["']$/g, ''), p]));
      expect([...typed.keys()].sort(), c.name).toEqual(Object.keys(contracts).sort());
      for (const [name, contract] of Object.entries(contracts)) {
        const p = typed.get(name)!;
        if (p.hasQuestionToken() === contract.required) problems.push(`${c.name}.${name}: ${contract.required ? 'required' : 'optional'} in Cog's schema, ${p.hasQuestionToken() ? 'optional' : 'required'} in PredictionInput`);
        const tag = p.getJsDocs().flatMap((d) => d.getTags()).find((t) => t.getTagName() === 'default');
        const documented = tag ? (JSON.parse(tag.getCommentText() ?? 'null') as unknown) : undefined;
        if (contract.default !== undefined && JSON.stringify(documented) !== JSON.stringify(contract.default)) {
          problems.push(`${c.name}.${name}: default ${JSON.stringify(contract.default)} in Cog's schema, @default ${JSON.stringify(documented)} in PredictionInput`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the Containers form ships inspect's document as the schema Cog's server serves", () => {
    let compared = 0;
    for (const c of cases) {
      if (!c.containersSchema) continue;
      compared++;
      expect(JSON.parse(c.containersSchema), c.name).toEqual(toOpenApi(c.ir, { runtimeValues: true }));
    }
    expect(compared).toBeGreaterThan(30);
  });
});
