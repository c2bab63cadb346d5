// The CLI as a real process: exit codes reach the shell, errors print no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cog-migrate as a process', () => {
  it('converts and exits 0', () => {
    const dir = tempProject({ 'cog.yaml': 'predict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR });
    const out = join(mkdtempSync(join(tmpdir(), 'cogm-proc-')), 'o');
    const r = run(dir, '--to', 'fal', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 1 with a finding and no stack trace on a broken project', () => {
    const dir = tempProject({ 'cog.yaml': 'predict: "predict.py:Missing"\n', 'predict.py': MINIMAL_PREDICTOR });
    const r = run('inspect', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error CM2\d\d/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', () => {
    expect(run('--to').code).toBe(2);
  });
});
