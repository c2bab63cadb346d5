// The package as a user gets it: `npm pack` of this checkout (after `npm run build`), installed
// with npm into a new folder, offline, then `npx cog-migrate ...` there. Proves that package.json's
// `files` ship everything the CLI reads at run time (the bundle, runtime/, templates, assets),
// that the bundle finds them from node_modules/cog-migrate/, that the CLI needs no
// devDependency, and that verify takes the npm tools it runs (devDependencies) from its cache. Offline: the new folder's lockfile is this checkout's, minus its dev entries,
// so npm takes every package from the cache `npm ci` filled and asks no registry.
// Install scripts are skipped: the one native build the CLI loads that its package does not ship
// prebuilt (tree-sitter's binding; tree-sitter-python ships prebuilds) is the checkout's own
// build of the same version, copied in, instead of compiling it again with node-gyp (a minute of
// CPU that tests tree-sitter, not cog-migrate).

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, expectFixtureOutput, requireBundle } from '../helpers/built-cli.js';
import { PYTHON_ENV_FILES } from '../../src/verify/python-env.js';
import { NODE_TOOL_SETS, toolSetDir, type NodeToolSet } from '../../src/verify/node-tools/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const FIXTURE = 'path-in-path-out-pillow-grayscale';

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}

/** package.json and package-lock.json of a project depending only on the packed tarball. */
function installerProject(dir: string, tarball: string): void {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(dir, tarball))).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'try-cog-migrate', dependencies: { 'cog-migrate': spec } },
    'node_modules/cog-migrate': { version: pkg.version, resolved: spec, integrity, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  // The checkout's own dependencies sit at the same paths (node_modules/<name>) in the new folder.
  for (const [path, entry] of Object.entries(lock.packages)) if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-cog-migrate', private: true, dependencies: { 'cog-migrate': spec } }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'try-cog-migrate', lockfileVersion: 3, requires: true, packages }, null, 2));
}

describe('npm pack, npm install offline, npx cog-migrate', () => {
  let project = '';
  const offline = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const npx = (...args: string[]) => execFileSync('npx', ['--no-install', 'cog-migrate', ...args], { cwd: project, env: offline, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    requireBundle();
    project = mkdtempSync(join(tmpdir(), 'cogm-install-'));
    // --ignore-scripts: pack what `npm run build` built; `prepare` would build again.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: REPO, env: offline, encoding: 'utf8' })) as { filename: string }[];
    installerProject(project, packed[0]!.filename);
    execFileSync('npm', ['ci', '--ignore-scripts', '--loglevel=error'], { cwd: project, env: offline, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    copyNativeBuild('tree-sitter', 'tree_sitter_runtime_binding.node');
  });

  // About 70 MB of node_modules: not left in /tmp by every run.
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  /** The checkout's node-gyp build of `name` into the new folder's copy of the same version. */
  function copyNativeBuild(name: string, file: string): void {
    const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version(project), `${name} in the new folder is the checkout's version`).toBe(version(REPO));
    const built = join(REPO, 'node_modules', name, 'build', 'Release', file);
    expect(existsSync(built), `${built}: the checkout's npm ci builds it`).toBe(true);
    const release = join(project, 'node_modules', name, 'build', 'Release');
    mkdirSync(release, { recursive: true });
    copyFileSync(built, join(release, file));
  }

  it('--version', () => {
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(npx('--version')).toMatch(new RegExp(`^cog-migrate ${version.replace(/\./g, '\\.')} `));
  });

  it('inspect of the fixture the package ships (the README\'s first command)', () => {
    const shipped = join(project, 'node_modules', 'cog-migrate', 'fixtures', FIXTURE, 'input');
    expect(npx('inspect', shipped)).toContain(`${FIXTURE}  (cog.yaml: current format)`);
  });

  it('converts to fal exactly as the golden suite expects', () => {
    const out = join(project, 'grayscale-fal');
    npx(join(REPO, 'fixtures', FIXTURE, 'input'), '--to', 'fal', '--out', out);
    expectFixtureOutput(out, FIXTURE, 'fal');
  });

  it('the library (package.json main: tsc\'s dist/src) converts from the installed package too', () => {
    const script = `import { convert, falTarget } from 'cog-migrate';
      const r = convert(${JSON.stringify(join(REPO, 'fixtures', FIXTURE, 'input'))}, falTarget, falTarget.parseOptions({}));
      process.stdout.write(r.status + ' ' + r.files.some((f) => f.path === 'app.py'));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' })).toBe('converted true');
  });

  it('batch (its worker thread) and the report assets', () => {
    const out = join(project, 'batch-out');
    npx('batch', join(REPO, 'fixtures', FIXTURE), '--to', 'modal', '--out', out, '--jobs', '1', '--quiet');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<style');
    expectFixtureOutput(join(out, 'input', 'modal'), FIXTURE, 'modal');
  });

  describe('verify from the install', () => {
    /** `npx cog-migrate verify DIR` with `env` added: its exit status and all it printed. */
    const verify = (dir: string, env: Record<string, string>) => {
      const r = spawnSync('npx', ['--no-install', 'cog-migrate', 'verify', dir], { cwd: project, env: { ...offline, ...env }, encoding: 'utf8' });
      return { status: r.status, text: `${r.stdout}${r.stderr}` };
    };

    it('the package holds every file verify builds its venvs from', () => {
      for (const f of PYTHON_ENV_FILES) expect(existsSync(join(project, 'node_modules', 'cog-migrate', f)), f).toBe(true);
    });

    /**
     * A user cache (COG_MIGRATE_CACHE) holding what verify would put there on first use, taken
     * from this checkout so nothing is downloaded: the pinned npm tool `set` (the checkout's
     * devDependencies are those pins, test/verify/node-tools/pins.test.ts) and the SDK venvs
     * `venvs` (the tests' own, keyed by the same pins). Installing them is
     * test/verify/node-tools/install.test.ts's and python-env.sh's business.
     */
    function seededCache(name: string, set: NodeToolSet, venvs: string[]): string {
      const cache = join(project, name);
      const nodeModules = join(toolSetDir(set, join(cache, 'node-tools')), 'node_modules');
      for (const pkg of Object.keys(NODE_TOOL_SETS[set])) {
        mkdirSync(dirname(join(nodeModules, pkg)), { recursive: true });
        symlinkSync(join(REPO, 'node_modules', pkg), join(nodeModules, pkg), 'dir');
      }
      for (const venv of venvs) {
        const dir = dirname(dirname(pythonEnv(venv)));
        mkdirSync(join(cache, 'pyenv'), { recursive: true });
        symlinkSync(dir, join(cache, 'pyenv', basename(dir)), 'dir');
      }
      return cache;
    }

    it('the tools verify runs are not installed beside the package (devDependencies)', () => {
      for (const pkg of [...Object.keys(NODE_TOOL_SETS.pyright), ...Object.keys(NODE_TOOL_SETS.cloudflare)]) {
        expect(existsSync(join(project, 'node_modules', pkg)), pkg).toBe(false);
      }
    });

    it('fal: the adapter type-checks with pyright from the cache and the venv the shipped script finds there', () => {
      const out = join(project, 'verify-fal');
      npx(join(REPO, 'fixtures', FIXTURE, 'input'), '--to', 'fal', '--out', out);
      const r = verify(out, { COG_MIGRATE_CACHE: seededCache('cache-fal', 'pyright', ['fal']) });
      expect(r.status, r.text).toBe(0);
      expect(r.text).not.toMatch(/CM50[37]/);
      expect(r.text).toMatch(/typecheck\b.*\bok/);
      expect(r.text, 'the seeded set is used, not installed again').not.toContain('installing');
    });

    it('workers-ai: the Worker is checked with the Cloudflare tools from the cache', () => {
      const out = join(project, 'verify-workers-ai');
      npx(join(REPO, 'fixtures', FIXTURE, 'input'), '--to', 'workers-ai', '--out', out);
      const r = verify(out, { COG_MIGRATE_CACHE: seededCache('cache-workers-ai', 'cloudflare', []) });
      expect(r.status, r.text).toBe(0);
      expect(r.text).not.toMatch(/CM50[37]/);
      expect(r.text).toMatch(/typecheck\b.*\bok/);
      expect(r.text, 'the seeded set is used, not installed again').not.toContain('installing');
    });

    it('no tools anywhere and npm cannot fetch them: CM507 with the command to run, the other checks still run', () => {
      const out = join(project, 'verify-workers-ai');
      // Offline, and a registry npm's cache knows nothing of: npm fails at once, deterministically.
      const r = verify(out, { COG_MIGRATE_CACHE: join(project, 'cache-empty'), npm_config_registry: 'http://127.0.0.1:9/' });
      expect(r.status, r.text).toBe(0);
      expect(r.text).toMatch(/CM507: .*could not be installed into .*cache-empty\/node-tools\/cloudflare-[0-9a-f]{16}/);
      expect(r.text).toContain('npm install --prefix');
      expect(readdirSync(join(project, 'cache-empty', 'node-tools'))).toEqual([]);
    });
  });
});
