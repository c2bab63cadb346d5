// Issue 16: a fal app runs on a Python the pinned fal SDK supports. The floor is fal's own
// Requires-Python, read here from the installed package; cog.yaml's older python_version is raised
// with CM450 (to the oldest supported Python the torch pin has wheels for), --python overrides.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../../helpers/cli.js';
import { FAL_MIN_PYTHON, falPython } from '../../../targets/fal/python-floor.js';
import type { Finding } from '../../../src/findings/types.js';
import { cogIR, loc, predictor } from './ir-builders.js';
import { runPython } from './harness.js';

function irWith(python: string, torch?: string) {
  const ir = cogIR({ predict: predictor() });
  ir.build.pythonVersion = python;
  if (torch) ir.build.pythonRequirements = [{ raw: `torch==${torch}`, kind: 'package', name: 'torch', specifier: `==${torch}`, loc: loc('requirements.txt') }];
  return ir;
}

describe('the Python of a fal app', () => {
  it("has fal's own Requires-Python as its floor", () => {
    const requires = runPython(pythonEnv('fal'), ['-I', '-c', 'import importlib.metadata as m; print(m.metadata("fal")["Requires-Python"])']).trim();
    expect(requires).toBe(`>=${FAL_MIN_PYTHON}`);
  });

  it('keeps a supported python_version without a finding', () => {
    const findings: Finding[] = [];
    expect(falPython(irWith('3.12'), undefined, findings)).toBe('3.12');
    expect(findings).toEqual([]);
  });

  it('raises 3.8 to the oldest supported Python its torch pin has wheels for, with CM450', () => {
    const findings: Finding[] = [];
    expect(falPython(irWith('3.8', '2.0.1'), undefined, findings)).toBe('3.10');
    expect(findings.map((f) => f.code)).toEqual(['CM450']);
    expect(findings[0]!.message).toContain('torch 2.0.1 has wheels for Python 3.10');
  });

  it('raises to the floor itself when the torch pin is not in the table (nothing claimed about wheels)', () => {
    const findings: Finding[] = [];
    expect(falPython(irWith('3.8', '1.8.0'), undefined, findings)).toBe('3.10');
    expect(findings[0]!.message).toBe('python_version "3.8" is older than fal supports (Requires-Python >=3.10): the image and your local interpreter use Python 3.10');
  });

  it('takes --python over everything, warning (CM451) below the floor', () => {
    const findings: Finding[] = [];
    expect(falPython(irWith('3.8'), '3.12', findings)).toBe('3.12');
    expect(falPython(irWith('3.11'), '3.9', findings)).toBe('3.9');
    expect(findings.map((f) => f.code)).toEqual(['CM451']);
  });

  it('--python sets the image and the header end to end; a malformed one is a usage error', async () => {
    const project = tempProject({ 'cog.yaml': 'build:\n  python_version: "3.9"\npredict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR });
    const out = join(project, '..', 'out');
    expect((await cli(project, '--to', 'fal', '--out', out, '--python', '3.12')).code).toBe(0);
    const app = readFileSync(join(out, 'app.py'), 'utf8');
    // A pip-only build: fal's managed environment on that Python (runtime-form.ts); --container: the image's.
    expect(app).toContain('(fal.App, python_version="3.12"):');
    expect(app).toContain("fal pickles this app for the runner's Python 3.12");
    expect((await cli(project, '--to', 'fal', '--out', join(project, '..', 'out-container'), '--python', '3.12', '--container')).code).toBe(0);
    const container = readFileSync(join(project, '..', 'out-container', 'app.py'), 'utf8');
    expect(container).toContain('python:3.12-slim');
    expect(container).toContain("fal pickles this app for the image's Python 3.12");
    const bad = await cli(project, '--to', 'fal', '--out', join(project, '..', 'out2'), '--python', 'three');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--python "three" must be a Python version like 3.11');
  });
});
