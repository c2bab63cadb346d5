import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCases, cogApiResults, judgeCases, smokeCases } from '../../../src/verify/smoke/cases.js';
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

describe("cogApiResults: raw answers of Cog's HTTP API read as the emitted tests read them", () => {
  const cases = [
    kase('predict-1', { kind: 'exact_string', expected: 'echo: hello' }),
    kase('predict-2', { kind: 'error_contains', expected: 'refusing' }),
    kase('predict-3', { kind: 'error_contains', expected: 'greater than or equal' }),
    { ...kase('train-1', { kind: 'jq_query', query: '.steps == 3' }), role: 'train' as const },
  ];
  const answers = [
    { id: 'predict-1', status: 200, text: JSON.stringify({ status: 'succeeded', output: 'echo: hello' }) },
    { id: 'predict-2', status: 200, text: JSON.stringify({ status: 'failed', error: 'refusing on purpose: no' }) },
    { id: 'predict-3', status: 422, text: '{"detail":[{"msg":"Input should be greater than or equal to 1"}]}' },
    { id: 'train-1', status: 404, text: 'Not Found' },
  ];

  it('a succeeded prediction is its output; a failed one its error; a refused request its body; an unrouted train case CM545', () => {
    const r = cogApiResults(cases, answers);
    expect(r.results).toEqual([
      { id: 'predict-1', output: 'echo: hello', error: null, status: 200 },
      { id: 'predict-2', output: null, error: 'refusing on purpose: no', status: 200 },
      { id: 'predict-3', output: null, error: '{"detail":[{"msg":"Input should be greater than or equal to 1"}]}', status: 422 },
    ]);
    expect(r.findings.map((f) => [f.code, f.line, f.message])).toEqual([['CM545', 7, 'test case train-1 is not run locally: the app does not route /trainings']]);
  });

  it('judgeCases checks them with the shared checkers, and a wrong expectation fails', async () => {
    const good = await judgeCases(cases, { answers });
    expect(good.findings.map((f) => f.code)).toEqual(['CM545']);
    expect(good.record?.map((c) => [c.id, c.ok])).toEqual([['predict-1', true], ['predict-2', true], ['predict-3', true]]);
    const wrong = await judgeCases([{ ...cases[0]!, checker: { kind: 'exact_string', expected: 'echo: bye' } }], { answers: answers.slice(0, 1) });
    expect(wrong.findings.map((f) => [f.code, f.message])).toEqual([['CM544', "test case predict-1 (exact_string) fails on the local smoke run: Expected 'echo: bye', got 'echo: hello'"]]);
  }, 120_000);
});
