// One variant of a multi-model project read as a model of its own (issue 13): its cog.yaml made
// as its select script makes it, findings on the lines of the files it was made from, its own
// cog-safe-push config, an app name of its own.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../../../src/frontends/cog/index.js';
import { tempProject } from '../../helpers/cli.js';

const SELECT = resolve(import.meta.dirname, '../../../fixtures/_select-model');
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const PREDICTOR = 'from cog import BasePredictor\n\n\nclass P(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n';

describe('readCog(dir, { variant })', () => {
  it('a variant its script merges from cog.yaml.template: its predictor, its config, its machine, named after its Replicate model', () => {
    const { ir, findings } = readCog(`${SELECT}/merged`, { variant: 'fast' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ir?.predictors.predict?.name).toBe('FastPredictor');
    expect(ir?.project.name).toBe('count-fast');
    expect(ir?.safePush?.map((c) => [c.file, c.variant, c.model])).toEqual([['safe-push-configs/fast.yaml', 'fast', 'acme/count-fast']]);
    expect(ir?.runtime.hardware?.name).toBe('gpu-t4');
    expect(ir?.project.variant).toEqual({ name: 'fast', selectedBy: { script: 'script/select.sh', sources: ['cog.yaml.template', 'model-cog-configs/fast.yaml'], cogYaml: expect.stringContaining('predict: "predict.py:FastPredictor"') } });
    // No key in common: the made cog.yaml is the two files one after the other, so lines map back exactly.
    expect(findings.find((f) => f.code === 'CM112')).toMatchObject({ file: 'cog.yaml.template', line: 4 });
  });

  it("keys in common are merged as yq's *+ merges them (lists appended); findings then name the variant's file", () => {
    const { ir, findings } = readCog(`${SELECT}/merged`, { variant: 'careful' });
    expect(ir?.build.pythonRequirements.map((r) => r.raw)).toEqual(['numpy==1.26.4', 'pillow==10.4.0']);
    expect(ir?.predictors.predict?.name).toBe('CarefulPredictor');
    const note = findings.find((f) => f.code === 'CM112')!;
    expect([note.file, note.line]).toEqual(['model-cog-configs/careful.yaml', undefined]);
  });

  it("envsubst: the template filled in with the variant's exported values; the live cog.yaml is not read", () => {
    const lower = readCog(`${SELECT}/substituted`, { variant: 'lower' });
    expect(lower.ir?.predictors.predict?.name).toBe('Lower');
    expect(lower.ir?.runtime.concurrency?.max).toBe(1);
    expect(lower.ir?.project.name).toBe('whisper');
    expect(codes(lower)).toEqual(['CM177']);
    expect(lower.findings[0]!.message).toBe('variant lower: cog.yaml made from cog.yaml.tpl as script/select-model makes it (it fills in cog.yaml.tpl with the variables it sets per variant (envsubst))');
  });

  it('a cog.yaml error in a concatenated variant file is reported at that file and line', () => {
    const root = tempProject({
      'cog.yaml.template': 'build:\n  python_version: "3.11"\n',
      'model-cog-configs/a.yaml': '# variant a\npredict: "predict.py:P"\ngpus: 2\n',
      'script/select-model': 'cat cog.yaml.template model-cog-configs/$1.yaml > cog.yaml\n',
      'predict.py': PREDICTOR,
    });
    const r = readCog(root, { variant: 'a' });
    expect(r.ir?.predictors.predict?.name).toBe('P');
    expect(r.ir?.predictors.predict?.file).toBe('predict.py');
    const unknown = r.findings.find((f) => f.file === 'model-cog-configs/a.yaml')!;
    expect([unknown.code, unknown.line]).toEqual(['CM110', 3]);
    expect(r.ir?.project.name).toBe('model-a');
  });

  it('a template variable the script does not set for the variant is CM178 at its line (read as empty, as envsubst does)', () => {
    const root = tempProject({
      'cog.yaml.tpl': 'build:\n  python_version: "3.11"\n  cuda: "${CUDA}"\npredict: "predict.py:$PREDICTOR"\n',
      'script/select-model': 'case "$1" in\n  cpu) export PREDICTOR=P ;;\nesac\nenvsubst < cog.yaml.tpl > cog.yaml\n',
      'predict.py': PREDICTOR,
    });
    const r = readCog(root, { variant: 'cpu' });
    expect(r.findings.filter((f) => f.code === 'CM178').map((f) => [f.file, f.line, f.message])).toEqual([
      ['cog.yaml.tpl', 3, 'cog.yaml.tpl uses $CUDA, but script/select-model does not set it for variant cpu; it was read as empty, as envsubst writes an unset variable'],
    ]);
  });

  it('no such variant: CM175 lists the variants; a variant file yq cannot merge: CM179; nothing is read', () => {
    const missing = readCog(`${SELECT}/merged`, { variant: 'huge' });
    expect(missing.ir).toBeUndefined();
    expect(missing.findings.map((f) => [f.code, f.severity, f.message])).toEqual([['CM175', 'error', 'the project has no variant "huge": its variants are careful, fast']]);
    const root = tempProject({
      'cog.yaml.template': 'build: {}\n',
      'model-cog-configs/a.yaml': '- not a mapping\n',
      'script/select.sh': "yq eval-all 'select(fileIndex == 0) * select(fileIndex == 1)' cog.yaml.template model-cog-configs/$1.yaml > cog.yaml\n",
    });
    expect(codes(readCog(root, { variant: 'a' }))).toEqual(['CM179']);
    expect(codes(readCog(tempProject({ 'cog.yaml': 'predict: "predict.py:P"\n', 'predict.py': PREDICTOR }), { variant: 'x' }))).toEqual(['CM175']);
  });

  it('a cog-safe-push-configs/<variant>.yaml is a variant too: that config alone and its model name', () => {
    const { ir, findings } = readCog(resolve(import.meta.dirname, '../../../fixtures/safe-push-variants/input'), { variant: 'fast' });
    expect(ir?.safePush?.map((c) => c.variant)).toEqual(['fast']);
    expect(ir?.project).toMatchObject({ name: 'shout-fast', variant: { name: 'fast' } });
    expect(codes({ findings })).not.toContain('CM191');
  });
});

describe('readCog(dir) of a project with a select script and no variant asked for', () => {
  it('no live cog.yaml: CM001 says to pick a variant, CM177 lists them', () => {
    const r = readCog(`${SELECT}/merged`);
    expect(r.findings.map((f) => f.code)).toEqual(['CM001', 'CM177']);
    expect(r.findings[0]!.hint).toBe('script/select.sh makes cog.yaml for one variant at a time: convert one with --variant NAME (careful, fast), or every variant with cog-migrate batch.');
  });

  it('a script that is not read statically: the live cog.yaml, and CM176 naming the variant files and how to pick one by hand', () => {
    const r = readCog(`${SELECT}/rendered`);
    expect(r.ir?.predictors.predict?.name).toBe('Echo');
    const warn = r.findings.find((f) => f.code === 'CM176')!;
    expect(warn).toMatchObject({ severity: 'warning', file: 'script/select-model' });
    expect(warn.message).toBe('script/select-model picks the live cog.yaml, but cog.yaml is written by `python3 script/render.py --variant "$1" > cog.yaml`, which cog-migrate does not read; variant files found: cog.yaml.j2, variants/echo.json, variants/reverse.json; this conversion read the cog.yaml that is live now');
    expect(warn.hint).toMatch(/^Pick a variant by hand: run script\/select-model with the variant's name yourself/);
  });
});
