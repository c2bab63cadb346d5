// The rewritten Python imports under the real fal_client and modal from PyPI (pinned venvs,
// scripts/python-env.sh fal|modal) and passes pyright against them: keyword names, client
// classes and handle attributes are the SDKs' own. No network, no account: nothing is called.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWithPyright } from '../../src/verify/static/pyright.js';
import { listFiles } from '../helpers/golden.js';
import { pythonEnv } from '../helpers/python-env.js';
import { CLIENT_FIXTURES, clientCases } from './cases.js';

// A file whose rewrite keeps some Replicate calls (a model no --model names) still imports
// `replicate`, which the SDK venvs do not have: this stand-in lets such a module import. It is
// only ever imported, never called.
function replicateStandIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogm-replicate-standin-'));
  mkdirSync(join(dir, 'replicate'));
  writeFileSync(join(dir, 'replicate', '__init__.py'), 'class Client:\n    def __init__(self, api_token=None):\n        self.api_token = api_token\n\n\ndef run(*args, **kwargs):\n    raise RuntimeError("stand-in")\n');
  return dir;
}

const IMPORT_ALL = `
import importlib.util, sys
for path in sys.argv[1:]:
    spec = importlib.util.spec_from_file_location("rewritten_" + str(abs(hash(path))), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print("imported", path)
`;

describe('rewritten Python against the real SDKs', () => {
  const cases = clientCases();
  for (const env of ['fal', 'modal'] as const) {
    const dirs = cases.map((c) => join(c.dir, 'expected', env)).filter((d) => listFiles(d).some((f) => f.endsWith('.py')));

    it(`every ${env} golden .py imports under the real ${env === 'fal' ? 'fal_client' : 'modal'}`, () => {
      const python = pythonEnv(env);
      const files = dirs.flatMap((d) => listFiles(d).filter((f) => f.endsWith('.py')).map((f) => join(d, f)));
      expect(files.length).toBeGreaterThanOrEqual(2);
      const out = execFileSync(python, ['-c', IMPORT_ALL, ...files], {
        encoding: 'utf8', timeout: 120_000,
        env: { ...process.env, PYTHONPATH: replicateStandIn(), FAL_KEY: 'test-key', REPLICATE_API_TOKEN: 'r8_test' },
      });
      expect(out.trim().split('\n')).toHaveLength(files.length);
    }, 900_000);

    it(`every ${env} golden .py passes pyright against the real SDK`, async () => {
      const python = pythonEnv(env);
      const files = dirs.flatMap((d) => listFiles(d).filter((f) => f.endsWith('.py')).map((f) => relative(CLIENT_FIXTURES, join(d, f))));
      expect(await checkWithPyright(CLIENT_FIXTURES, files, python)).toEqual([]);
    }, 900_000);
  }

  it('can fail: pyright rejects a fal_client keyword that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogm-pyright-bad-'));
    writeFileSync(join(dir, 'bad.py'), 'import fal_client\n\nfal_client.subscribe("a/b", arguments={}, webhook_url="https://x")\n');
    const findings = await checkWithPyright(dir, ['bad.py'], pythonEnv('fal'));
    expect(findings.map((f) => f.code)).toContain('CM502');
  }, 900_000);
});
