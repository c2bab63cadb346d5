// `cog-migrate diff OLD NEW` end to end: each input form, text and --json, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempProject } from '../helpers/cli.js';

const project = (sig: string) => tempProject({
  'cog.yaml': 'predict: "predict.py:Predictor"\n',
  'predict.py': `from cog import BasePredictor, Input\n\nclass Predictor(BasePredictor):\n    def predict(self, ${sig}) -> str:\n        return ""\n`,
});

describe('cog-migrate diff', () => {
  it('exits 0 and says so when nothing changed', async () => {
    const r = await cli('diff', project('a: str = "x"'), project('a: str = "x"'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No schema changes.');
  });

  it('exits 0 on compatible changes and lists them', async () => {
    const r = await cli('diff', project('steps: int = 30'), project('steps: int = 50, seed: int = 1'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compatible input steps: default changed from 30 to 50/);
    expect(r.stdout).toMatch(/compatible input seed is new/);
    expect(r.stdout).toContain('0 breaking, 2 compatible change(s).');
  });

  it('exits 1 on a breaking change, with --json for machines', async () => {
    const r = await cli('diff', project('a: str = "x", b: int = 1'), project('a: str = "x"'), '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.breaking).toBe(true);
    expect(doc.changes).toMatchObject([{ kind: 'input-removed', input: 'b', breaking: true, mode: 'predict' }]);
  });

  it('reads IR JSON and OpenAPI files as well as project folders', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cogm-diff-'));
    const old = project('n: int = Input(default=5, le=10)');
    const ir = await cli('inspect', '--json', old);
    const api = await cli('inspect', '--openapi', project('n: int = Input(default=5, le=8)'));
    writeFileSync(join(tmp, 'old.ir.json'), ir.stdout);
    writeFileSync(join(tmp, 'new.openapi.json'), api.stdout);
    const r = await cli('diff', join(tmp, 'old.ir.json'), join(tmp, 'new.openapi.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BREAKING\s+input n: maximum lowered from 10 to 8/);
  });

  it('exits 2 with CM622 when an input is neither a project, IR nor OpenAPI', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cogm-diff-'));
    writeFileSync(join(tmp, 'x.json'), '{"hello": 1}');
    const r = await cli('diff', join(tmp, 'x.json'), join(tmp, 'missing'));
    expect(r.code).toBe(2);
    expect(r.stderr.match(/error CM622/g)).toHaveLength(2);
  });

  it('a project of variants (replicate/cog-flux\'s script/select.sh): --variant compares that variant of both; without it the error names the variants', async () => {
    const flux = (steps: number) => tempProject({
      'cog.yaml.template': 'build:\n  python_version: "3.11"\n',
      'model-cog-configs/dev.yaml': 'predict: "predict.py:DevPredictor"\n',
      'model-cog-configs/schnell.yaml': 'predict: "predict.py:SchnellPredictor"\n',
      'script/select.sh': '#!/bin/bash\nyq eval-all \'select(fileIndex == 0) *+ select(fileIndex == 1)\' cog.yaml.template "model-cog-configs/$1.yaml" > cog.yaml\n',
      'predict.py': `from cog import BasePredictor, Input\n\nclass DevPredictor(BasePredictor):\n    def predict(self, steps: int = Input(default=${steps}, le=50)) -> str:\n        return ""\n\nclass SchnellPredictor(BasePredictor):\n    def predict(self, steps: int = Input(default=4, le=4)) -> str:\n        return ""\n`,
    });
    const [v1, v2] = [flux(28), flux(30)];
    const r = await cli('diff', v1, v2, '--variant', 'dev');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compatible input steps: default changed from 28 to 30/);
    // Before: "is a folder without cog.yaml", nothing about the variants.
    const without = await cli('diff', v1, v2);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/--variant NAME \(dev, schnell\)/);
  });

  it('shows what reading each version warned of (a default it keeps as source text), its file inside that version', async () => {
    const old = project('a: str = Input(default=DEFAULTS.a)');
    const r = await cli('diff', old, project('a: str = "x"'));
    expect(r.stderr).toContain(`${join(old, 'predict.py')}:4:`);
    expect(r.stderr).toContain('CM204');
  });
});
