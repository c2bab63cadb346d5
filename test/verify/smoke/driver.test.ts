import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driverPath } from '../../../src/verify/assets.js';

// The driver's comparison rules, run with the host python on plain values (no user code).
function compare(adapter: unknown, direct: unknown): [boolean, string] {
  const code = 'import json, sys, driver; a, d = json.load(sys.stdin); print(json.dumps(driver.compare(a, d)))';
  const out = execFileSync('python3', ['-c', code], { cwd: dirname(driverPath()), input: JSON.stringify([adapter, direct]), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  return JSON.parse(out) as [boolean, string];
}

describe('smoke driver compare', () => {
  it('accepts equal values up to float tolerance', () => {
    expect(compare({ a: [1, 0.1 + 0.2] }, { a: [1, 0.3] })).toEqual([true, 'equal']);
    expect(compare(1.0, 1.1)).toEqual([false, 'different']);
  });
  it('compares files by content hash only', () => {
    expect(compare({ file: 'abc', bytes: 3 }, { file: 'abc', bytes: 3 })[0]).toBe(true);
    expect(compare({ file: 'abc', bytes: 3 }, { file: 'abd', bytes: 3 })[0]).toBe(false);
  });
  it('unwraps a single-field response model and streams of events', () => {
    expect(compare({ output: 'x' }, 'x')).toEqual([true, 'single-field envelope']);
    expect(compare([{ output: 'a' }, { output: 'b' }], ['a', 'b'])).toEqual([true, 'stream of single-field events']);
    expect(compare(['data: {"output": "a"}\n\n', 'data: {"output": "b"}\n\n'], ['a', 'b'])).toEqual([true, 'server-sent events']);
    expect(compare('ab', ['a', 'b'])).toEqual([true, 'concatenated stream']);
    expect(compare({ output: 'ab' }, ['a', 'b'])).toEqual([true, 'envelope of concatenated stream']);
  });
  it('does not unwrap an envelope around a different value', () => {
    expect(compare({ output: 'y' }, 'x')).toEqual([false, 'different']);
    expect(compare({ a: 1, b: 2 }, 1)).toEqual([false, 'different']);
  });
});

// The invalid request the platform's own validation must refuse with 422.
function invalid(schema: unknown, valid: Record<string, unknown>): unknown {
  const code = 'import json, sys, driver; s, v = json.load(sys.stdin); print(json.dumps(driver.invalid_request(s, {}, v)))';
  return JSON.parse(execFileSync('python3', ['-c', code], { cwd: dirname(driverPath()), input: JSON.stringify([schema, valid]), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }));
}

describe('smoke driver invalid_request', () => {
  it('breaks the type of the first required input, keeping the other valid values', () => {
    const schema = { required: ['steps'], properties: { prompt: { type: 'string' }, steps: { type: 'integer' } } };
    expect(invalid(schema, { prompt: 'x', steps: 2 })).toEqual(['steps', { prompt: 'x', steps: 'not a number' }]);
  });
  it('sends a value outside the choices of an enum, and a number for a string', () => {
    expect(invalid({ properties: { mode: { enum: ['a', 'b'], type: 'string' } } }, {})).toEqual(['mode', { mode: 'cog-migrate-not-a-choice' }]);
    expect(invalid({ properties: { text: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }, {})).toEqual(['text', { text: 12345 }]);
  });
  it('has nothing to break in a model without typed inputs', () => {
    expect(invalid({ properties: { extra: {} } }, {})).toBeNull();
  });
});
