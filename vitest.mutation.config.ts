import { defineConfig } from 'vitest/config';

// The suites the mutation run (stryker.config.mjs, `npm run mutation`) holds the mutated modules
// against: the tests that mirror src/quote, src/fs, src/dockerfile and src/verify/build, the
// goldens (every fixture's pruned Dockerfile). Cog's own generator (test/dockerfile/oracle.test.ts)
// is left out: 35 s a run, times every generator mutant; cog-cases.test.ts holds its answers.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/mutation-sandbox.ts'],
    include: [
      'test/quote/**/*.test.ts',
      'test/fs/**/*.test.ts',
      'test/dockerfile/**/*.test.ts',
      'test/verify/build/**/*.test.ts',
      'test/golden.test.ts',
    ],
    exclude: ['test/docker/**', 'node_modules/**', 'test/dockerfile/oracle.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
