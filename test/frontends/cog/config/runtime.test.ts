import { describe, expect, it } from 'vitest';
import { codes, codesAt, load } from './helpers.js';

describe('environment', () => {
  it('reads NAME=value entries, keeping "=" inside values and empty values', () => {
    const r = load(`
      build:
        python_version: "3.12"
      predict: "predict.py:Predictor"
      environment:
        - HF_HOME=/src/.hf
        - ARGS=--a=b
        - DEBUG=
        - COG_WEIGHTS_DIR=/w
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.runtime.environment).toEqual([
      { name: 'HF_HOME', value: '/src/.hf', loc: { file: 'cog.yaml', line: 5, column: 5 } },
      { name: 'ARGS', value: '--a=b', loc: { file: 'cog.yaml', line: 6, column: 5 } },
      { name: 'DEBUG', value: '', loc: { file: 'cog.yaml', line: 7, column: 5 } },
      { name: 'COG_WEIGHTS_DIR', value: '/w', loc: { file: 'cog.yaml', line: 8, column: 5 } },
    ]);
  });

  it("rejects Cog's reserved names (exact and prefixed) with CM142", () => {
    const r = load(`
      environment:
        - PATH=/x
        - LD_LIBRARY_PATH=/x
        - CUDA_HOME=/usr/local/cuda
        - R8_FOO=1
        - REPLICATE_API_TOKEN=t
        - NVIDIA_VISIBLE_DEVICES=all
        - HF_HUB_ENABLE_HF_TRANSFER=1
        - KUBERNETES_SERVICE_HOST=x
        - PGET_CONCURRENCY=4
        - PYTHONPATH=/x
        - HF_HUB_CACHE=/ok
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual(Array(10).fill('CM142'));
    expect(r.config?.runtime.environment.map((e) => e.name)).toEqual(['HF_HUB_CACHE']);
  });

  it('rejects entries that are not NAME=value (CM141) and duplicates (CM143)', () => {
    const r = load(`
      environment:
        - JUSTANAME
        - 1BAD=x
        - =x
        - A=1
        - A=2
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM141@2', 'CM141@3', 'CM141@4', 'CM143@6']);
  });
});

describe('concurrency', () => {
  it('reads max and default_target', () => {
    const r = load(`
      build:
        python_version: "3.12"
      predict: "predict.py:Predictor"
      concurrency:
        max: 8
        default_target: 4
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.runtime.concurrency).toEqual({ max: 8, defaultTarget: 4, loc: { file: 'cog.yaml', line: 4, column: 1 } });
  });

  it('rejects max below 1 and non-integers', () => {
    const r = load(`
      predict: "predict.py:Predictor"
      concurrency:
        max: 0
        default_target: 2.5
    `);
    expect(codesAt(r)).toEqual(['CM150@3', 'CM113@4']);
  });

  it('warns CM151 when max > 1 with Python below 3.11', () => {
    const r = load(`
      build:
        python_version: "3.10"
      predict: "predict.py:Predictor"
      concurrency:
        max: 4
    `);
    expect(codesAt(r)).toEqual(['CM151@4']);
  });
});

describe('weights, model and image', () => {
  it('reads Cog 0.20+ weights (single and multi source) and model:', () => {
    const r = load(`
      model: registry.example.com/me/resnet
      build:
        python_version: "3.13"
      run: "run.py:Runner"
      weights:
        - name: resnet50
          source:
            uri: hf://microsoft/resnet-50
            exclude: ["*.bin"]
          target: /src/weights/resnet50
        - name: two.parts
          target: /src/weights/two
          source:
            - uri: hf://a/b
            - uri: file://./local
              include: ["*.safetensors"]
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.runtime.model).toBe('registry.example.com/me/resnet');
    expect(r.config?.runtime.weights).toEqual([
      { source: 'hf://microsoft/resnet-50', name: 'resnet50', target: '/src/weights/resnet50', exclude: ['*.bin'], loc: { file: 'cog.yaml', line: 8, column: 7 } },
      { source: 'hf://a/b', name: 'two.parts', target: '/src/weights/two', loc: { file: 'cog.yaml', line: 14, column: 9 } },
      { source: 'file://./local', name: 'two.parts', target: '/src/weights/two', include: ['*.safetensors'], loc: { file: 'cog.yaml', line: 15, column: 9 } },
    ]);
  });

  it('reads Cog 0.17-0.19 weights with a path source', () => {
    const r = load(`
      predict: "predict.py:Predictor"
      weights:
        - source: weights/model.safetensors
          target: /cache/model.safetensors
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.runtime.weights).toEqual([{ source: 'weights/model.safetensors', target: '/cache/model.safetensors', loc: { file: 'cog.yaml', line: 3, column: 13 } }]);
  });

  it('rejects bad weights entries and unknown weight keys', () => {
    const r = load(`
      predict: "predict.py:Predictor"
      weights:
        - name: Bad Name
          target: relative/path
          source: {uri: hf://a/b, exlude: []}
        - name: nosource
          target: /w
        - just-a-string
    `);
    expect(codesAt(r)).toEqual(['CM152@3', 'CM152@3', 'CM110@5', 'CM152@6', 'CM152@8']);
  });

  it('rejects model: together with image: (CM153)', () => {
    const r = load(`
      model: me/model
      image: r8.im/me/model
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM153@1']);
  });
});
