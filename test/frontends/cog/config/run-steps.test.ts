import { describe, expect, it } from 'vitest';
import { codes, codesAt, load } from './helpers.js';

describe('build.run', () => {
  it('reads string items and {command, mounts} items with locations', () => {
    const r = load(`
      build:
        python_version: "3.12"
        run:
          - curl -o /usr/local/bin/pget -L "https://example.com/pget" && chmod +x /usr/local/bin/pget
          - command: pip install -r /tmp/private.txt
            mounts:
              - type: secret
                id: pip
                target: /etc/pip.conf
          - >-
            echo folded
            command
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.run).toEqual([
      { command: 'curl -o /usr/local/bin/pget -L "https://example.com/pget" && chmod +x /usr/local/bin/pget', mounts: [], loc: { file: 'cog.yaml', line: 4, column: 7 } },
      { command: 'pip install -r /tmp/private.txt', mounts: [{ type: 'secret', id: 'pip', target: '/etc/pip.conf' }], loc: { file: 'cog.yaml', line: 5, column: 7 } },
      { command: 'echo folded command', mounts: [], loc: { file: 'cog.yaml', line: 10, column: 7 } },
    ]);
  });

  it('takes an empty run: as no steps, without findings', () => {
    const r = load(`
      build:
        python_version: "3.12"
        run:
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.run).toEqual([]);
  });

  it('takes a run: list whose items are all commented out as no steps', () => {
    const r = load(`
      build:
        python_version: "3.12"
        # commands run after the environment is setup
        run:
          # - "echo env is ready!"
          # - "echo another command if needed"
      predict: "predict.py:Predictor"
    `);
    expect(codes(r)).toEqual([]);
    expect(r.config?.build.run).toEqual([]);
  });

  it('explains an unquoted command containing ": " (read by YAML as a mapping) with CM140', () => {
    const r = load(`
      build:
        python_version: "3.12"
        run:
          - echo note: this is a mapping
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM140@4']);
    expect(r.findings[0]?.hint).toMatch(/quote the command/);
    expect(r.config?.build.run).toEqual([]);
  });

  it('rejects a mount that is not a secret or lacks fields', () => {
    const r = load(`
      build:
        python_version: "3.12"
        run:
          - command: make
            mounts:
              - type: cache
                id: x
                target: /c
          - command: make
            mounts:
              - type: secret
                id: x
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM140@6', 'CM140@11']);
  });

  it('reads the deprecated pre_install as preInstall steps with CM112', () => {
    const r = load(`
      build:
        python_version: "3.12"
        pre_install:
          - apt-get update
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM112@3']);
    expect(r.config?.build.preInstall).toEqual([{ command: 'apt-get update', mounts: [], loc: { file: 'cog.yaml', line: 4, column: 7 } }]);
  });

  it('reads a command list written as top-level run: into build.run with CM119', () => {
    const r = load(`
      build:
        python_version: "3.12"
      run:
        - echo hi
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM119@3']);
    expect(r.config?.build.run.map((s) => s.command)).toEqual(['echo hi']);
    expect(r.config?.predict?.key).toBe('predict');
  });
});
