#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: type-check, the unit/golden/CLI suites, then
# the Docker suites against a real engine (started here; a failure to start fails the run).
# Ends with one line `N passed, N failed` counted from vitest's JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache
rm -f .cache/vitest-unit.json .cache/vitest-docker.json
status=0

echo "== type-check"
npx tsc -p tsconfig.test.json || status=1

echo "== chromium (report.html browser tests)"
bash scripts/chromium.sh || status=1

echo "== unit, golden and CLI suites"
npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest-unit.json || status=1

echo "== Docker engine"
if bash scripts/docker-engine.sh; then
  echo "== Docker suites (build and smoke verification)"
  npx vitest run --config vitest.docker.config.ts --reporter=default --reporter=json --outputFile.json=.cache/vitest-docker.json || status=1
else
  echo "FAILED: the Docker engine could not start; the build and smoke suites did not run" >&2
  status=1
fi

node scripts/count-results.mjs .cache/vitest-unit.json .cache/vitest-docker.json || status=1
exit $status
