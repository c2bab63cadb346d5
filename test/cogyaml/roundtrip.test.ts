// The normalised cog.yaml, re-read by our own reader, gives back the same build (up to the
// rewrites the normaliser reports, each checked against its finding), the same runtime, the same
// predictors and the identical OpenAPI schema, for every fixture; and it is clean: re-reading it
// raises none of the findings about deprecated, removed, misplaced or legacy keys.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';
import type { Build } from '../../src/ir/types.js';
import { fixtureCases } from '../helpers/fixtures.js';
import { withoutLocs, writeNormalisedProject } from './helpers.js';

/** Findings that would mean the emitted cog.yaml still has an old or misplaced key. */
const UNCLEAN = new Set(['CM110', 'CM111', 'CM112', 'CM114', 'CM115', 'CM116', 'CM117', 'CM119', 'CM160', 'CM161']);

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

describe('normalised cog.yaml round trip (every fixture)', () => {
  for (const c of fixtureCases().filter((k) => !k.options.expectError)) {
    it(`${c.name}: same build, runtime, predictors and OpenAPI`, () => {
      const original = readCog(join(c.dir, 'input'));
      const ir = original.ir!;
      const normalised = normaliseCogYaml(ir);
      const dir = writeNormalisedProject(ir, normalised);
      made.push(dir);
      const again = readCog(dir);
      expect(again.ir, JSON.stringify(again.findings)).toBeDefined();
      expect(again.findings.filter((f) => UNCLEAN.has(f.code)).map((f) => `${f.code} ${f.message}`)).toEqual([]);

      const codes = normalised.findings.map((f) => f.code);
      const expected: Build = withoutLocs(ir.build);
      // Each rewrite is allowed only together with the finding that reports it.
      if (expected.preInstall.length > 0) {
        expect(normalised.findings.some((f) => f.code === 'CM170' && f.message.includes('pre_install'))).toBe(true);
        expected.run = [...expected.run, ...expected.preInstall];
        expected.preInstall = [];
      }
      const generated = normalised.files.find((f) => f.path !== 'cog.yaml');
      if (generated) {
        expect(codes).toContain('CM170');
        expected.requirementsSource = 'python_requirements';
        expected.requirementsFile = generated.path;
      }
      if (!expected.pythonVersionExplicit) {
        expect(codes.some((k) => k === 'CM173' || k === 'CM172')).toBe(true);
        expected.pythonVersionExplicit = true;
      }
      if (codes.includes('CM172')) expected.pythonVersion = '3.10';
      // An unpinned project gets the Cog SDK release its imports were checked against (CM031).
      if (expected.sdkVersion === undefined) {
        expect(normalised.findings.some((f) => f.code === 'CM173' && f.message.startsWith('sdk_version written as 0.22.0'))).toBe(true);
        expected.sdkVersion = '0.22.0';
      }
      if (normalised.findings.some((f) => f.code === 'CM174' && f.message.startsWith('cuda'))) delete expected.cuda;
      if (normalised.findings.some((f) => f.code === 'CM174' && f.message.includes('backslash-newline'))) {
        expected.run = expected.run.map((s) => ({ ...s, command: s.command.replace(/\\\r?\n/g, '').replace(/\s+$/, '') }));
      }

      const actual = withoutLocs(again.ir!.build);
      expect({ ...actual, pythonRequirements: actual.pythonRequirements.map((r) => r.raw) })
        .toEqual({ ...expected, pythonRequirements: expected.pythonRequirements.map((r) => r.raw) });
      const weightsRenamed = normalised.findings.some((f) => f.code === 'CM174' && f.message.startsWith('weights'));
      if (!weightsRenamed) expect(withoutLocs(again.ir!.runtime)).toEqual(withoutLocs(ir.runtime));
      expect(withoutLocs(again.ir!.predictors)).toEqual(withoutLocs(ir.predictors));
      expect(toOpenApi(again.ir!)).toEqual(toOpenApi(ir));

      // Normalising the normalised project changes nothing (idempotent).
      const twice = normaliseCogYaml(again.ir!);
      expect(twice.files.find((f) => f.path === 'cog.yaml')!.text).toBe(readFileSync(join(dir, 'cog.yaml'), 'utf8'));
    });
  }
});
