// The pinned Python environments verify checks emitted code in (the platform SDKs for pyright,
// the test cases' checkers): built by scripts/python-env.sh from test/python-env/<name>.txt. Both
// ship in the npm package (package.json "files"; test/cli/package-install.test.ts checks every
// file listed here), so `verify` works from an install as from a checkout.

import { execFile } from 'node:child_process';
import { packagePath, packageRoot } from '../util/package-root.js';
import { verifyCacheDir } from './cache-dir.js';

/** The script that builds (once) a pinned venv and prints its python, relative to the package root. */
export const PYTHON_ENV_SCRIPT = 'scripts/python-env.sh';

/**
 * The pin sets verify builds venvs from (fal, modal: the SDKs; model-tests: the cases' checkers),
 * package-root-relative; the script takes the name.
 */
export const PYTHON_ENV_PINS = {
  fal: 'test/python-env/fal.txt',
  modal: 'test/python-env/modal.txt',
  'model-tests': 'test/python-env/model-tests.txt',
} as const;

/** Package-root-relative files verify reads to build its venvs: the script, the pin sets and the files they `-r`. */
export const PYTHON_ENV_FILES = [
  PYTHON_ENV_SCRIPT,
  ...Object.values(PYTHON_ENV_PINS),
  'src/verify/targets/modal/modal-client.txt',
  'runtime/requirements/web.txt',
] as const;

/** Where the venvs live: verifyCacheDir's pyenv/ (src/verify/cache-dir.ts). */
export function pyenvCacheDir(env: NodeJS.ProcessEnv = process.env, root: string = packageRoot()): string {
  return verifyCacheDir('pyenv', env, root);
}

/** Builds (once) and returns the python of the venv `name` (test/python-env/<name>.txt), or why it is unavailable. */
export function pythonEnv(name: string): Promise<{ python?: string; problem?: string }> {
  const env = { ...process.env, COG_MIGRATE_PYENV: pyenvCacheDir() };
  return new Promise((resolve) => {
    execFile('bash', [packagePath(PYTHON_ENV_SCRIPT), name], { env, timeout: 900_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) resolve({ problem: `${PYTHON_ENV_SCRIPT} ${name} failed: ${(stderr.trim().split('\n').at(-1) ?? err.message)}` });
      else resolve({ python: stdout.trim() });
    });
  });
}
