// Bad input from issue #3: each case gives a clear finding with file and line, exit code 1 or 2,
// never a stack trace, and nothing written.
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const COG = 'predict: "predict.py:Predictor"\n';

interface Case {
  name: string;
  files: () => string;
  code: string;
  /** A regular expression for the file the finding names. */
  file: string;
  line?: boolean;
}

const cases: Case[] = [
  { name: 'a missing cog.yaml', files: () => tempProject({ 'predict.py': MINIMAL_PREDICTOR }), code: 'CM001', file: 'cog.yaml' },
  { name: 'a YAML syntax error', files: () => tempProject({ 'cog.yaml': 'build:\n  gpu: true\n python_version: "3.11"\n  - x: [\n', 'predict.py': MINIMAL_PREDICTOR }), code: 'CM1', file: 'cog.yaml', line: true },
  {
    name: 'a YAML alias bomb',
    files: () => {
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const prev = String.fromCharCode(96 + i);
        const cur = String.fromCharCode(97 + i);
        lines.push(`${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
      }
      lines.push('predict: "predict.py:Predictor"');
      return tempProject({ 'cog.yaml': lines.join('\n') + '\n', 'predict.py': MINIMAL_PREDICTOR });
    },
    code: 'CM1',
    file: 'cog.yaml',
  },
  { name: 'a predictor path outside the project', files: () => tempProject({ 'cog.yaml': 'predict: "../x.py:Predictor"\n' }), code: 'CM2', file: 'cog.yaml', line: true },
  {
    name: 'a predictor that is a symlink leaving the project',
    files: () => {
      const outside = join(mkdtempSync(join(tmpdir(), 'cogm-out-')), 'x.py');
      writeFileSync(outside, MINIMAL_PREDICTOR);
      const dir = tempProject({ 'cog.yaml': COG });
      symlinkSync(outside, join(dir, 'predict.py'));
      return dir;
    },
    code: 'CM2',
    file: 'cog.yaml',
    line: true,
  },
  { name: 'a binary predict.py', files: () => tempProject({ 'cog.yaml': COG, 'predict.py': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]) }), code: 'CM2', file: '(predict.py|cog.yaml)' },
  { name: 'a non-UTF-8 predict.py', files: () => tempProject({ 'cog.yaml': COG, 'predict.py': Buffer.from('# caf\xe9\n' + MINIMAL_PREDICTOR, 'latin1') }), code: 'CM2', file: '(predict.py|cog.yaml)' },
  { name: 'a Python syntax error', files: () => tempProject({ 'cog.yaml': COG, 'predict.py': 'from cog import BasePredictor\n\nclass Predictor(BasePredictor)\n    def predict(self) -> str:\n        return "x"\n' }), code: 'CM2', file: 'predict.py', line: true },
  { name: 'a missing class', files: () => tempProject({ 'cog.yaml': 'predict: "predict.py:Nope"\n', 'predict.py': MINIMAL_PREDICTOR }), code: 'CM2', file: '(predict.py|cog.yaml)' },
  {
    name: 'a 5 MB predict.py whose class is missing',
    files: () => tempProject({ 'cog.yaml': 'predict: "predict.py:Missing"\n', 'predict.py': MINIMAL_PREDICTOR + 'x = 1\n'.repeat(900_000) }),
    code: 'CM2',
    file: '(predict.py|cog.yaml)',
  },
];

describe('bad input', () => {
  for (const c of cases) {
    it(`${c.name}: finding ${c.code}.. in ${c.file}, exit 1 or 2, no stack trace, nothing written`, async () => {
      const dir = c.files();
      const out = join(mkdtempSync(join(tmpdir(), 'cogm-o-')), 'out');
      const r = await cli(dir, '--to', 'fal', '--out', out);
      expect([1, 2]).toContain(r.code);
      expect(r.stderr).toMatch(new RegExp(`${c.file}(:\\d+)?(:\\d+)?: error ${c.code}`));
      if (c.line) expect(r.stderr).toMatch(new RegExp(`${c.file}:\\d+`));
      expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      expect(existsSync(out)).toBe(false);
      const inspect = await cli('inspect', dir);
      expect([1, 2]).toContain(inspect.code);
    });
  }

  it('a missing cog.yaml points at a cog.yaml in a subfolder', async () => {
    const dir = tempProject({ 'README.md': 'x', 'cog/cog.yaml': COG, 'cog/predict.py': MINIMAL_PREDICTOR });
    const r = await cli('inspect', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CM001');
    expect(r.stderr).toContain(`Did you mean ${join(dir, 'cog')}?`);
  });

  it('a 5 MB predictor that is valid still converts', async () => {
    const dir = tempProject({ 'cog.yaml': COG, 'predict.py': MINIMAL_PREDICTOR + '\n' + '# filler line to make the file large\n'.repeat(140_000) });
    const r = await cli('inspect', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('text');
  });
});
