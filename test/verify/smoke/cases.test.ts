import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCases, smokeCases } from '../../../src/verify/smoke/cases.js';
import type { TestCaseData } from '../../../src/model-tests/index.js';

const kase = (id: string, checker: Record<string, string>, inputs: Record<string, unknown> = {}): TestCaseData =>
  ({ id, variant: null, role: 'predict', inputs: inputs as TestCaseData['inputs'], checker, timeout: 60, source: 'cog-safe-push.yaml:7' });

function outputWith(cases: TestCaseData[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-cases-'));
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'tests', 'cases.json'), JSON.stringify({ app: 'm', cases }));
  return dir;
}

describe('smokeCases', () => {
  it('runs the offline checkers and leaves network and judgement cases to the deployed tests (CM545 at their line)', () => {
    const dir = outputWith([
      kase('predict-1', { kind: 'exact_string', expected: 'x' }),
      kase('predict-2', { kind: 'match_url', url: 'https://example.com/a.png' }),
      kase('predict-3', { kind: 'jq_query', query: '.a' }, { image: 'https://example.com/in.png' }),
      kase('predict-4', { kind: 'match_prompt', prompt: 'a cat' }),
      kase('predict-5', { kind: 'succeeds' }),
    ]);
    const r = smokeCases(dir);
    expect(r.run.map((c) => c.id)).toEqual(['predict-1', 'predict-5']);
    expect(r.findings.map((f) => [f.code, f.severity, f.file, f.line])).toEqual([
      ['CM545', 'info', 'cog-safe-push.yaml', 7], ['CM545', 'info', 'cog-safe-push.yaml', 7], ['CM545', 'info', 'cog-safe-push.yaml', 7],
    ]);
    expect(r.findings.map((f) => f.message)).toEqual([
      'test case predict-2 is not run locally: its match_url checker needs the network',
      'test case predict-3 is not run locally: an input is an http(s) URL (the smoke run is offline)',
      'test case predict-4 is not run locally: its match_prompt checker needs a person',
    ]);
  });

  it('has nothing to run for an output without test cases', () => {
    expect(smokeCases(mkdtempSync(join(tmpdir(), 'cm-none-')))).toEqual({ run: [], findings: [] });
  });
});

describe('checkCases (the checkers of runtime/model_tests/checks.py, jq through libjq)', () => {
  const cases = [
    kase('predict-1', { kind: 'exact_string', expected: 'echo: hello' }),
    kase('predict-2', { kind: 'jq_query', query: '.length == 11' }),
    kase('predict-3', { kind: 'error_contains', expected: 'refusing' }),
  ];

  it('passes outputs that satisfy their checkers', async () => {
    const r = await checkCases(cases, [
      { id: 'predict-1', output: 'echo: hello', error: null },
      { id: 'predict-2', output: '{"length": 11}', error: null },
      { id: 'predict-3', output: null, error: 'HTTP 500: ValueError: refusing on purpose' },
    ]);
    expect(r.findings).toEqual([]);
    expect([...r.passed]).toEqual([['predict-1', true], ['predict-2', true], ['predict-3', true]]);
  }, 120_000);

  it('fails each checker on a wrong result, with CM544 at the case line', async () => {
    const r = await checkCases(cases, [
      { id: 'predict-1', output: 'echo: hullo', error: null },
      { id: 'predict-2', output: '{"length": 12}', error: null },
      { id: 'predict-3', output: 'fine', error: null },
    ]);
    expect(r.findings.map((f) => [f.code, f.file, f.line])).toEqual([['CM544', 'cog-safe-push.yaml', 7], ['CM544', 'cog-safe-push.yaml', 7], ['CM544', 'cog-safe-push.yaml', 7]]);
    expect(r.findings.map((f) => f.message)).toEqual([
      "test case predict-1 (exact_string) fails on the local smoke run: Expected 'echo: hello', got 'echo: hullo'",
      "test case predict-2 (jq_query) fails on the local smoke run: jq query '.length == 11' returned False for {'length': 12}",
      'test case predict-3 (error_contains) fails on the local smoke run: Expected an error, but the prediction succeeded',
    ]);
    expect([...r.passed.values()]).toEqual([false, false, false]);
  }, 120_000);
});
