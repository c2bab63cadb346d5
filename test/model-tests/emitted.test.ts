// The tests a conversion emits from cog-safe-push.yaml, under the real pytest and fal_client:
// they collect one test per case, skip with a message that says what to set when no app is
// named, and runtime/model_tests type-checks with pyright against those packages.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/convert/index.js';
import { writeOutput } from '../../src/fs/write-output.js';
import { falTarget } from '../../targets/fal/index.js';
import { runtimeDir } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/safe-push-all-checkers/input');
let python = '';
let out = '';

beforeAll(() => {
  python = pythonEnv('model-tests');
  const result = convert(FIXTURE, falTarget, falTarget.parseOptions({}));
  if (result.status !== 'converted') throw new Error('fixture did not convert');
  out = join(mkdtempSync(join(tmpdir(), 'cogm-model-tests-')), 'out');
  const written = writeOutput(out, result.files, { force: false });
  if (!written.ok) throw new Error('could not write the output');
});

function pytest(...args: string[]) {
  const env = { ...process.env };
  delete env.FAL_APP_ID;
  return spawnSync(python, ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], { cwd: out, encoding: 'utf8', env });
}

describe('emitted fal tests', () => {
  it('collect one pytest case per cog-safe-push test case, named by role and number', () => {
    const r = pytest('--collect-only', '-q', 'tests/');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const ids = r.stdout.split('\n').filter((l) => l.includes('::'));
    expect(ids).toEqual([
      'tests/test_fal.py::test_case[predict-1]', 'tests/test_fal.py::test_case[predict-2]', 'tests/test_fal.py::test_case[predict-3]',
      'tests/test_fal.py::test_case[predict-4]', 'tests/test_fal.py::test_case[predict-5]', 'tests/test_fal.py::test_case[predict-6]',
      'tests/test_fal.py::test_case[train-1]',
    ]);
  });

  it('skip, saying to set FAL_APP_ID, when no deployed app is named (no network, no account)', () => {
    const r = pytest('-q', '-rs', 'tests/');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('7 skipped');
    expect(r.stdout).toContain('set FAL_APP_ID to the deployed app');
  });

  it('runtime/model_tests has no pyright errors against pytest, jq, Pillow and fal_client', () => {
    const pyright = fileURLToPath(new URL('../../node_modules/pyright/index.js', import.meta.url));
    let text: string;
    try {
      text = execFileSync(process.execPath, [pyright, '--outputjson', '--pythonpath', python, join(runtimeDir(), 'model_tests')], { encoding: 'utf8', timeout: 300_000 });
    } catch (e) {
      text = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(text) as { generalDiagnostics: { severity: string; file: string; message: string; range: { start: { line: number } } }[] };
    const errors = report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line + 1}: ${d.message}`);
    expect(errors).toEqual([]);
  });
});
