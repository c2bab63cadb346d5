// The pinned Python environments verify checks emitted code in (the platform SDKs for pyright,
// the test cases' checkers): built by scripts/python-env.sh from test/python-env/<name>.txt. Both
// ship in the npm package (package.json "files"; test/cli/package-install.test.ts checks every
// file listed here), so `verify` works from an install as from a checkout.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packagePath, packageRoot } from '../util/package-root.js';

/** The script that builds (once) a pinned venv and prints its python, relative to the package root. */
export const PYTHON_ENV_SCRIPT = 'scripts/python-env.sh';

/**
 * Package-root-relative files verify reads to build its venvs: the script, the pin sets it is
 * called with (fal, modal: the SDKs; model-tests: the cases' checkers) and the files they `-r`.
 */
export const PYTHON_ENV_FILES = [
  PYTHON_ENV_SCRIPT,
  'test/python-env/fal.txt',
  'test/python-env/modal.txt',
  'test/python-env/model-tests.txt',
  'src/verify/targets/modal/modal-client.txt',
  'runtime/requirements/web.txt',
] as const;

/**
 * Where the venvs live: $COG_MIGRATE_CACHE/pyenv when set; in a git checkout its .cache/pyenv
 * (tests, CI and worktrees share it); else, for an installed package whose folder may be
 * read-only, the user's cache: $XDG_CACHE_HOME/cog-migrate/pyenv (default ~/.cache/...).
 */
export function pyenvCacheDir(env: NodeJS.ProcessEnv = process.env, root: string = packageRoot()): string {
  if (env.COG_MIGRATE_CACHE) return join(env.COG_MIGRATE_CACHE, 'pyenv');
  if (existsSync(join(root, '.git'))) return join(root, '.cache', 'pyenv');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cog-migrate', 'pyenv');
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
