// Where verify keeps its pinned venvs (src/verify/python-env.ts), and that the files it builds
// them from are the ones package.json ships.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTHON_ENV_FILES, pyenvCacheDir } from '../../src/verify/python-env.js';
import { findInNodeModules, packageRoot } from '../../src/util/package-root.js';
import { PYRIGHT_ENTRY } from '../../src/verify/static/pyright.js';
import { TSC_ENTRY } from '../../src/verify/static/typescript.js';

describe('pyenvCacheDir', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'cogm-pyenv-'));
  const installed = mkdtempSync(join(tmpdir(), 'cogm-pyenv-'));
  mkdirSync(join(checkout, '.git'));

  it('COG_MIGRATE_CACHE overrides both', () => {
    expect(pyenvCacheDir({ COG_MIGRATE_CACHE: '/c', XDG_CACHE_HOME: '/x' }, checkout)).toBe('/c/pyenv');
    expect(pyenvCacheDir({ COG_MIGRATE_CACHE: '/c' }, installed)).toBe('/c/pyenv');
  });

  it('a git checkout keeps .cache/pyenv', () => {
    expect(pyenvCacheDir({ XDG_CACHE_HOME: '/x' }, checkout)).toBe(join(checkout, '.cache', 'pyenv'));
  });

  it('an installed package uses the user cache: $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(pyenvCacheDir({ XDG_CACHE_HOME: '/x' }, installed)).toBe('/x/cog-migrate/pyenv');
    expect(pyenvCacheDir({}, installed)).toBe(join(homedir(), '.cache', 'cog-migrate', 'pyenv'));
    rmSync(checkout, { recursive: true, force: true });
    rmSync(installed, { recursive: true, force: true });
  });
});

describe('the files verify builds its venvs from', () => {
  it('exist, and every `-r` include of a listed pin file is listed too', () => {
    for (const f of PYTHON_ENV_FILES) expect(existsSync(join(packageRoot(), f)), f).toBe(true);
    for (const f of PYTHON_ENV_FILES.filter((p) => p.endsWith('.txt'))) {
      for (const m of readFileSync(join(packageRoot(), f), 'utf8').matchAll(/^\s*-r\s+(\S+)/gm)) {
        const included = join(f, '..', m[1]!);
        expect(PYTHON_ENV_FILES as readonly string[], `${f} includes ${included}`).toContain(included);
      }
    }
  });

  it('pyright and tsc are found by module resolution in the checkout', () => {
    expect(findInNodeModules(PYRIGHT_ENTRY)).toBe(join(packageRoot(), 'node_modules', PYRIGHT_ENTRY));
    expect(findInNodeModules(TSC_ENTRY)).toBe(join(packageRoot(), 'node_modules', TSC_ENTRY));
    expect(findInNodeModules('no-such-package/index.js')).toBeUndefined();
  });
});
