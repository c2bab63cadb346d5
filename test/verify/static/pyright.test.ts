import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { checkWithPyright } from '../../../src/verify/static/pyright.js';
import { adapterFiles } from '../../../src/verify/static/index.js';

// Against the real, pinned fal SDK (test/python-env/fal.txt).
let python: string;
beforeAll(() => { python = pythonEnv('fal'); });

describe('checkWithPyright', () => {
  it('passes a correct fal adapter and reports SDK misuse as CM502 with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-pyright-'));
    writeFileSync(join(dir, 'predict.py'), 'import torch\n\nclass Predictor:\n    def predict(self, x: int) -> int:\n        return x\n');
    writeFileSync(join(dir, 'app.py'), [
      'import fal',
      'from pydantic import BaseModel',
      'from predict import Predictor',
      '',
      'class In(BaseModel):',
      '    x: int',
      '',
      'class MyApp(fal.App):',
      '    def setup(self) -> None:',
      '        self.p = Predictor()',
      '',
      '    @fal.endpoint("/")',
      '    def run(self, request: In) -> int:',
      '        return self.p.predict(request.x)',
      '',
    ].join('\n'));
    expect(adapterFiles(dir, ['app.py', 'predict.py'])).toEqual(['app.py']);
    expect(await checkWithPyright(dir, ['app.py'], python)).toEqual([]);
    writeFileSync(join(dir, 'app.py'), 'import fal\n\nx = fal.NoSuchThing\n');
    const f = await checkWithPyright(dir, ['app.py'], python);
    expect(f.map((x) => [x.code, x.file, x.line])).toEqual([['CM502', 'app.py', 3]]);
  });
});
