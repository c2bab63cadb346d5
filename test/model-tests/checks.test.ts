// runtime/model_tests/checks.py under the real jq bindings and Pillow: every checker passes on
// an output that satisfies it and fails, with its message, on one that does not.

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../helpers/python-env.js';

const RUNTIME = resolve(import.meta.dirname, '../../runtime/model_tests');
let python = '';

beforeAll(() => {
  python = pythonEnv('model-tests');
});

/** Runs check(checker, output, error) and returns "pass", "fail: <message>" or "judge: ...". */
function verdict(checker: Record<string, string>, output: unknown, error: string | null = null): string {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(RUNTIME)})
from checks import CheckFailed, NeedsJudgement, check
checker, output, error = json.loads(sys.stdin.read())
try:
    check(checker, output, error)
    print("pass")
except CheckFailed as e:
    print("fail: " + str(e))
except NeedsJudgement as e:
    print("judge: " + str(e))
`;
  return execFileSync(python, ['-c', script], { input: JSON.stringify([checker, output, error]), encoding: 'utf8' }).trim();
}

/** A PNG data URI of a solid colour, made with Pillow. */
function png(rgb: [number, number, number], size = 8): string {
  const script = `
import base64, io, sys
from PIL import Image
buf = io.BytesIO()
Image.new("RGB", (${size}, ${size}), (${rgb.join(', ')})).save(buf, format="PNG")
print("data:image/png;base64," + base64.b64encode(buf.getvalue()).decode())
`;
  return execFileSync(python, ['-c', script], { encoding: 'utf8' }).trim();
}

describe('model test checkers (cog-safe-push rules)', () => {
  it('succeeds: passes without an error, fails on one', () => {
    expect(verdict({ kind: 'succeeds' }, 'x')).toBe('pass');
    expect(verdict({ kind: 'succeeds' }, null, 'CUDA out of memory')).toBe('fail: Prediction raised an unexpected error: CUDA out of memory');
  });

  it('exact_string wants the very string', () => {
    expect(verdict({ kind: 'exact_string', expected: 'HI ' }, 'HI ')).toBe('pass');
    expect(verdict({ kind: 'exact_string', expected: 'HI ' }, 'HI')).toMatch(/^fail: Expected 'HI ', got 'HI'/);
    expect(verdict({ kind: 'exact_string', expected: '1' }, 1)).toMatch(/^fail: Expected a string/);
  });

  it('error_contains wants a failure whose message contains the text', () => {
    expect(verdict({ kind: 'error_contains', expected: 'cannot identify' }, null, 'PIL: cannot identify image file')).toBe('pass');
    expect(verdict({ kind: 'error_contains', expected: 'cannot identify' }, 'ok')).toBe('fail: Expected an error, but the prediction succeeded');
    expect(verdict({ kind: 'error_contains', expected: 'cannot identify' }, null, 'boom')).toMatch(/^fail: Expected the error to contain/);
  });

  it('jq_query runs the query with real jq, parsing string outputs as JSON first', () => {
    expect(verdict({ kind: 'jq_query', query: '.count > 2' }, { count: 3 })).toBe('pass');
    expect(verdict({ kind: 'jq_query', query: '.count > 2' }, '{"count": 3}')).toBe('pass');
    expect(verdict({ kind: 'jq_query', query: '.count > 2' }, { count: 1 })).toMatch(/^fail: jq query '.count > 2' returned False/);
    expect(verdict({ kind: 'jq_query', query: '.[' }, {})).toMatch(/^fail: jq query '.\[' failed/);
    expect(verdict({ kind: 'jq_query', query: '.' }, 'not json')).toMatch(/^fail: Output is a string but not valid JSON/);
  });

  it('match_url compares images by mean pixel distance and refuses other file types', () => {
    const red = png([200, 0, 0]);
    expect(verdict({ kind: 'match_url', url: red }, png([203, 1, 0]))).toBe('pass');
    expect(verdict({ kind: 'match_url', url: red }, [png([200, 0, 0])])).toBe('pass');
    expect(verdict({ kind: 'match_url', url: red }, png([0, 0, 200]))).toMatch(/^fail: Images differ/);
    expect(verdict({ kind: 'match_url', url: red }, png([200, 0, 0], 16))).toMatch(/^fail: Images differ \(mean pixel distance inf/);
    expect(verdict({ kind: 'match_url', url: red }, 'data:text/plain,hello')).toMatch(/^fail: File types differ/);
    expect(verdict({ kind: 'match_url', url: red }, 42)).toMatch(/^fail: Expected a file URL/);
  });

  it('match_url wants other files byte for byte', () => {
    expect(verdict({ kind: 'match_url', url: 'data:text/plain,hello' }, 'data:text/plain,hello')).toBe('pass');
    expect(verdict({ kind: 'match_url', url: 'data:text/plain,hello' }, 'data:text/plain,hellO')).toMatch(/^fail: File at data:text\/plain,hello differs/);
  });

  it('match_prompt asks for a person\'s judgement instead of passing', () => {
    expect(verdict({ kind: 'match_prompt', prompt: 'a red car' }, 'https://x/car.png')).toMatch(/^judge: judge whether the output matches: 'a red car'/);
    expect(verdict({ kind: 'match_prompt', prompt: 'a red car' }, null, 'boom')).toMatch(/^fail: Prediction raised/);
  });
});
