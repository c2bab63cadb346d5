// Golden fixtures of the reverse direction: every folder under fixtures-fal/ and fixtures-modal/
// is a case (discovered, never listed) holding a fal or Modal app in input/. Compared with
// expected/: the IR, the findings, the OpenAPI schema and the Cog project the cog target writes
// (the stand-in packages are the same for every app; test/targets/cog covers them).
// Regenerate with UPDATE_GOLDEN=1 and review the diff.

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../src/frontends/read-project.js';
import { irToJson } from '../src/ir/json.js';
import { toOpenApi } from '../src/ir/openapi.js';
import { findingsToJson } from '../src/findings/reporters/json.js';
import { convertIr } from '../src/convert/index.js';
import { cogTarget } from '../targets/cog/index.js';
import { platformShimFiles } from '../src/runtime/index.js';
import { TOOL_VERSION } from '../src/version.js';
import { expectGoldenDir } from './helpers/golden.js';
import { reverseCases } from './helpers/reverse-cases.js';

const REGENERATE = 'UPDATE_GOLDEN=1 npx vitest run test/reverse-golden.test.ts';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const normalise = (text: string, root: string) =>
  text.split(root).join('<FIXTURE>').split(`cog-migrate ${TOOL_VERSION}`).join('cog-migrate <VERSION>').split(`"version": "${TOOL_VERSION}"`).join('"version": "<VERSION>"');

describe('reverse golden fixtures (fal and Modal apps -> Cog)', () => {
  const cases = reverseCases();
  it('has at least 10 apps of each platform it has a fixtures folder for', () => {
    for (const platform of new Set(cases.map((c) => c.platform))) {
      expect(cases.filter((c) => c.platform === platform && !c.options.expectError).length, platform).toBeGreaterThanOrEqual(10);
    }
  });

  const shims = new Map(['fal', 'modal'].flatMap((p) => platformShimFiles(p as 'fal' | 'modal')).map((f) => [f.path, f.text]));

  for (const c of cases) {
    it(`${c.platform}/${c.name}: ${c.options.description ?? ''}`, () => {
      const input = join(c.dir, 'input');
      const root = resolve(input);
      const { ir, findings } = readProject(c.path, c.options.endpoint ? { endpoint: c.options.endpoint } : {});
      const actual: Record<string, string> = { 'findings.json': normalise(json(findingsToJson(findings)), root) };
      if (c.options.expectError) {
        expect(findings.some((f) => f.severity === 'error'), 'an expectError case must produce an error finding').toBe(true);
        expect(findings.filter((f) => f.severity === 'error').every((f) => f.file !== undefined), 'error findings name the file').toBe(true);
      } else {
        expect(ir, `no IR; findings: ${JSON.stringify(findings, null, 1)}`).toBeDefined();
      }
      if (ir && !c.options.expectError) {
        actual['ir.json'] = normalise(irToJson(ir), root);
        actual['openapi.json'] = json(toOpenApi(ir));
        const result = convertIr(ir, cogTarget, {}, findings);
        actual['cog/status.txt'] = result.status + '\n';
        if (result.status === 'failed') actual['cog/findings.json'] = normalise(json(findingsToJson(result.findings)), root);
        else {
          for (const f of result.files) {
            if ('copyFrom' in f) continue; // the user's own files, unchanged
            const text = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
            if (shims.get(f.path) === text) continue;
            actual[`cog/${f.path}`] = normalise(text, root);
          }
        }
      }
      expectGoldenDir(join(c.dir, 'expected'), actual, REGENERATE);
    });
  }
});
