// verify's first-use install of its pinned npm tools (src/verify/node-tools/install.ts) with a
// fake npm on PATH: where the set goes, that npm runs once (also for two installs at once), that
// nothing runs at install time, and that a failed or missing npm leaves nothing half-made and says
// what to run by hand (CM507).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_TOOL_SETS, cachedToolSet, holdsToolSet, installToolSet, nodeToolPath, toolSetDir } from '../../../src/verify/node-tools/index.js';
import { packageRoot } from '../../../src/util/package-root.js';

const work = mkdtempSync(join(tmpdir(), 'cogm-node-tools-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm as far as verify uses it: `npm install --prefix DIR ...` installs DIR/package.json's
// dependencies. FAKE_NPM_FAIL: half an install, then npm's offline error; FAKE_NPM_VERSION: every
// package at that version; FAKE_NPM_SLEEP: seconds before finishing; each call is logged.
const fakeBin = join(work, 'bin');
mkdirSync(fakeBin);
writeFileSync(join(fakeBin, 'npm'), `#!/usr/bin/env bash
echo "$*" >> "$FAKE_NPM_LOG"
prefix=""
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done
[ -n "\${FAKE_NPM_SLEEP:-}" ] && sleep "$FAKE_NPM_SLEEP"
exec node -e '
  const fs = require("fs"), path = require("path");
  const [prefix] = process.argv.slice(1);
  const deps = Object.entries(JSON.parse(fs.readFileSync(path.join(prefix, "package.json"), "utf8")).dependencies);
  for (const [i, [name, version]] of deps.entries()) {
    if (process.env.FAKE_NPM_FAIL && i > 0) break;
    fs.mkdirSync(path.join(prefix, "node_modules", name), { recursive: true });
    fs.writeFileSync(path.join(prefix, "node_modules", name, "package.json"), JSON.stringify({ name, version: process.env.FAKE_NPM_VERSION || version }));
  }
  if (process.env.FAKE_NPM_FAIL) {
    process.stderr.write("npm error code ENOTCACHED\\nnpm error request to https://registry.npmjs.org/wrangler failed: cache mode is only-if-cached\\n");
    process.exit(1);
  }
' "$prefix"
`);
chmodSync(join(fakeBin, 'npm'), 0o755);

let cases = 0;
/** A fresh cache folder and log, and the environment that puts the fake npm first on PATH. */
function setup(extra: Record<string, string> = {}) {
  const dir = join(work, `case-${++cases}`);
  const cacheRoot = join(dir, 'node-tools');
  const log = join(dir, 'npm.log');
  mkdirSync(dir);
  writeFileSync(log, '');
  const env = { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, FAKE_NPM_LOG: log, ...extra };
  const calls = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { cacheRoot, env, calls };
}

describe('installToolSet', () => {
  it('installs the pinned set once into <cache>/<set>-<hash>, with install scripts off, and reuses it', async () => {
    const { cacheRoot, env, calls } = setup();
    const r = await installToolSet('cloudflare', { cacheRoot, env });
    const dir = toolSetDir('cloudflare', cacheRoot);
    expect(r).toEqual({ nodeModules: join(dir, 'node_modules') });
    expect(basename(dir)).toMatch(/^cloudflare-[0-9a-f]{16}$/);
    expect(holdsToolSet(r.nodeModules!, 'cloudflare')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual(NODE_TOOL_SETS.cloudflare);
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatch(/^install --prefix \S+ --ignore-scripts --include=optional --no-audit --no-fund /);
    // Only the finished set is left: no lock, no temporary folder.
    expect(readdirSync(cacheRoot)).toEqual([basename(dir)]);
    expect(await installToolSet('cloudflare', { cacheRoot, env })).toEqual(r);
    expect(calls()).toHaveLength(1);
  });

  it('another pin set (another set, or changed pins) is another folder', () => {
    expect(toolSetDir('pyright', '/c')).not.toBe(toolSetDir('cloudflare', '/c'));
    expect(toolSetDir('pyright', '/c')).toMatch(/^\/c\/pyright-[0-9a-f]{16}$/);
  });

  it('two installs at once run npm once: the second waits on the lock and finds the set', async () => {
    const { cacheRoot, env, calls } = setup({ FAKE_NPM_SLEEP: '1' });
    // installToolSet, not cachedToolSet: the lock file, not the in-thread sharing, is under test.
    const [a, b] = await Promise.all([installToolSet('pyright', { cacheRoot, env }), installToolSet('pyright', { cacheRoot, env })]);
    expect(a.nodeModules).toBeDefined();
    expect(b).toEqual(a);
    expect(calls()).toHaveLength(1);
  });

  it('takes over a lock whose holder is gone, and removes the leftovers of a killed install', async () => {
    const { cacheRoot, env, calls } = setup();
    mkdirSync(cacheRoot, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(cacheRoot, '.pyright.lock'), String(dead));
    const leftover = join(cacheRoot, `.${basename(toolSetDir('pyright', cacheRoot))}.tmp-killed`);
    mkdirSync(join(leftover, 'node_modules'), { recursive: true });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, old, old);
    const r = await installToolSet('pyright', { cacheRoot, env });
    expect(r.nodeModules).toBeDefined();
    expect(calls()).toHaveLength(1);
    expect(readdirSync(cacheRoot)).toEqual([basename(toolSetDir('pyright', cacheRoot))]);
  });

  it('waits while another live process holds the lock, and installs once it lets go', async () => {
    const { cacheRoot, env, calls } = setup();
    mkdirSync(cacheRoot, { recursive: true });
    const holder = spawn('sleep', ['30']);
    const lock = join(cacheRoot, '.pyright.lock');
    writeFileSync(lock, String(holder.pid));
    try {
      const pending = installToolSet('pyright', { cacheRoot, env });
      await sleep(1200);
      expect(calls()).toHaveLength(0);
      rmSync(lock);
      expect((await pending).nodeModules).toBeDefined();
      expect(calls()).toHaveLength(1);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a failed npm (offline) leaves nothing half-made and gives CM507 with npm\'s error and the command to run', async () => {
    const { cacheRoot, env } = setup({ FAKE_NPM_FAIL: '1' });
    const r = await installToolSet('cloudflare', { cacheRoot, env, skipped: 'the Worker was not checked' });
    expect(r.nodeModules).toBeUndefined();
    expect(r.finding).toMatchObject({ code: 'CM507', severity: 'warning' });
    expect(r.finding!.message).toContain('npm error code ENOTCACHED');
    expect(r.finding!.message).toMatch(/: the Worker was not checked$/);
    const dir = toolSetDir('cloudflare', cacheRoot);
    expect(r.finding!.hint).toContain(`npm install --prefix "${dir}" --ignore-scripts --no-audit --no-fund typescript@${NODE_TOOL_SETS.cloudflare.typescript} `);
    expect(readdirSync(cacheRoot)).toEqual([]);
  });

  it('an install that does not hold the pins is refused, not kept', async () => {
    const { cacheRoot, env } = setup({ FAKE_NPM_VERSION: '0.0.1' });
    const r = await installToolSet('pyright', { cacheRoot, env });
    expect(r.finding?.message).toContain('not every package is there at its pinned version');
    expect(readdirSync(cacheRoot)).toEqual([]);
  });

  it('the command run by hand (into the folder the hint names) is what verify then finds', async () => {
    const { cacheRoot, env, calls } = setup();
    const dir = toolSetDir('pyright', cacheRoot);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: NODE_TOOL_SETS.pyright }));
    execFileSync('npm', ['install', '--prefix', dir], { env });
    expect(calls()).toHaveLength(1);
    expect(await installToolSet('pyright', { cacheRoot, env })).toEqual({ nodeModules: join(dir, 'node_modules') });
    expect(calls()).toHaveLength(1);
  });

  it('no npm on PATH: CM507 says so', async () => {
    const { cacheRoot } = setup();
    const r = await installToolSet('pyright', { cacheRoot, env: { ...process.env, PATH: join(work, 'empty') } });
    expect(r.finding?.message).toContain('npm was not found on PATH');
    expect(existsSync(toolSetDir('pyright', cacheRoot))).toBe(false);
  });

  it('cachedToolSet shares one install between callers of one thread', async () => {
    const { cacheRoot, env, calls } = setup({ FAKE_NPM_SLEEP: '1' });
    const [a, b] = await Promise.all([cachedToolSet('pyright', { cacheRoot, env }), cachedToolSet('pyright', { cacheRoot, env })]);
    expect(b).toEqual(a);
    expect(calls()).toHaveLength(1);
  });
});

describe('nodeToolPath', () => {
  it('takes a tool beside cog-migrate (the checkout\'s devDependency) without installing', async () => {
    expect(await nodeToolPath('pyright', 'pyright/index.js', { cacheRoot: join(work, 'unused'), env: { PATH: join(work, 'empty') } })).toEqual({ path: join(packageRoot(), 'node_modules', 'pyright', 'index.js') });
    expect(existsSync(join(work, 'unused'))).toBe(false);
  });
});
