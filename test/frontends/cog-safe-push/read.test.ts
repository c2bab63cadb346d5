// cog-safe-push configs as cog-safe-push's own config model reads them (cog_safe_push/config.py):
// defaults, unknown fields, checker exclusivity, input value types; and the checks against the
// predictor. Each case writes a small project to a temp folder and reads it with readCog.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../../../src/frontends/cog/index.js';

const PREDICTOR = `from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(
        self,
        prompt: str = Input(description="Prompt"),
        mode: str = Input(choices=["fast", "slow"], default="fast"),
        steps: int = Input(ge=1, le=10, default=4),
        ratio: float = Input(default=0.5),
        flag: bool = Input(default=False),
        image: Path = Input(default=None),
        words: list[str] = Input(default=None),
        tag: str = Input(default="a", min_length=1, max_length=3),
    ) -> str:
        return prompt
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'safe-push-'));
  const all = { 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': PREDICTOR, ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function read(config: string, extra: Record<string, string> = {}) {
  const { ir, findings } = readCog(project({ 'cog-safe-push.yaml': config, ...extra }));
  return { configs: ir?.safePush, findings, codes: findings.filter((f) => f.code >= 'CM180' && f.code <= 'CM199').map((f) => `${f.code}@${f.line}`) };
}

describe('cog-safe-push configs', () => {
  it('leaves the IR without safePush when the project has no config', () => {
    const { ir, findings } = readCog(project({}));
    expect(ir?.safePush).toBeUndefined();
    expect(findings).toEqual([]);
  });

  it('fills cog-safe-push\'s defaults for what the file leaves out', () => {
    const { configs, codes } = read('model: acme/m\npredict:\n  test_cases:\n    - inputs:\n        prompt: hi\n');
    expect(codes).toEqual([]);
    expect(configs?.[0]).toMatchObject({
      file: 'cog-safe-push.yaml', model: 'acme/m', testHardware: { name: 'cpu' }, parallel: 4, fastPush: false,
      useCogBaseImage: true, ignoreSchemaCompatibility: false,
      predict: { compareOutputs: true, timeout: 300, testCases: [{ inputs: [{ name: 'prompt', value: 'hi' }], checker: { kind: 'succeeds' } }] },
    });
  });

  it('reads each of the five checkers, fuzz settings and the train and deployment blocks', () => {
    const { configs, codes } = read([
      'model: acme/m',
      'predict:',
      '  test_cases:',
      '    - {inputs: {prompt: a}, exact_string: "A"}',
      '    - {inputs: {prompt: a}, error_contains: "boom"}',
      '    - {inputs: {prompt: a}, jq_query: ". == 1"}',
      '    - {inputs: {prompt: a}, match_url: "https://x/y.png"}',
      '    - {inputs: {prompt: a}, match_prompt: "a cat"}',
      '  fuzz: {fixed_inputs: {steps: 2}, disabled_inputs: [image], iterations: 3, prompt: "short"}',
      'deployment: {owner: acme, name: m, hardware: gpu-t4}',
      '',
    ].join('\n'));
    expect(codes).toEqual(['CM192@6']); // predict() returns str: the jq case is read, and warned about
    const cases = configs?.[0]?.predict?.testCases.map((c) => c.checker);
    expect(cases).toEqual([
      { kind: 'exact_string', expected: 'A' },
      { kind: 'error_contains', expected: 'boom' },
      { kind: 'jq_query', query: '. == 1' },
      { kind: 'match_url', url: 'https://x/y.png' },
      { kind: 'match_prompt', prompt: 'a cat' },
    ]);
    expect(configs?.[0]?.predict?.fuzz).toMatchObject({ fixedInputs: [{ name: 'steps', value: 2 }], disabledInputs: [{ name: 'image' }], iterations: 3, prompt: 'short' });
    expect(configs?.[0]?.deployment).toMatchObject({ owner: 'acme', name: 'm', hardware: 'gpu-t4' });
  });

  it('refuses two checkers in one case (CM182) at the second checker\'s line', () => {
    expect(read('model: acme/m\npredict:\n  test_cases:\n    - inputs: {prompt: a}\n      exact_string: A\n      match_prompt: a cat\n').codes).toEqual(['CM182@6']);
  });

  it('names the misspelt field and the field it meant (CM183)', () => {
    const { findings } = read('model: acme/m\ntest_hardwre: cpu\npredict:\n  predict_timeot: 5\n');
    expect(findings.map((f) => [f.code, f.line, f.message])).toEqual([
      ['CM183', 2, 'test_hardwre is not a cog-safe-push field (did you mean test_hardware?)'],
      ['CM183', 4, 'predict.predict_timeot is not a cog-safe-push field (did you mean predict.predict_timeout?)'],
    ]);
  });

  it('requires model: (CM181) and inputs: in each case', () => {
    expect(read('predict:\n  test_cases: []\n').codes).toEqual(['CM181@1']);
    expect(read('model: acme/m\npredict:\n  test_cases:\n    - exact_string: A\n').codes).toEqual(['CM181@4']);
  });

  it('reports wrong field types (CM184) and a non-mapping file (CM180)', () => {
    expect(read('model: acme/m\nparallel: many\nfast_push: maybe\n').codes).toEqual(['CM184@2', 'CM184@3']);
    expect(read('- just\n- a list\n').codes).toEqual(['CM180@1']);
    expect(read('model: [unclosed\n').codes).toEqual(['CM180@2']);
  });

  it('takes the lax values pydantic takes: digit strings for ints, yes/no for bools', () => {
    const { configs, codes } = read('model: acme/m\nparallel: "8"\nfast_push: yes\n');
    expect(codes).toEqual([]);
    expect(configs?.[0]).toMatchObject({ parallel: 8, fastPush: true });
  });

  it('warns that fuzz.duration is ignored (CM188)', () => {
    expect(read('model: acme/m\npredict:\n  fuzz:\n    duration: 60\n').codes).toEqual(['CM188@4']);
  });

  it('checks every case against the predictor: unknown input, missing required, type, choices, range, length', () => {
    const { codes, findings } = read([
      'model: acme/m',
      'predict:',
      '  test_cases:',
      '    - inputs: {prompt: a, seed: 1}',
      '    - inputs: {mode: fast}',
      '    - inputs: {prompt: a, mode: turbo}',
      '    - inputs: {prompt: a, steps: 0}',
      '    - inputs: {prompt: a, steps: 2.5}',
      '    - inputs: {prompt: a, ratio: "half"}',
      '    - inputs: {prompt: a, flag: 1}',
      '    - inputs: {prompt: a, image: 3}',
      '    - inputs: {prompt: a, words: [1, 2]}',
      '    - inputs: {prompt: a, tag: "toolong"}',
      '',
    ].join('\n'));
    expect(codes).toEqual(['CM185@4', 'CM186@5', 'CM187@6', 'CM187@7', 'CM187@8', 'CM187@9', 'CM187@10', 'CM187@11', 'CM187@12', 'CM187@13']);
    expect(findings.every((f) => f.severity === 'error' && f.file === 'cog-safe-push.yaml')).toBe(true);
  });

  it('accepts values the schema accepts: ints for floats, one item for a list, URLs for paths', () => {
    expect(read('model: acme/m\npredict:\n  test_cases:\n    - inputs: {prompt: a, ratio: 1, words: solo, image: "https://x/a.png", steps: 10, tag: abc}\n').codes).toEqual([]);
  });

  it('checks fuzz inputs and disabled inputs by name', () => {
    expect(read('model: acme/m\npredict:\n  fuzz:\n    fixed_inputs: {steps: 20}\n    disabled_inputs: [nope]\n').codes).toEqual(['CM187@4', 'CM185@5']);
  });

  it('warns that jq_query on a string output fails unless the text is JSON (CM192)', () => {
    expect(read('model: acme/m\npredict:\n  test_cases:\n    - inputs: {prompt: a}\n      jq_query: ". == 1"\n').codes).toEqual(['CM192@4']);
  });

  it('refuses tests of a train() the project does not have (CM189)', () => {
    expect(read('model: acme/m\ntrain:\n  test_cases:\n    - inputs: {x: 1}\n').codes).toEqual(['CM189@3']);
  });

  it('warns about hardware names Replicate does not have, suggesting the close ones (CM190)', () => {
    const { findings } = read('model: acme/m\ntest_hardware: gpu-a100\ndeployment:\n  hardware: gpu-h100\n');
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['CM190', 'warning', 2]]);
    expect(findings[0]?.message).toContain('gpu-a100-large');
  });

  it('reads one config per variant under cog-safe-push-configs/, in name order', () => {
    const { ir } = readCog(project({ 'cog-safe-push-configs/b.yml': 'model: acme/b\n', 'cog-safe-push-configs/a.yaml': 'model: acme/a\n', 'cog-safe-push-configs/notes.txt': 'x' }));
    expect(ir?.safePush?.map((c) => [c.file, c.variant, c.model])).toEqual([
      ['cog-safe-push-configs/a.yaml', 'a', 'acme/a'],
      ['cog-safe-push-configs/b.yml', 'b', 'acme/b'],
    ]);
  });

  it('refuses a config that is a symlink out of the project or a huge file (CM180)', () => {
    expect(read('x', {}).codes).toEqual(['CM180@1']);
    const big = read('model: acme/m\n' + '#'.repeat(1024 * 1024) + '\n');
    expect(big.codes).toEqual(['CM180@undefined']);
  });
});

describe('the machine the configs name', () => {
  it('is the deployment hardware, else a written test_hardware, never the cpu default', () => {
    const hw = (yaml: string) => readCog(project({ 'cog-safe-push.yaml': yaml })).ir?.runtime.hardware;
    expect(hw('model: acme/m\n')).toBeUndefined();
    expect(hw('model: acme/m\ntest_hardware: gpu-t4\n')).toEqual({ name: 'gpu-t4', from: 'cog-safe-push.yaml test_hardware', loc: { file: 'cog-safe-push.yaml', line: 2, column: 16 } });
    expect(hw('model: acme/m\ntest_hardware: gpu-t4\ndeployment:\n  hardware: gpu-h100\n')).toMatchObject({ name: 'gpu-h100', from: 'cog-safe-push.yaml deployment.hardware' });
    expect(hw('model: acme/m\ntest_hardware: gpu-typo\n')).toBeUndefined();
  });
});
