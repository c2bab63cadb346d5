// The model's own tests, carried over from its cog-safe-push config: every target that declares
// `modelTests` gets tests/ with the cases as data (cases.json), the checkers (checks.py, the
// same for every platform) and the platform's test file, all taken from runtime/model_tests.

import type { CogIR } from '../ir/types.js';
import type { EmittedFile } from '../target/types.js';
import { modelTestsFile } from '../runtime/index.js';
import { testSuite } from './cases.js';

export { testSuite, offlineCases, type TestCaseData, type TestSuiteData } from './cases.js';

/** How a target runs the carried-over tests. */
export interface ModelTestsSpec {
  /**
   * pytest (default): checks.py, the test file and requirements.txt; vitest (Cloudflare, whose
   * tools are npm's): the TypeScript test file of runtime/model_tests/vitest/ with its
   * package.json and tsconfig.json, `requirements` unused.
   */
  runner?: 'pytest' | 'vitest';
  /** The platform's test file in runtime/model_tests (e.g. `test_fal.py`, `vitest/model.test.ts`). */
  testFile: string;
  /** tests/requirements.txt lines: the test runner, the platform's client, the checkers' needs. */
  requirements: readonly string[];
  /** The command MIGRATION.md gives, run in the output folder. */
  command: string;
  /** For tests over HTTP: the environment variable that holds the deployed URL. */
  urlEnv?: string;
}

export const TESTS_DIR = 'tests';

/** tests/ for `spec`, or nothing when the model has no cog-safe-push test cases. */
export function modelTestFiles(ir: CogIR, spec: ModelTestsSpec, app: string): EmittedFile[] {
  const suite = testSuite(ir, app, spec.urlEnv);
  if (!suite) return [];
  const cases = { path: `${TESTS_DIR}/cases.json`, text: JSON.stringify(suite, null, 2) + '\n' };
  if (spec.runner === 'vitest') {
    const name = (rel: string) => `${TESTS_DIR}/${rel.split('/').pop()!}`;
    return [cases, ...[spec.testFile, 'vitest/package.json', 'vitest/tsconfig.json'].map((rel) => modelTestsFile(rel, name(rel)))];
  }
  return [
    cases,
    modelTestsFile('checks.py', `${TESTS_DIR}/checks.py`),
    modelTestsFile(spec.testFile, `${TESTS_DIR}/${spec.testFile}`),
    { path: `${TESTS_DIR}/requirements.txt`, text: spec.requirements.join('\n') + '\n' },
  ];
}
