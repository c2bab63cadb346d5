// The golden fixture suite: every folder under fixtures/ is a case (discovered, never listed).
// For each: the IR, the findings, the OpenAPI schema, the cog debug Dockerfile and every
// target's output are compared with fixtures/<case>/expected/. `.name` folders are skipped.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../src/frontends/cog/index.js';
import { irToJson } from '../src/ir/json.js';
import { toOpenApi } from '../src/ir/openapi.js';
import { findingsToJson } from '../src/findings/reporters/json.js';
import { dockerfileFor, renderDockerfile } from '../src/dockerfile/index.js';
import { convertIr } from '../src/convert/index.js';
import { filesToCarry } from '../src/convert/carry.js';
import { TARGETS } from '../src/cli/targets.js';
import { allRuntimeFiles, modelTestsFile } from '../src/runtime/index.js';
import { expectGoldenDir, normalise } from './helpers/golden.js';
import { fixtureCases } from './helpers/fixtures.js';

const REGENERATE = 'UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts';


const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

// The shipped runtime (runtime/: the `cog` compatibility package and cog_migrate_runtime) is the
// same for every project (test/runtime covers it); a copy per fixture would only repeat it. Which
// of its files a target ships is listed in <target>/runtime-files.txt; a changed copy shows up.
// The model tests' checkers and platform test files (runtime/model_tests, test/model-tests) too.
const MODEL_TESTS = ['checks.py', 'test_fal.py', 'test_cog_http.py', 'vitest/model.test.ts', 'vitest/package.json', 'vitest/tsconfig.json'].map((rel) => modelTestsFile(rel, `tests/${rel.split('/').pop()!}`));
const RUNTIME = new Map([...allRuntimeFiles(), ...MODEL_TESTS].map((f) => [f.path, f.text]));

describe('golden fixtures', () => {
  const cases = fixtureCases();
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.options.description ?? ''}`, () => {
      const input = join(c.dir, 'input');
      const root = resolve(input);
      const { ir, findings } = readCog(input);
      const actual: Record<string, string> = { 'findings.json': normalise(json(findingsToJson(findings)), root) };
      if (c.options.expectError) {
        expect(findings.some((f) => f.severity === 'error'), 'an expectError case must produce an error finding').toBe(true);
      } else {
        expect(ir, `readCog gave no IR; findings: ${JSON.stringify(findings, null, 1)}`).toBeDefined();
      }
      if (ir) {
        actual['ir.json'] = normalise(irToJson(ir), root);
        actual['openapi.json'] = json(toOpenApi(ir));
        const cogDebug = dockerfileFor(ir, 'cog');
        actual['cog-debug.Dockerfile'] = renderDockerfile(cogDebug.cogDebug);
        if (!c.options.expectError) {
          const carried = new Set(filesToCarry(ir));
          // A target with several forms (workers-ai's modes) is rendered once per named variant.
          const runs = Object.entries(TARGETS).flatMap(([name, target]) =>
            (target.variants ?? [{ name, options: {} }]).map((v) => ({ name: v.name, target, raw: v.options })));
          for (const { name, target, raw } of runs) {
            const result = convertIr(ir, target, target.parseOptions(raw), findings);
            const out = result.status === 'converted' ? result.files : [];
            actual[`${name}/status.txt`] = result.status + '\n';
            if (result.status === 'failed') actual[`${name}/findings.json`] = normalise(json(findingsToJson(result.findings)), root);
            const shipped: string[] = [];
            for (const f of out) {
              if (carried.has(f.path) && 'copyFrom' in f) continue; // the user's own files, unchanged: not golden material
              if ('content' in f && RUNTIME.get(f.path) === f.content) {
                shipped.push(f.path);
                continue;
              }
              const text = 'copyFrom' in f ? readFileSync(f.copyFrom, 'utf8') : typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
              actual[`${name}/${f.path}`] = normalise(text, root);
            }
            if (shipped.length > 0) actual[`${name}/runtime-files.txt`] = shipped.sort().join('\n') + '\n';
          }
        }
      }
      expectGoldenDir(join(c.dir, 'expected'), actual, REGENERATE);
    });
  }
});
