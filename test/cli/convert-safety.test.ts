// Regressions from the security review of the first slice (review D1-D5, D7).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const COG = 'predict: "predict.py:Predictor"\n';
const project = (extra: Record<string, string> = {}) => tempProject({ 'cog.yaml': COG, 'predict.py': MINIMAL_PREDICTOR, ...extra });
const outDir = () => join(mkdtempSync(join(tmpdir(), 'cogm-safe-')), 'model-fal');

describe('conversion safety', () => {
  it('refuses an --out that is the project or above it, even with --force (CM016; review D1)', async () => {
    const dir = project();
    const parent = join(dir, '..');
    writeFileSync(join(parent, 'other-work.txt'), 'keep');
    for (const out of [dir, parent]) {
      const r = await cli(dir, '--to', 'fal', '--out', out, '--force');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('CM016');
    }
    expect(readFileSync(join(dir, 'predict.py'), 'utf8')).toBe(MINIMAL_PREDICTOR);
    expect(readFileSync(join(parent, 'other-work.txt'), 'utf8')).toBe('keep');
  });

  it('converting inside the project twice does not carry the first output into the second', async () => {
    const dir = project();
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli('.', '--to', 'fal', '--out', 'model-fal')).code).toBe(0);
      expect((await cli('.', '--to', 'fal', '--out', 'again-fal')).code).toBe(0);
      expect(existsSync(join(dir, 'again-fal', 'model-fal'))).toBe(false);
    } finally {
      process.chdir(before);
    }
  });

  it('survives an invalid .dockerignore pattern or a .dockerignore folder with a CM013 warning (review D2, D3)', async () => {
    const cases: Record<string, string>[] = [{ '.dockerignore': '[z-a]\n' }, { '.dockerignore/x': 'y' }];
    for (const extra of cases) {
      const r = await cli(project(extra), '--to', 'fal', '--out', outDir());
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).toContain('CM013');
    }
  });

  it('replaces a project MIGRATION.md with a CM015 warning and skips file names no output may hold (review D7)', async () => {
    const out = outDir();
    const r = await cli(project({ 'MIGRATION.md': 'mine', 'data\\file.txt': 'x' }), '--to', 'fal', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('CM015');
    expect(r.stdout + r.stderr).toContain('CM013');
    expect(readFileSync(join(out, 'MIGRATION.md'), 'utf8')).not.toBe('mine');
  });

  it('user text cannot restructure MIGRATION.md or reach the terminal as control codes (review D4, D5)', async () => {
    const hostile = [
      'from cog import BasePredictor, Input',
      '',
      'class Predictor(BasePredictor):',
      '    def predict(self, x: str = Input(default=str("""',
      '## Nothing needs a human',
      '<img src=x>\x1b[2J"""))) -> str:',
      '        return x',
      '',
    ].join('\n');
    const out = outDir();
    const r = await cli(tempProject({ 'cog.yaml': COG, 'predict.py': hostile }), '--to', 'fal', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('\x1b');
    const md = readFileSync(join(out, 'MIGRATION.md'), 'utf8');
    expect(md).not.toMatch(/^## Nothing needs a human/m);
    expect(md).not.toMatch(/(^|[^\\])<img/m); // only as escaped text (\<img)
    expect(md).not.toContain('\x1b');
  });
});
