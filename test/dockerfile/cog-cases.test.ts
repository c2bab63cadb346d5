// Golden cases from the pinned Cog release's own generator tests (pkg/dockerfile/
// standard_generator_test.go at v0.22.0): each folder holds the cog.yaml of one Cog test, the
// Dockerfile Cog's test expects, and the staged requirements.txt where the test checks it.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCogDebug, renderDockerfile } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';

const ROOT = join(import.meta.dirname, 'cog-cases');

interface CaseJson {
  cogTest: string;
  useCogBaseImage?: boolean;
  separateWeightsImage?: string;
  contains?: string[];
  absent?: string[];
  requirementsAbsent?: string[];
}

const cases = readdirSync(ROOT).filter((d) => !d.startsWith('.')).sort();

describe('cog debug generator matches Cog v0.22.0 generator tests', () => {
  it('has at least 12 full-text cases', () => {
    expect(cases.filter((c) => existsSync(join(ROOT, c, 'expected.Dockerfile'))).length).toBeGreaterThanOrEqual(12);
  });
  for (const name of cases) {
    const dir = join(ROOT, name);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseJson;
    it(`${name} (${spec.cogTest})`, () => {
      const ir = irFromCogYaml(readFileSync(join(dir, 'cog.yaml'), 'utf8'));
      const opts: Parameters<typeof generateCogDebug>[1] = {};
      if (spec.useCogBaseImage !== undefined) opts.useCogBaseImage = spec.useCogBaseImage;
      if (spec.separateWeightsImage) opts.separateWeightsImage = spec.separateWeightsImage;
      const gen = generateCogDebug(ir, opts);
      const text = renderDockerfile(gen.dockerfile);
      const expectedFile = join(dir, 'expected.Dockerfile');
      if (existsSync(expectedFile)) expect(text).toBe(readFileSync(expectedFile, 'utf8'));
      for (const s of spec.contains ?? []) expect(text).toContain(s);
      for (const s of spec.absent ?? []) expect(text).not.toContain(s);
      const reqFile = join(dir, 'expected.requirements.txt');
      if (existsSync(reqFile)) expect((gen.dockerfile.requirementsTxt ?? '') + '\n').toBe(readFileSync(reqFile, 'utf8'));
      for (const s of spec.requirementsAbsent ?? []) expect(gen.dockerfile.requirementsTxt ?? '').not.toContain(s);
      expect(gen.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
