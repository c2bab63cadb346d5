// Prints `N passed, N failed` from vitest JSON reports. A report that is missing or executed no
// test counts as a failure, so a run that tested nothing cannot look green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let problems = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`count-results: ${file} is missing (that suite did not run)`);
    problems++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // Suites that failed to load report no tests; count them so they are not silent.
  for (const s of r.testResults ?? []) if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failed++;
  if ((r.numTotalTests ?? 0) === 0) {
    console.error(`count-results: ${file} executed no test`);
    problems++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems > 0 ? 1 : 0);
