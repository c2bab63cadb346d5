import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/python-env.sh', import.meta.url));

/** Path of the python in the cached venv `name` (test/python-env/<name>.txt), created on first use. */
export function pythonEnv(name: string): string {
  return execFileSync('bash', [script, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 }).trim();
}
