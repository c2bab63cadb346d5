// Regression (issue 15): the request model of the fal adapter, as fal itself publishes it (the
// OpenAPI document of `App(_allow_init=True).openapi()`, the one `fal deploy` registers and the
// app serves), must agree with what `cog-migrate inspect --openapi` says Cog serves, input by
// input: names, JSON types, defaults, bounds, lengths, patterns, choices and which are required.
// For every fixture that converts to fal. Runs the real fal SDK (test/python-env/fal.txt) on the
// host on the generated app only: its top level never imports the user's files.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { convert } from '../../../src/convert/index.js';
import { toOpenApi } from '../../../src/ir/openapi.js';
import type { CogIR } from '../../../src/ir/types.js';
import { falTarget } from '../../../targets/fal/index.js';
import { GENERATED_PACKAGES } from '../../../src/verify/static/sdk-import.js';
import { fixtureCases } from '../../helpers/fixtures.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { inputContracts, requestSchema, type InputContract } from '../../helpers/input-contract.js';
import { knownFailure } from '../../known-failures.js';

const OPENAPI = String.raw`
import importlib.util, json, sys
import fal
out = {}
for name, path in json.loads(sys.argv[1]).items():
    # Each app loads its own cog_migrate_runtime (the modules it ships differ).
    for m in [m for m in sys.modules if m == "cog_migrate_runtime" or m.startswith("cog_migrate_runtime.")]:
        del sys.modules[m]
    spec = importlib.util.spec_from_file_location("_app_" + name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cls = next(v for v in vars(module).values() if isinstance(v, type) and issubclass(v, fal.App) and v is not fal.App and v.__module__ == module.__name__)
    out[name] = cls(_allow_init=True).openapi()
json.dump(out, sys.stdout)
`;

interface Case { name: string; ir: CogIR; app: string }

const cases: Case[] = [];
let served: Record<string, Record<string, unknown>> = {};

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'cog-migrate-fal-openapi-'));
  for (const { name, dir, options } of fixtureCases()) {
    if (options.expectError) continue;
    const r = convert(join(dir, 'input'), falTarget, falTarget.parseOptions({}));
    if (r.status !== 'converted') continue;
    // Only the generated files: the app and the packages it loads, never the user's modules.
    const out = join(work, name);
    for (const f of r.files) {
      if (!('content' in f) || (f.path !== 'app.py' && !GENERATED_PACKAGES.some((p) => f.path.startsWith(`${p}/`)))) continue;
      mkdirSync(dirname(join(out, f.path)), { recursive: true });
      writeFileSync(join(out, f.path), f.content);
    }
    cases.push({ name, ir: r.ir, app: join(out, 'app.py') });
  }
  const apps = Object.fromEntries(cases.map((c) => [c.name, c.app]));
  served = JSON.parse(execFileSync(pythonEnv('fal'), ['-I', '-c', OPENAPI, JSON.stringify(apps)], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 })) as typeof served;
}, 600_000);

function cogContracts(ir: CogIR, component: string): Record<string, InputContract> {
  const doc = toOpenApi(ir) as Record<string, unknown>;
  const schema = requestSchema(doc, { component });
  return schema ? inputContracts(doc, schema) : {};
}

function falContracts(doc: Record<string, unknown>, path: string): Record<string, InputContract> {
  const schema = requestSchema(doc, { path });
  return schema ? inputContracts(doc, schema) : {};
}

describe("fal's own OpenAPI of the adapter agrees with inspect --openapi on every input", () => {
  it('covers many fixtures', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each([['predict', 'Input', '/'], ['train', 'TrainingInput', '/train']] as const)('%s: names, types, defaults and constraints', (role, component, path) => {
    const unexpected: string[] = [];
    const fixed: string[] = [];
    let compared = 0;
    for (const c of cases) {
      if (!c.ir.predictors[role]) continue;
      compared++;
      const differences = contractDifferences(cogContracts(c.ir, component), falContracts(served[c.name]!, path));
      const known = knownFailure('fal/openapi-contract', c.name);
      if (known && role === 'predict' && differences.length === 0) fixed.push(c.name);
      if (!known || role !== 'predict') unexpected.push(...differences.map((d) => `${c.name}: ${d}`));
    }
    expect(compared).toBeGreaterThan(role === 'predict' ? 30 : 2);
    expect(unexpected).toEqual([]);
    expect(fixed, 'listed in test/known-failures.ts but now agreeing: remove the entry').toEqual([]);
  });

  it('fails on a disagreement: a changed default, bound or choice is reported', () => {
    const c = cases.find((x) => x.name === 'input-every-constraint')!;
    const cog = cogContracts(c.ir, 'Input');
    const fal = structuredClone(falContracts(served[c.name]!, '/'));
    fal['width']!.default = 512;
    fal['strength']!.maximum = 2;
    fal['scheduler']!.enum = fal['scheduler']!.enum!.slice(1);
    delete fal['prompt'];
    expect(contractDifferences(cog, fal)).toEqual([
      'inputs ["hex_color","max_tokens","num_outputs","prompt","refine","scheduler","seed","strength","temperature","width"] vs fal ["hex_color","max_tokens","num_outputs","refine","scheduler","seed","strength","temperature","width"]',
    ]);
    fal['prompt'] = cog['prompt']!;
    expect(contractDifferences(cog, fal).filter((d) => !d.startsWith('seed.'))).toEqual([
      'width.default: Cog 1024, fal 512',
      'strength.maximum: Cog 1, fal 2',
      `scheduler.enum: Cog ${JSON.stringify(cog['scheduler']!.enum)}, fal ${JSON.stringify(cog['scheduler']!.enum!.slice(1))}`,
    ]);
  });
});

const KEYS = ['type', 'items', 'required', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'enum'] as const;

function contractDifferences(cog: Record<string, InputContract>, fal: Record<string, InputContract>): string[] {
  const names = (x: Record<string, InputContract>) => JSON.stringify(Object.keys(x).sort());
  if (names(cog) !== names(fal)) return [`inputs ${names(cog)} vs fal ${names(fal)}`];
  const out: string[] = [];
  for (const [name, want] of Object.entries(cog)) {
    for (const key of KEYS) {
      const got = fal[name]![key];
      if (JSON.stringify(want[key]) !== JSON.stringify(got)) out.push(`${name}.${key}: Cog ${JSON.stringify(want[key])}, fal ${JSON.stringify(got)}`);
    }
  }
  return out;
}
