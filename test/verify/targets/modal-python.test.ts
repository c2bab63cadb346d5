// The Python verify runs for the Modal target uses the pinned modal client's own lifecycle
// functions (modal._runtime.user_code_imports, modal._partial_function): pyright against that
// client proves each name still exists with the signature used, so a modal upgrade that moves
// them fails here, not in a smoke run.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';

const DIR = fileURLToPath(new URL('../../../src/verify/targets/modal/', import.meta.url));
const FILES = ['cog_migrate_modal.py', 'serve.py', 'smoke.py'].map((f) => `${DIR}${f}`);

describe("verify's Modal runner", () => {
  it('has 0 pyright errors against the pinned modal client', () => {
    const pyright = fileURLToPath(new URL('../../../node_modules/pyright/index.js', import.meta.url));
    let out: string;
    try {
      out = execFileSync(process.execPath, [pyright, '--outputjson', '--pythonpath', pythonEnv('modal'), ...FILES], { encoding: 'utf8', timeout: 300_000 });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    const report = JSON.parse(out) as { generalDiagnostics: { message: string; severity: string }[]; summary: { filesAnalyzed: number } };
    expect(report.generalDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.summary.filesAnalyzed).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
