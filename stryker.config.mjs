// The mutation run (docs/testing.md, "Mutation testing"): Stryker plants small bugs in the
// modules that guard output (quoting, safe writing, the Dockerfile generator and pruner, the
// container build) and counts how many the tests catch. Slow (well over an hour on 2 cores), so it
// is not part of CI: run it with `npm run mutation` and record the score in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/quote/**/*.ts',
    'src/fs/**/*.ts',
    'src/dockerfile/**/*.ts',
    'src/verify/build/**/*.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level constants (tables, regex lists) would rerun every test for each mutant; the
  // tests of the functions reading them cover what they say.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'json'],
  // TypeScript 7 has no JavaScript API; Stryker would parse tsconfig.json with it. Nothing in the
  // sandbox needs that rewrite (tsconfig.json extends nothing outside it), so point it nowhere.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  // .cache (the shared venvs) is a symlink Stryker cannot copy; test/helpers/mutation-sandbox.ts
  // links it into the sandbox instead. The JSON report lands in reports/mutation/.
  ignorePatterns: ['/.cache', '/dist', '/out'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
