// scripts/python-env.sh removes a venv of the old, unkeyed layout (.cache/pyenv/NAME, from before
// venvs were NAME-HASH of their pins) beside the one it is asked for, but never one in use: a
// build holding its old lock, or a process naming a file in it. The keyed venv is pre-made with
// its stamp (the script's own hash of the pins), so no pip install runs.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/util/package-root.js';
import { PYTHON_ENV_PINS, PYTHON_ENV_SCRIPT } from '../../src/verify/python-env.js';

const work = mkdtempSync(join(tmpdir(), 'cogm-pyenv-script-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGKILL');
});

// model-tests.txt includes no other file, so its stamp is the hash of the file alone.
const NAME = 'model-tests';
const stamp = createHash('sha256').update(readFileSync(packagePath(PYTHON_ENV_PINS[NAME]))).digest('hex').slice(0, 16);

let cases = 0;
/** A cache with the keyed venv ready and an old unkeyed one; returns the folders. */
function cache(): { cache: string; keyed: string; old: string } {
  const dir = join(work, `c${++cases}`);
  const keyed = join(dir, `${NAME}-${stamp}`);
  const old = join(dir, NAME);
  mkdirSync(join(keyed, 'bin'), { recursive: true });
  writeFileSync(join(keyed, '.stamp'), `${stamp}\n`);
  mkdirSync(join(old, 'bin'), { recursive: true });
  writeFileSync(join(old, 'pyvenv.cfg'), 'home = /usr/bin\n');
  return { cache: dir, keyed, old };
}

const run = (dir: string) => execFileSync('bash', [packagePath(PYTHON_ENV_SCRIPT), NAME], { env: { ...process.env, COG_MIGRATE_PYENV: dir }, encoding: 'utf8' }).trim();

/** A process that holds on until killed; `ready` once bash runs it. */
function background(args: string[]): Promise<void> {
  const p = spawn('bash', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  running.push(p);
  return new Promise((resolve) => p.stdout!.once('data', () => resolve()));
}

describe('python-env.sh and the unkeyed venvs of before', () => {
  it('removes the unkeyed sibling of the venv it serves, and nothing else', () => {
    const c = cache();
    const other = join(c.cache, 'fal');
    mkdirSync(other);
    writeFileSync(join(other, 'pyvenv.cfg'), '');
    expect(run(c.cache)).toBe(join(c.keyed, 'bin', 'python'));
    expect(existsSync(c.old)).toBe(false);
    expect(existsSync(c.keyed)).toBe(true);
    // Another name's folder is that name's business.
    expect(existsSync(other)).toBe(true);
  });

  it('keeps it while a process names a file in it', async () => {
    const c = cache();
    // `; :` keeps bash from exec'ing sleep, which would drop the argument.
    await background(['-c', 'echo up; sleep 60; :', join(c.old, 'bin', 'python')]);
    run(c.cache);
    expect(existsSync(c.old)).toBe(true);
  });

  it('keeps it while a build of the old script holds its lock', async () => {
    const c = cache();
    await background(['-c', `exec 9>"$0"; flock 9; echo up; sleep 60; :`, join(c.cache, `.${NAME}.lock`)]);
    run(c.cache);
    expect(existsSync(c.old)).toBe(true);
  });

  it('keeps a folder that is not a venv', () => {
    const c = cache();
    rmSync(join(c.old, 'pyvenv.cfg'));
    run(c.cache);
    expect(existsSync(c.old)).toBe(true);
  });
});
