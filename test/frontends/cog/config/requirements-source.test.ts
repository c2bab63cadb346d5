import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCogConfig } from '../../../../src/frontends/cog/config/index.js';
import { codes, codesAt, dedent, load, project } from './helpers.js';

const withRequirements = `
  build:
    python_version: "3.12"
    python_requirements: requirements.txt
  predict: "predict.py:Predictor"
`;

describe('build.python_requirements', () => {
  it('reads the file with locations in it (no-op case)', () => {
    const r = load(withRequirements, { 'requirements.txt': 'torch==2.1.0\n\n# comment\nnumpy>=1.26\n' });
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.requirementsSource).toBe('python_requirements');
    expect(r.config?.build.requirementsFile).toBe('requirements.txt');
    expect(r.config?.build.pythonRequirements).toEqual([
      { raw: 'torch==2.1.0', kind: 'package', name: 'torch', specifier: '==2.1.0', loc: { file: 'requirements.txt', line: 1, column: 1 } },
      { raw: 'numpy>=1.26', kind: 'package', name: 'numpy', specifier: '>=1.26', loc: { file: 'requirements.txt', line: 4, column: 1 } },
    ]);
  });

  it('reports a missing file with CM130 at the cog.yaml line that names it', () => {
    const r = load(withRequirements);
    expect(r.findings.map((f) => [f.code, f.file, f.line, f.column])).toEqual([['CM130', 'cog.yaml', 3, 24]]);
    expect(r.config?.build.pythonRequirements).toEqual([]);
  });

  it('follows -r includes relative to the including file, in place', () => {
    const r = load(withRequirements, {
      'requirements.txt': '--extra-index-url https://download.pytorch.org/whl/cu121\n-r reqs/base.txt\ndiffusers==0.29\n',
      'reqs/base.txt': 'torch==2.3.0 \\\n  --hash=sha256:abc\n-r ./more.txt\n',
      'reqs/more.txt': 'pkg @ git+https://github.com/x/pkg.git\n',
    });
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.pythonRequirements.map((q) => [q.raw, q.loc.file, q.loc.line])).toEqual([
      ['--extra-index-url https://download.pytorch.org/whl/cu121', 'requirements.txt', 1],
      ['torch==2.3.0   --hash=sha256:abc', 'reqs/base.txt', 1],
      ['pkg @ git+https://github.com/x/pkg.git', 'reqs/more.txt', 1],
      ['diffusers==0.29', 'requirements.txt', 3],
    ]);
  });

  it('refuses includes outside the project (CM132) and include cycles (CM133)', () => {
    const r = load(withRequirements, {
      'requirements.txt': '-r ../../etc/passwd\n-r a.txt\nok==1\n',
      'a.txt': '-r requirements.txt\nfrom-a==1\n',
    });
    expect(r.findings.map((f) => `${f.code}@${f.file}:${f.line}`)).toEqual(['CM132@requirements.txt:1', 'CM133@a.txt:1']);
    expect(r.config?.build.pythonRequirements.map((q) => q.raw)).toEqual(['from-a==1', 'ok==1']);
  });

  it('refuses a requirements file that is a symlink leaving the project (CM131)', () => {
    const outside = project({ 'secret.txt': 'x==1\n' });
    const root = project({ 'cog.yaml': dedent(withRequirements) });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'requirements.txt'));
    const r = loadCogConfig(root);
    expect(codesAt(r)).toEqual(['CM131@3']);
  });

  it('warns CM134 on a line it cannot read and keeps it verbatim', () => {
    const r = load(withRequirements, { 'requirements.txt': 'torch=2.0\n' });
    expect(r.findings.map((f) => `${f.code}@${f.file}:${f.line}`)).toEqual(['CM134@requirements.txt:1']);
    expect(r.config?.build.pythonRequirements[0]?.raw).toBe('torch=2.0');
  });

  it('rejects python_packages next to python_requirements (CM118) and uses the file', () => {
    const root = project({ 'requirements.txt': 'a==1\n' });
    writeFileSync(join(root, 'cog.yaml'), dedent(`
      build:
        python_version: "3.12"
        python_requirements: requirements.txt
        python_packages:
          - b==2
    `));
    const r = loadCogConfig(root);
    expect(codesAt(r)).toEqual(['CM112@4', 'CM118@4', 'CM122@1']);
    expect(r.config?.build.pythonRequirements.map((q) => q.raw)).toEqual(['a==1']);
  });
});

describe('build.python_packages', () => {
  it('reads pip flags, URLs, pkg @ url and comments inside the list', () => {
    const r = load(`
      build:
        python_version: "3.11"
        python_packages:
          - "torch==2.0.1"
          - --extra-index-url https://download.pytorch.org/whl/cu118
          - -f https://data.pyg.org/whl/torch-2.0.0+cu118.html
          - --pre
          - "git+https://github.com/m-bain/whisperX.git@befe2b242eb59dcd7a8a122d127614d5c63d36e9"
          - "clip @ git+https://github.com/openai/CLIP.git"
          - trimesh[easy]  # mesh tools
          # - commented-out==1
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM112@3', 'CM135@5', 'CM135@6', 'CM135@7']);
    expect(r.config?.build.requirementsSource).toBe('python_packages');
    expect(r.config?.build.pythonRequirements.map(({ loc, ...q }) => ({ ...q, line: loc.line }))).toEqual([
      { raw: 'torch==2.0.1', kind: 'package', name: 'torch', specifier: '==2.0.1', line: 4 },
      { raw: '--extra-index-url https://download.pytorch.org/whl/cu118', kind: 'option', option: '--extra-index-url https://download.pytorch.org/whl/cu118', line: 5 },
      { raw: '-f https://data.pyg.org/whl/torch-2.0.0+cu118.html', kind: 'option', option: '-f https://data.pyg.org/whl/torch-2.0.0+cu118.html', line: 6 },
      { raw: '--pre', kind: 'option', option: '--pre', line: 7 },
      { raw: 'git+https://github.com/m-bain/whisperX.git@befe2b242eb59dcd7a8a122d127614d5c63d36e9', kind: 'url', url: 'git+https://github.com/m-bain/whisperX.git@befe2b242eb59dcd7a8a122d127614d5c63d36e9', line: 8 },
      { raw: 'clip @ git+https://github.com/openai/CLIP.git', kind: 'package', name: 'clip', url: 'git+https://github.com/openai/CLIP.git', line: 9 },
      { raw: 'trimesh[easy]', kind: 'package', name: 'trimesh', extras: ['easy'], line: 10 },
    ]);
  });

  it('takes an empty python_packages: as no requirements, without findings', () => {
    const r = load(`
      build:
        python_version: "3.11"
        python_packages:
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.requirementsSource).toBe('none');
  });

  it('follows -r inside python_packages from the project root', () => {
    const r = load(`
      build:
        python_version: "3.11"
        python_packages:
          - -r extra.txt
          - -r missing.txt
      predict: "predict.py:Predictor"
    `, { 'extra.txt': 'x==1\n' });
    expect(r.findings.map((f) => `${f.code}@${f.file}:${f.line}`)).toEqual(['CM112@cog.yaml:3', 'CM132@cog.yaml:5']);
    expect(r.config?.build.pythonRequirements.map((q) => [q.raw, q.loc.file])).toEqual([['x==1', 'extra.txt']]);
  });
});
