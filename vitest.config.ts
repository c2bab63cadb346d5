import { defineConfig } from 'vitest/config';

// Unit, golden and CLI suites. Docker-engine suites live in vitest.docker.config.ts so that a
// quick `npm test` runs on any machine; `npm run test:all` (what CI runs) runs both.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/docker/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
