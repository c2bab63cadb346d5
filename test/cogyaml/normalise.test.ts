// normaliseCogYaml on small projects: what each rewrite writes and the finding it reports.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

function normalise(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cogyaml-unit-'));
  made.push(dir);
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  const ir = readCog(dir).ir!;
  const out = normaliseCogYaml(ir);
  const file = (p: string) => out.files.find((f) => f.path === p)?.text;
  return { out, yaml: parse(file('cog.yaml')!) as Record<string, unknown>, file, codes: out.findings.map((f) => f.code) };
}

const PREDICT = 'from cog import BasePredictor\nclass Predictor(BasePredictor):\n    def predict(self, x: str) -> str:\n        return x\n';

describe('normaliseCogYaml', () => {
  it('leaves a current cog.yaml as it was, with no findings', () => {
    const { yaml, codes, out } = normalise({
      'cog.yaml': 'build:\n  python_version: "3.12"\n  python_requirements: requirements.txt\n  sdk_version: "0.21.0"\npredict: "predict.py:Predictor"\n',
      'requirements.txt': 'numpy==2.1.0\n',
      'predict.py': PREDICT,
    });
    expect(yaml).toEqual({ build: { python_version: '3.12', python_requirements: 'requirements.txt', sdk_version: '0.21.0' }, predict: 'predict.py:Predictor' });
    expect(codes).toEqual([]);
    expect(out.files.map((f) => f.path)).toEqual(['cog.yaml']);
  });

  it("pins an unpinned project's Cog SDK to the release its imports were checked against, saying why (CM173)", () => {
    const { yaml, file, out } = normalise({ 'cog.yaml': 'build:\n  python_version: "3.12"\npredict: "predict.py:Predictor"\n', 'predict.py': PREDICT });
    expect(yaml['build']).toEqual({ python_version: '3.12', sdk_version: '0.22.0' });
    expect(file('cog.yaml')).toContain([
      "  # cog-migrate checked the predictor's `cog` imports against Cog 0.22.0; without this pin",
      '  # `cog build` installs the newest cog on PyPI. (build.sdk_version needs Cog 0.17.0 or later.)',
      '  sdk_version: "0.22.0"',
    ].join('\n'));
    expect(out.findings.map((f) => [f.code, f.message])).toEqual([['CM173', "sdk_version written as 0.22.0, the Cog SDK release the predictor's imports were checked against (without it `cog build` installs the newest cog on PyPI)"]]);
    // The user's own pin stays, without the comment unless it is that release.
    expect(normalise({ 'cog.yaml': 'build:\n  python_version: "3.12"\n  sdk_version: "0.19.3"\npredict: "predict.py:Predictor"\n', 'predict.py': PREDICT }).file('cog.yaml')).not.toContain('# cog-migrate checked');
  });

  it('writes the 2021 extra index URLs before an include of the project requirements file (CM170, CM171)', () => {
    const { yaml, file, codes } = normalise({
      'cog.yaml': 'model: predict.py:Predictor\nenvironment:\n  python_version: "3.11"\n  python_requirements: requirements.txt\n  python_extra_index_urls:\n    - https://download.pytorch.org/whl/cpu\n',
      'requirements.txt': 'numpy==2.1.0\n',
      'predict.py': PREDICT,
    });
    expect(yaml).toEqual({ build: { python_version: '3.11', python_requirements: 'requirements-cog.txt', sdk_version: '0.22.0' }, predict: 'predict.py:Predictor' });
    expect(file('requirements-cog.txt')).toBe('--extra-index-url https://download.pytorch.org/whl/cpu\n-r requirements.txt\n');
    expect(codes).toEqual(['CM171', 'CM170', 'CM173']);
  });

  it('keeps YAML-special and hostile values as the same strings', () => {
    const value = 'a "quoted" #not-a-comment: {x} \\ yes';
    const { yaml } = normalise({
      'cog.yaml': `build:\n  python_version: "3.12"\n  system_packages: ["ffmpeg"]\n  run:\n    - ${JSON.stringify(`echo ${value}`)}\nenvironment:\n  - ${JSON.stringify(`GREETING=${value}`)}\npredict: "predict.py:Predictor"\n`,
      'predict.py': PREDICT,
    });
    expect(yaml['environment']).toEqual([`GREETING=${value}`]);
    expect((yaml['build'] as { run: string[] }).run).toEqual([`echo ${value}`]);
  });

  it('names a weights item that has none, as current Cog requires (CM174)', () => {
    const { yaml, out } = normalise({
      'cog.yaml': 'build:\n  python_version: "3.12"\n  sdk_version: "0.22.0"\npredict: "predict.py:Predictor"\nweights:\n  - source: weights/Model V2\n    target: /src/weights\n',
      'predict.py': PREDICT,
    });
    expect(yaml['weights']).toEqual([{ name: 'model-v2', target: '/src/weights', source: [{ uri: 'weights/Model V2' }] }]);
    expect(out.findings.map((f) => [f.code, f.line])).toEqual([['CM174', 6]]);
  });

  it('writes the runner API as run: and a function as predict:', () => {
    const { yaml } = normalise({
      'cog.yaml': 'build:\n  python_version: "3.12"\nrun: "predict.py:predict"\n',
      'predict.py': 'def predict(x: str) -> str:\n    return x\n',
    });
    expect(yaml['predict']).toBe('predict.py:predict');
  });
});
