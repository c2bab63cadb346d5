import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const project = () => tempProject({ 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': MINIMAL_PREDICTOR });
const outDir = () => join(mkdtempSync(join(tmpdir(), 'cogm-conv-')), 'model-fal');

describe('cog-migrate DIR --to fal', () => {
  it('writes a fal project: app.py (fal\'s managed environment for a pip-only build, the pruned Dockerfile with --container), the unchanged project, MIGRATION.md, migration.json', async () => {
    const dir = project();
    const out = outDir();
    const r = await cli(dir, '--to', 'fal', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    for (const f of ['app.py', 'predict.py', 'cog.yaml', 'MIGRATION.md', 'migration.json']) expect(files).toContain(f);
    expect(readFileSync(join(out, 'app.py'), 'utf8')).toContain('    app_files = ["."]\n');
    expect(readFileSync(join(out, 'app.py'), 'utf8')).not.toContain('fal.ContainerImage');
    const container = outDir();
    expect((await cli(dir, '--to', 'fal', '--out', container, '--container')).code).toBe(0);
    expect(readFileSync(join(container, 'app.py'), 'utf8')).toContain('fal.ContainerImage.from_dockerfile_str(');
    expect(readFileSync(join(out, 'MIGRATION.md'), 'utf8')).toContain('cog.server.http');
    expect(readFileSync(join(out, 'predict.py'), 'utf8')).toBe(MINIMAL_PREDICTOR);
    expect(readFileSync(join(out, 'MIGRATION.md'), 'utf8')).toContain('## Concept mapping');
    expect(JSON.parse(readFileSync(join(out, 'migration.json'), 'utf8'))).toMatchObject({ target: 'fal', model: 'model' });
    expect(r.stdout).toContain('MIGRATION.md');
    expect(r.stdout).toContain('fal');
    // Before: the first step was `fal auth login`, which a new user has no command for.
    expect(r.stdout).toMatch(/Next:\n {2}Install the fal CLI \(once, in a Python 3\.11 environment\): pip install fal==\d+\.\d+\.\d+\n {2}Log in to fal \(once\)/);
  });

  it('carries the project as Cog copied it, minus .dockerignore', async () => {
    const dir = tempProject({
      'cog.yaml': 'predict: "predict.py:Predictor"\n',
      'predict.py': MINIMAL_PREDICTOR,
      '.dockerignore': 'checkpoints\n',
      'weights/w.bin': 'w',
      'checkpoints/c.bin': 'c',
      '.git/HEAD': 'ref',
    });
    const out = outDir();
    expect((await cli(dir, '--to', 'fal', '--out', out)).code).toBe(0);
    expect(readFileSync(join(out, 'weights/w.bin'), 'utf8')).toBe('w');
    expect(existsSync(join(out, 'checkpoints'))).toBe(false);
    expect(existsSync(join(out, '.git'))).toBe(false);
  });

  it('refuses a predictor file whose name a generated file takes (CM015), writing nothing', async () => {
    const dir = tempProject({ 'cog.yaml': 'predict: "app.py:Predictor"\n', 'app.py': MINIMAL_PREDICTOR });
    const out = outDir();
    const r = await cli(dir, '--to', 'fal', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/app\.py: error CM015/);
    expect(existsSync(out)).toBe(false);
  });

  it('defaults the output folder to ./<model>-fal', async () => {
    const dir = project();
    const cwd = mkdtempSync(join(tmpdir(), 'cogm-cwd-'));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const r = await cli(dir, '--to', 'fal');
      expect(r.code).toBe(0);
      expect(existsSync(join(cwd, 'model-fal', 'app.py'))).toBe(true);
    } finally {
      process.chdir(before);
    }
  });

  it('refuses to write over an existing folder without --force, and leaves it as it was', async () => {
    const dir = project();
    const out = outDir();
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await cli(dir, '--to', 'fal', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CM010');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    const forced = await cli(dir, '--to', 'fal', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readdirSync(out)).toContain('app.py');
    expect(readdirSync(out)).not.toContain('notes.txt');
  });

  it('--dry-run lists files and writes nothing', async () => {
    const out = outDir();
    const r = await cli(project(), '--to', 'fal', '--out', out, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('app.py');
    expect(existsSync(out)).toBe(false);
  });

  it('converting twice gives identical bytes', async () => {
    const dir = project();
    const a = outDir();
    const b = outDir();
    expect((await cli(dir, '--to', 'fal', '--out', a)).code).toBe(0);
    expect((await cli(dir, '--to', 'fal', '--out', b)).code).toBe(0);
    const files = (readdirSync(a, { recursive: true }) as string[]).filter((f) => statSync(join(a, f)).isFile());
    expect(files).toContain('cog_migrate_runtime/loading.py');
    for (const f of files) {
      expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
    }
  });
});

describe('cog-migrate inspect', () => {
  it('prints a human summary of inputs and output', async () => {
    const r = await cli('inspect', project());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('predict: predict.py:Predictor');
    expect(r.stdout).toMatch(/text\s+str = required/);
    expect(r.stdout).toContain('-> str');
  });

  it('--json prints the versioned IR', async () => {
    const r = await cli('inspect', project(), '--json');
    expect(r.code).toBe(0);
    const ir = JSON.parse(r.stdout);
    expect(ir.irVersion).toBe(1);
    expect(ir.predictors.predict.inputs[0].name).toBe('text');
  });

  it('--openapi prints the schema Cog serves', async () => {
    const r = await cli('inspect', project(), '--openapi');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.components.schemas.Input.properties.text).toMatchObject({ type: 'string', title: 'Text', 'x-order': 0 });
  });
});

describe('cog-migrate dockerfile', () => {
  it('prints the pruned Dockerfile without the Cog runtime tail', async () => {
    const r = await cli('dockerfile', project(), '--for', 'fal');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^(ARG|FROM) /m);
    expect(r.stdout).not.toContain('cog.server.http');
    expect(r.stdout).not.toContain('EXPOSE 5000');
  });

  it('--for cog keeps the cog debug form', async () => {
    const r = await cli('dockerfile', project(), '--for', 'cog');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cog.server.http');
  });

  it('--explain gives a reason for every change', async () => {
    const r = await cli('dockerfile', project(), '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cog.server.http');
  });
});
