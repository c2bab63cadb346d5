// The select script of a multi-model project, read as text (never run): each shape replicate's
// repositories use gives its recipe and variants; anything else is unreadable with a reason.
import { describe, expect, it } from 'vitest';
import { readSelectScript } from '../../../src/frontends/select-model/script.js';
import { parseBranches } from '../../../src/frontends/select-model/branches.js';
import { mergeYaml } from '../../../src/frontends/select-model/assemble.js';
import { tempProject } from '../../helpers/cli.js';

const VARIANT_FILES = { 'cog.yaml.template': 'build:\n  python_version: "3.11"\n', 'model-cog-configs/dev.yaml': 'predict: "p.py:Dev"\n', 'model-cog-configs/schnell.yml': 'predict: "p.py:S"\n' };
const withScript = (script: string, files: Record<string, string> = VARIANT_FILES, path = 'script/select.sh') => readSelectScript(tempProject({ ...files, [path]: script }));

describe('readSelectScript', () => {
  it('has nothing to say about a project without a select script', () => {
    expect(readSelectScript(tempProject(VARIANT_FILES))).toBeUndefined();
  });

  it("yq's *+ merge of the template with model-cog-configs/$1.yaml, and the safe-push config copied into place (cog-flux)", () => {
    const r = withScript([
      '#!/bin/bash', 'if [[ $1 == --list ]]; then', '    ls model-cog-configs | sed \'s/.yaml//\'', '    exit 0', 'fi',
      "yq eval-all 'select(fileIndex == 0) *+ select(fileIndex == 1)' cog.yaml.template \"model-cog-configs/$1.yaml\" > cog.yaml",
      'cp safe-push-configs/$1.yaml cog-safe-push.yaml',
    ].join('\n'));
    expect(r).toEqual({ plan: { script: 'script/select.sh', recipe: { kind: 'merge', template: 'cog.yaml.template', dir: 'model-cog-configs', lists: 'append' }, variants: ['dev', 'schnell'], safePushDir: 'safe-push-configs' } });
  });

  it("yq's plain * merge replaces lists", () => {
    const r = withScript("yq eval-all 'select(fileIndex == 0) * select(fileIndex == 1)' cog.yaml.template model-cog-configs/${MODEL}.yaml > cog.yaml\nMODEL=$1\n");
    expect(r && 'plan' in r && r.plan.recipe).toEqual({ kind: 'merge', template: 'cog.yaml.template', dir: 'model-cog-configs', lists: 'replace' });
  });

  it('cat of the template, then the variant file appended', () => {
    const r = withScript('cat cog.yaml.template > cog.yaml\ncat model-cog-configs/$1.yaml >> cog.yaml\n');
    expect(r && 'plan' in r && r.plan.recipe).toEqual({ kind: 'concat', template: 'cog.yaml.template', dir: 'model-cog-configs' });
  });

  it('cp of a whole per-variant cog.yaml, through a variable holding $1', () => {
    const r = withScript('set -e\nVARIANT="$1"\ncp "model-cog-configs/${VARIANT}.yaml" cog.yaml\n', VARIANT_FILES, 'script/select-model');
    expect(r).toEqual({ plan: { script: 'script/select-model', recipe: { kind: 'copy', dir: 'model-cog-configs' }, variants: ['dev', 'schnell'] } });
  });

  it('envsubst on cog.yaml.tpl with the variables an if/elif chain exports per variant; shared ones apply to all (cog-openai-clip)', () => {
    const r = withScript([
      'MODEL=$1', 'export SIZE=small', 'SCRIPT_PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
      'if [[ "$MODEL" == "clip" ]]; then', '    export PREDICTOR=Predictor', 'elif [ "$MODEL" = "clip-large" ] || [[ $MODEL == "clip-xl" ]]; then',
      "    export PREDICTOR='LargePredictor'", '    export SIZE=large', 'else', '    echo "Unknown model: $MODEL"', '    export PREDICTOR=Nope', '    exit 1', 'fi',
      'envsubst < cog.yaml.tpl > cog.yaml',
    ].join('\n'), { 'cog.yaml.tpl': 'predict: "predict.py:$PREDICTOR"\n' }, 'script/select-model');
    expect(r && 'plan' in r && r.plan).toEqual({
      script: 'script/select-model', variants: ['clip', 'clip-large', 'clip-xl'],
      recipe: { kind: 'envsubst', template: 'cog.yaml.tpl', values: {
        clip: { SIZE: 'small', SCRIPT_PATH: null, PREDICTOR: 'Predictor' },
        'clip-large': { SIZE: 'large', SCRIPT_PATH: null, PREDICTOR: 'LargePredictor' },
        'clip-xl': { SIZE: 'large', SCRIPT_PATH: null, PREDICTOR: 'LargePredictor' },
      } },
    });
  });

  it('a case block on the name, one-line and multi-line branches', () => {
    expect(parseBranches(['case "$1" in', '  a) export P=A ;;', '  b|c)', '    export P=BC', '    ;;', '  *) echo no; exit 1 ;;', 'esac'], ['1'])).toEqual({
      values: { a: { P: 'A' }, b: { P: 'BC' }, c: { P: 'BC' } },
    });
  });

  it('unreadable: a Python renderer, a sed edit, a script that writes no cog.yaml; each lists the variant files found', () => {
    const python = withScript('python3 render.py --variant "$1" > cog.yaml\n', VARIANT_FILES, 'script/select-model');
    expect(python).toEqual({ unreadable: {
      script: 'script/select-model',
      reason: 'cog.yaml is written by `python3 render.py --variant "$1" > cog.yaml`, which cog-migrate does not read',
      files: ['cog.yaml.template', 'model-cog-configs/dev.yaml', 'model-cog-configs/schnell.yml'],
    } });
    const sed = withScript('sed "s/NAME/$1/" cog.yaml.template > cog.yaml\n');
    expect(sed && 'unreadable' in sed && sed.unreadable.reason).toBe('cog.yaml is written by `sed "s/NAME/$1/" cog.yaml.template > cog.yaml`, which cog-migrate does not read');
    const none = withScript('echo "pick one"\n');
    expect(none && 'unreadable' in none && none.unreadable.reason).toMatch(/does not write cog\.yaml/);
    const py = readSelectScript(tempProject({ ...VARIANT_FILES, 'select_model.py': 'print(1)\n' }));
    expect(py && 'unreadable' in py && py.unreadable.reason).toMatch(/Python script/);
  });

  it('a script naming files outside the project is not followed (nothing there is listed or read)', () => {
    const up = withScript('cp ../../secrets/$1.yaml cog.yaml\n');
    expect(up && 'unreadable' in up && up.unreadable.reason).toBe('it names ../../secrets, outside the project');
    const abs = withScript("yq eval-all '. *+ .' cog.yaml.template /etc/$1.yaml > cog.yaml\n");
    expect(abs && 'unreadable' in abs && abs.unreadable.reason).toBe('it names /etc, outside the project');
  });

  it('a variant name that cannot name a model is refused, not used as a folder name', () => {
    const r = withScript('cp model-cog-configs/$1.yaml cog.yaml\n', { 'model-cog-configs/ok.yaml': 'x: 1\n', 'model-cog-configs/..yaml': 'x: 1\n' });
    expect(r && 'unreadable' in r && r.unreadable.reason).toBe('variant names "." are not usable as model names');
  });
});

describe('mergeYaml (yq eval-all ... *+ / *)', () => {
  it('keys in common: maps merged deeply, lists appended with *+ and replaced with *', () => {
    const base = 'build:\n  python_version: "3.11"\n  python_packages:\n    - a==1\n';
    const over = 'build:\n  python_packages:\n    - b==2\npredict: p.py:P\n';
    expect(mergeYaml(base, over, 'append')).toBe('build:\n  python_version: "3.11"\n  python_packages:\n    - a==1\n    - b==2\npredict: p.py:P\n');
    expect(mergeYaml(base, over, 'replace')).toBe('build:\n  python_version: "3.11"\n  python_packages:\n    - b==2\npredict: p.py:P\n');
  });

  it('no key in common is the two files one after the other; a non-mapping cannot be merged', () => {
    expect(mergeYaml('build: {}\n', 'predict: p.py:P\n', 'append')).toBe('disjoint');
    expect(mergeYaml('- a\n', 'predict: p.py:P\n', 'append')).toBeUndefined();
  });
});
