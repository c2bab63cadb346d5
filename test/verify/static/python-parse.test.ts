import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPythonParses } from '../../../src/verify/static/python-parse.js';
import { parseStep } from '../../../src/verify/static/index.js';

describe('checkPythonParses', () => {
  it('passes valid files and reports the line of a syntax error (CM501)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-py-'));
    writeFileSync(join(dir, 'ok.py'), 'def f(x: int) -> int:\n    return x\n');
    writeFileSync(join(dir, 'bad.py'), 'x = 1\ndef f(:\n    pass\n');
    const f = await checkPythonParses([['ok.py', join(dir, 'ok.py')], ['bad.py', join(dir, 'bad.py')]]);
    expect(f.map((x) => [x.code, x.file, x.line])).toEqual([['CM501', 'bad.py', 2]]);
  });

  it('reports CM503 when there is no python to ask', async () => {
    const f = await checkPythonParses([['a.py', '/nonexistent/a.py']], '/nonexistent/python3');
    expect(f[0]?.code).toBe('CM503');
  });

  it('parseStep walks subfolders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-py-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'm.py'), 'class\n');
    expect((await parseStep(dir)).map((x) => x.file)).toEqual(['pkg/m.py']);
  });
});

describe('a syntax error in a local module nothing resolves a name in', () => {
  it('is not a reading finding, and verify --level static reports it in the converted output (CM501)', async () => {
    const { convert } = await import('../../../src/convert/index.js');
    const { targetByName } = await import('../../../src/cli/targets.js');
    const { tempProject } = await import('../../frontends/cog/predictor/helpers.js');
    const root = tempProject({
      'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n',
      'predict.py': 'from cog import BasePredictor\nimport broken\nclass Predictor(BasePredictor):\n    def predict(self) -> str:\n        return ""\n',
      'broken.py': 'x = 1\ndef f(:\n',
    });
    const result = convert(root, targetByName('fal'), {});
    expect(result.status).toBe('converted');
    expect(result.findings.map((f) => f.code)).not.toContain('CM220');
    if (result.status !== 'converted') return;
    const { writeOutput } = await import('../../../src/fs/write-output.js');
    const out = join(mkdtempSync(join(tmpdir(), 'cm-py-out-')), 'out');
    expect(writeOutput(out, result.files)).toMatchObject({ ok: true });
    expect((await parseStep(out)).map((x) => [x.code, x.file, x.line])).toEqual([['CM501', 'broken.py', 2]]);
  });
});
