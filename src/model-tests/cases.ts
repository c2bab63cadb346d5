// A model's cog-safe-push test cases as the data file (tests/cases.json) that the emitted tests
// of every target read. Data, not code: user values reach the tests only as JSON, parsed at
// run time, so nothing a config holds can become Python or TypeScript.

import type { CogIR, SafePushChecker, SafePushConfig, SafePushInputValue } from '../ir/types.js';

export interface TestCaseData {
  /** pytest/vitest id: `<variant>-predict-1`. */
  id: string;
  /** The cog-safe-push config variant, or null for cog-safe-push.yaml. */
  variant: string | null;
  role: 'predict' | 'train';
  inputs: Record<string, SafePushInputValue>;
  checker: Record<string, string>;
  /** Seconds: cog-safe-push's predict_timeout / train_timeout. */
  timeout: number;
  /** Where the case is written, for the failure message: `cog-safe-push.yaml:12`. */
  source: string;
}

export interface TestSuiteData {
  /** The app name on the target, for the messages that say what to set. */
  app: string;
  /** The environment variable holding the deployed app's URL, for tests that call it over HTTP. */
  urlEnv?: string;
  cases: TestCaseData[];
}

function checkerData(c: SafePushChecker): Record<string, string> {
  const { kind, ...rest } = c;
  return { kind, ...(rest as Record<string, string>) };
}

function casesOf(config: SafePushConfig): TestCaseData[] {
  const out: TestCaseData[] = [];
  for (const role of ['predict', 'train'] as const) {
    const phase = config[role];
    phase?.testCases.forEach((t, i) => {
      out.push({
        id: `${config.variant ? `${config.variant}-` : ''}${role}-${i + 1}`,
        variant: config.variant ?? null,
        role,
        inputs: Object.fromEntries(t.inputs.map((input) => [input.name, input.value])),
        checker: checkerData(t.checker),
        timeout: phase.timeout,
        source: `${t.loc.file}:${t.loc.line}`,
      });
    });
  }
  return out;
}

/** The suite for `app`, or undefined when the model has no test cases. */
export function testSuite(ir: CogIR, app: string, urlEnv?: string): TestSuiteData | undefined {
  const cases = (ir.safePush ?? []).flatMap(casesOf);
  return cases.length > 0 ? { app, ...(urlEnv ? { urlEnv } : {}), cases } : undefined;
}

/** Cases whose checker needs no network or person: what a local smoke run can check. */
export function offlineCases(suite: TestSuiteData): TestCaseData[] {
  return suite.cases.filter((c) => ['succeeds', 'exact_string', 'error_contains', 'jq_query'].includes(c.checker.kind ?? ''));
}
