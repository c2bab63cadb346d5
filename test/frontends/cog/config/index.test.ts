import { describe, expect, it } from 'vitest';
import { codes, codesAt, load } from './helpers.js';

describe('loadCogConfig: the everyday cog.yaml', () => {
  it('reads a minimal cog.yaml with no findings (no-op case)', () => {
    const r = load(`
      build:
        python_version: "3.12"
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.configGeneration).toBe('current');
    expect(r.config?.build).toEqual({
      gpu: false,
      pythonVersion: '3.12',
      pythonVersionExplicit: true,
      systemPackages: [],
      requirementsSource: 'none',
      pythonRequirements: [],
      run: [],
      preInstall: [],
      loc: { file: 'cog.yaml', line: 1, column: 1 },
    });
    expect(r.config?.runtime).toEqual({ environment: [], weights: [] });
    expect(r.config?.predict).toEqual({ ref: 'predict.py:Predictor', key: 'predict', role: 'predict', loc: { file: 'cog.yaml', line: 3, column: 10 } });
    expect(r.config?.train).toBeUndefined();
  });

  it('keeps unquoted python_version 3.10 and cuda 11.0 as written, not as floats', () => {
    const r = load(`
      build:
        gpu: true
        python_version: 3.10
        cuda: 11.0
        cudnn: 8
      predict: predict.py:Predictor
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build).toMatchObject({ gpu: true, pythonVersion: '3.10', cuda: '11.0', cudnn: '8' });
  });

  it('keeps versions as written in flow mappings and before trailing comments', () => {
    const r = load(`
      build: {python_version: 3.10, cuda: 12.0}  # flow style
      train: train.py:train
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3.10', cuda: '12.0' });
    const r2 = load(`
      build:
        python_version: 3.10 # the one the model was built with
      predict: "predict.py:Predictor"
    `);
    expect(r2.config?.build.pythonVersion).toBe('3.10');
  });

  it("assumes Cog's default Python 3.13 for an empty file and says nothing names a predictor", () => {
    const r = load('');
    expect(codes(r)).toEqual(['CM122']);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3.13', pythonVersionExplicit: false, gpu: false });
  });

  it('warns CM117 when build: has no python_version, as current Cog requires it', () => {
    const r = load(`
      build:
        gpu: false
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM117@1']);
    expect(r.config?.build.pythonVersion).toBe('3.13');
  });

  it('notes CM116 for a Python older than current Cog accepts, and keeps it', () => {
    const r = load(`
      build:
        python_version: "3.8"
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM116@2']);
    expect(r.config?.build.pythonVersion).toBe('3.8');
  });

  it('flags malformed versions CM115 (and a CUDA older than Cog accepts CM125) but keeps the text', () => {
    const r = load(`
      build:
        python_version: "3"
        cuda: "10.2"
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM115@2', 'CM125@3']);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3', cuda: '10.2' });
  });

  it('reads system packages, sdk_version and image with locations', () => {
    const r = load(`
      image: "r8.im/me/model"
      build:
        python_version: "3.11"
        sdk_version: 0.18.0
        system_packages:
          - ffmpeg
          - "libgl1"
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.sdkVersion).toBe('0.18.0');
    expect(r.config?.build.systemPackages).toEqual([
      { name: 'ffmpeg', loc: { file: 'cog.yaml', line: 6, column: 7 } },
      { name: 'libgl1', loc: { file: 'cog.yaml', line: 7, column: 7 } },
    ]);
    expect(r.config?.runtime.image).toBe('r8.im/me/model');
  });
});

describe('loadCogConfig: value types', () => {
  it('rejects gpu: "yes please" with CM113 at its line and falls back to false', () => {
    const r = load(`
      build:
        python_version: "3.12"
        gpu: "yes please"
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM113@3']);
    expect(r.findings[0]?.column).toBe(8);
    expect(r.config?.build.gpu).toBe(false);
  });

  it('reads YAML 1.1 gpu: yes as true with CM114', () => {
    const r = load(`
      build:
        python_version: "3.12"
        gpu: yes
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM114@3']);
    expect(r.config?.build.gpu).toBe(true);
  });

  it('reports a list where a string belongs, and a string where a list belongs', () => {
    const r = load(`
      build:
        python_version: ["3.12"]
        system_packages: ffmpeg
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM113@2', 'CM113@3', 'CM117@1']);
    expect(r.config?.build.systemPackages).toEqual([]);
  });

  it('reports a build: that is not a mapping', () => {
    const r = load(`
      build: yes
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM113@1', 'CM117@1']);
  });
});

describe('loadCogConfig: unknown, removed and misplaced keys', () => {
  it('reports each unknown key once with its YAML path and line', () => {
    const r = load(`
      build:
        python_version: "3.12"
        pyton_packages: [x]
      predict: "predict.py:Predictor"
      concurrency:
        max: 1
        maximum: 3
      predcit: "x.py:Y"
    `);
    expect(codesAt(r)).toEqual(['CM110@3', 'CM110@7', 'CM110@8']);
    expect(r.findings.map((f) => f.message)).toEqual(['unknown key build.pyton_packages (did you mean python_packages?)', 'unknown key concurrency.maximum', 'unknown key predcit (did you mean predict?)']);
  });

  it('reports removed keys build.fast, build.cog_runtime, build.python_overrides and tests with CM111', () => {
    const r = load(`
      build:
        python_version: "3.12"
        fast: true
        cog_runtime: true
        python_overrides: overrides.txt
      predict: "predict.py:Predictor"
      tests:
        - inputs: {}
    `);
    expect(codesAt(r)).toEqual(['CM111@3', 'CM111@4', 'CM111@5', 'CM111@7']);
    expect(r.findings[0]?.message).toMatch(/^build\.fast: /);
  });

  it('reports the 2021 keys python_find_links, python_extra_index_urls, post_install, architectures, workdir under build: as removed (CM111), never as unknown (issue 18)', () => {
    const r = load(`
      build:
        python_version: "3.12"
        python_find_links: [https://data.pyg.org/whl/torch-2.3.0.html]
        python_extra_index_urls: [https://download.pytorch.org/whl/cu121]
        post_install: [echo hi]
        architectures: [gpu]
        workdir: /code
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM111@3', 'CM111@4', 'CM111@5', 'CM111@6', 'CM111@7']);
    expect(r.findings.map((f) => f.message)).toEqual([
      'build.python_find_links: 2021 pre-release key; ignored under build: (write --find-links lines in the requirements)',
      'build.python_extra_index_urls: 2021 pre-release key; ignored under build: (write --extra-index-url lines in the requirements)',
      'build.post_install: 2021 pre-release key; ignored under build: (use build.run)',
      'build.architectures: 2021 pre-release key; ignored under build: (use build.gpu)',
      'build.workdir: 2021 pre-release key; ignored (Cog always runs from /src)',
    ]);
  });

  it('reads build.environment from where it stands with CM119', () => {
    const r = load(`
      build:
        python_version: "3.12"
        environment:
          - A=1
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM119@3']);
    expect(r.config?.runtime.environment.map((e) => e.name)).toEqual(['A']);
  });

  it('reads build keys written at the top level as build keys with CM119', () => {
    const r = load(`
      python_version: "3.11"
      gpu: true
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM119@1', 'CM119@2']);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3.11', gpu: true });
  });
});

describe('loadCogConfig: predictor references', () => {
  it('reads the newer top-level run: as the predict role with key run', () => {
    const r = load(`
      build:
        python_version: "3.12"
      run: "run.py:Runner"
      train: "train.py:train"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.predict).toMatchObject({ ref: 'run.py:Runner', key: 'run', role: 'predict', loc: { line: 3, column: 6 } });
    expect(r.config?.train).toMatchObject({ ref: 'train.py:train', key: 'train', role: 'train' });
  });

  it('rejects both run: and predict: with CM121 and uses predict:', () => {
    const r = load(`
      run: "run.py:Runner"
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM121@1']);
    expect(r.config?.predict?.key).toBe('predict');
  });

  it('rejects a reference without .py: with CM120', () => {
    const r = load(`
      predict: "predict:Predictor"
      train: "train.py"
    `);
    expect(codesAt(r)).toEqual(['CM120@1', 'CM120@2', 'CM122@1']);
    expect(r.config?.predict).toBeUndefined();
  });

  it('keeps a predictor in a subfolder with a hyphenated name', () => {
    const r = load(`predict: "src/my-model/predict.py:Predictor"`);
    expect(codes(r)).toEqual([]);
    expect(r.config?.predict?.ref).toBe('src/my-model/predict.py:Predictor');
  });
});
