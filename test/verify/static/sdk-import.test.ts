import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { checkSdkImport, localModules } from '../../../src/verify/static/sdk-import.js';

// Against the real, pinned fal SDK (test/python-env/fal.txt).
let python: string;
beforeAll(() => { python = pythonEnv('fal'); });

function project(app: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-sdk-import-'));
  writeFileSync(join(dir, 'app.py'), app);
  writeFileSync(join(dir, 'predict.py'), 'raise SystemExit("user code must not run on the host")\n');
  mkdirSync(join(dir, 'cog'));
  writeFileSync(join(dir, 'cog', '__init__.py'), '');
  return dir;
}

describe('checkSdkImport', () => {
  it('imports a generated app under the real fal SDK', async () => {
    const dir = project('import fal\n\nclass MyApp(fal.App):\n    machine_type = "S"\n');
    expect(localModules(dir)).toEqual(['app', 'predict']);
    expect(await checkSdkImport(dir, 'app.py', python)).toEqual([]);
  });

  it('reports an import-time error as CM506 with its line', async () => {
    const dir = project('import fal\n\nx = 1\nfal.no_such_function()\n');
    const f = await checkSdkImport(dir, 'app.py', python);
    expect(f.map((x) => [x.code, x.line])).toEqual([['CM506', 4]]);
  });

  it("never imports an adapter whose top level imports the user's modules", async () => {
    const dir = project('import fal\nfrom predict import Predictor\n');
    const f = await checkSdkImport(dir, 'app.py', python);
    expect(f.map((x) => [x.code, x.severity])).toEqual([['CM503', 'info']]);
    expect(f[0]?.message).toContain('predict');
  });
});
