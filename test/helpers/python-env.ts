import { execFileSync } from 'node:child_process';
import { packagePath } from '../../src/util/package-root.js';
import { PYTHON_ENV_SCRIPT, pyenvCacheDir } from '../../src/verify/python-env.js';

/**
 * Path of the python in the cached venv `name` (test/python-env/<name>.txt), created on first use,
 * in the folder verify itself uses (a checkout's .cache/pyenv unless COG_MIGRATE_CACHE is set).
 */
export function pythonEnv(name: string): string {
  const env = { ...process.env, COG_MIGRATE_PYENV: pyenvCacheDir() };
  return execFileSync('bash', [packagePath(PYTHON_ENV_SCRIPT), name], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 }).trim();
}
