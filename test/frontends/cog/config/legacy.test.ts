import { describe, expect, it } from 'vitest';
import { codes, codesAt, load } from './helpers.js';

describe('the 2021 pre-release cog.yaml', () => {
  it('reads model:/environment: as predict/build with CM160 (minimal case)', () => {
    const r = load(`
      model: "model.py:JazzSoloComposerModel"
      environment:
        python_version: "3.8"
    `);
    expect(codesAt(r)).toEqual(['CM116@3', 'CM160@1']);
    expect(r.config?.configGeneration).toBe('pre-release-2021');
    expect(r.config?.predict).toEqual({ ref: 'model.py:JazzSoloComposerModel', key: 'model', role: 'predict', loc: { file: 'cog.yaml', line: 1, column: 8 } });
    expect(r.config?.build.pythonVersion).toBe('3.8');
  });

  it('maps architectures, extra index URLs, find-links, pre/post install, and reports workdir and examples', () => {
    const r = load(`
      environment:
        python_version: 3.7
        architectures: [cpu, gpu]
        python_requirements: requirements.txt
        python_extra_index_urls:
          - https://download.pytorch.org/whl/cu111
        python_find_links:
          - https://data.pyg.org/whl/torch-1.8.0.html
        system_packages:
          - ffmpeg
        pre_install:
          - apt-get update
        post_install:
          - python download_weights.py
        cuda: 11.1
        build_requires_gpu: true
      model: predict.py:Model
      workdir: /code
      examples:
        - input: {x: 1}
          output: out.png
    `, { 'requirements.txt': 'torch==1.8.1\n' });
    expect(codesAt(r)).toEqual(['CM116@2', 'CM161@3', 'CM161@5', 'CM161@7', 'CM112@11', 'CM161@13', 'CM111@16', 'CM111@19', 'CM111@18', 'CM160@1']);
    const b = r.config?.build;
    expect(b).toMatchObject({ gpu: true, pythonVersion: '3.7', pythonVersionExplicit: true, cuda: '11.1', requirementsSource: 'python_requirements' });
    expect(b?.pythonRequirements.map((q) => [q.raw, q.kind, q.loc.file, q.loc.line])).toEqual([
      ['--extra-index-url https://download.pytorch.org/whl/cu111', 'option', 'cog.yaml', 6],
      ['--find-links https://data.pyg.org/whl/torch-1.8.0.html', 'option', 'cog.yaml', 8],
      ['torch==1.8.1', 'package', 'requirements.txt', 1],
    ]);
    expect(b?.systemPackages.map((p) => p.name)).toEqual(['ffmpeg']);
    expect(b?.preInstall.map((s) => s.command)).toEqual(['apt-get update']);
    expect(b?.run.map((s) => s.command)).toEqual(['python download_weights.py']);
    expect(r.config?.predict?.ref).toBe('predict.py:Model');
  });

  it('reads architectures: [cpu] as no GPU, and the July 2021 gpu: key', () => {
    expect(load(`
      model: "m.py:M"
      environment:
        python_version: "3.8"
        architectures: [cpu]
    `).config?.build.gpu).toBe(false);
    const r = load(`
      model: "m.py:M"
      image: r8.im/me/m
      environment:
        python_version: "3.8"
        gpu: true
    `);
    expect(codes(r)).toEqual(['CM116', 'CM160']);
    expect(r.config?.build.gpu).toBe(true);
    expect(r.config?.runtime.image).toBe('r8.im/me/m');
  });

  it("defaults to the 2021 loader's Python 3.8 when python_version is absent", () => {
    const r = load(`
      model: "m.py:M"
      environment:
        system_packages: [ffmpeg]
    `);
    expect(codes(r)).toEqual(['CM160']);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3.8', pythonVersionExplicit: false });
  });

  it('reports unknown keys inside the 2021 environment: mapping', () => {
    const r = load(`
      model: "m.py:M"
      environment:
        python_version: "3.8"
        nonsense: 1
    `);
    expect(codesAt(r)).toEqual(['CM116@3', 'CM110@4', 'CM160@1']);
    expect(r.findings[1]?.message).toBe('unknown key environment.nonsense');
  });

  it('keeps a current cog.yaml with a model: repository out of the 2021 path', () => {
    const r = load(`
      model: me/my-model
      build:
        python_version: "3.13"
      run: "run.py:Runner"
      environment:
        - A=1
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.configGeneration).toBe('current');
    expect(r.config?.runtime.model).toBe('me/my-model');
  });

  it('reports 2021 keys written under build: as removed (CM111)', () => {
    const r = load(`
      build:
        python_version: "3.10"
        post_install: [echo]
        architectures: [gpu]
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM111@3', 'CM111@4']);
    expect(r.config?.build.gpu).toBe(false);
  });

  // Issue 9: 2021 Cog imported the model from /code/<workdir>.
  it('reads model: inside the top-level workdir: folder (CM161), and ignores a workdir that does not hold it (CM111)', () => {
    const yaml = (workdir: string) => `
      model: infer.py:Model
      workdir: ${workdir}
      environment:
        python_version: "3.8"
    `;
    const files = { 'global/infer.py': 'class Model: pass\n' };
    const inFolder = load(yaml('global'), files);
    expect(inFolder.config?.predict?.ref).toBe('global/infer.py:Model');
    expect(codes(inFolder)).toContain('CM161');
    expect(load(yaml('/global/'), files).config?.predict?.ref).toBe('global/infer.py:Model');
    for (const other of ['/code', '../outside', 'elsewhere']) {
      const r = load(yaml(other), files);
      expect(r.config?.predict?.ref, other).toBe('infer.py:Model');
      expect(codes(r), other).toContain('CM111');
    }
  });
});
