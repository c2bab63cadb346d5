import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCogConfig } from '../../../../src/frontends/cog/config/index.js';
import { stripLeadingDocstring } from '../../../../src/frontends/cog/config/yaml-source.js';
import { codes, codesAt, load, project } from './helpers.js';

const where = (r: ReturnType<typeof loadCogConfig>) => r.findings.map((f) => `${f.code}@${f.file}:${f.line}:${f.column}`);

describe('reading cog.yaml', () => {
  it('reads a plain file (no-op case)', () => {
    const r = load('predict: "predict.py:Predictor"');
    expect(codes(r)).toEqual([]);
    expect(r.config).toBeDefined();
  });

  it('reports a missing cog.yaml (CM001) and a missing project directory (CM002)', () => {
    expect(codes(loadCogConfig(project({})))).toEqual(['CM001']);
    expect(codes(loadCogConfig('/nonexistent/cog-migrate/project'))).toEqual(['CM002']);
  });

  it('reports a YAML syntax error with line and column (CM102) and no config', () => {
    const r = load(`
      build:
        python_version: "3.12"
        system_packages: [ffmpeg
      predict: "predict.py:Predictor"
    `);
    expect(r.config).toBeUndefined();
    expect(codes(r)).toEqual(['CM102']);
    expect(r.findings[0]?.line).toBeGreaterThanOrEqual(3);
    expect(r.findings[0]?.column).toBeGreaterThanOrEqual(1);
  });

  it('reports a duplicate key as a YAML error at the second key', () => {
    const r = load(`
      predict: "a.py:A"
      predict: "b.py:B"
    `);
    expect(where(r)).toEqual(['CM102@cog.yaml:2:1']);
  });

  it('stops a billion-laughs alias bomb with CM103', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(97 + i - 1);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    levels.push('build:\n  system_packages: *l');
    const r = load(levels.join('\n'));
    expect(codes(r)).toEqual(['CM103']);
    expect(r.config).toBeUndefined();
  });

  it('follows a harmless alias', () => {
    const r = load(`
      x-pkgs: &pkgs
        - ffmpeg
      build:
        python_version: "3.12"
        system_packages: *pkgs
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM110@1']);
    expect(r.config?.build.systemPackages.map((p) => p.name)).toEqual(['ffmpeg']);
  });

  it('expands <<: merge keys as Cog does, own keys first', () => {
    const r = load(`
      x-base: &base
        python_version: "3.11"
        gpu: true
      build:
        <<: *base
        gpu: false
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM110@1']);
    expect(r.config?.build).toMatchObject({ pythonVersion: '3.11', gpu: false });
  });

  it('reports a merge of something that is not a mapping', () => {
    const r = load(`
      build:
        <<: [1]
        python_version: "3.11"
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM113@2']);
  });

  it('reads only the first of several YAML documents, as Cog does, with CM106', () => {
    const r = load(`
      predict: "predict.py:Predictor"
      ---
      predict: "other.py:Other"
    `);
    expect(codesAt(r)).toEqual(['CM106@2']);
    expect(r.config?.predict?.ref).toBe('predict.py:Predictor');
  });

  it('rejects a top level that is a list or a scalar (CM104)', () => {
    expect(codes(load('- build\n- predict\n'))).toEqual(['CM104']);
    expect(codes(load('just a string\n'))).toEqual(['CM104']);
  });

  it('refuses a cog.yaml over 1 MB (CM101)', () => {
    const r = load('# padding\n'.repeat(120_000));
    expect(where(r)).toEqual(['CM101@cog.yaml:undefined:undefined']);
  });

  it('refuses a binary or non-UTF-8 cog.yaml (CM100)', () => {
    expect(codes(loadCogConfig(project({ 'cog.yaml': new Uint8Array([0x62, 0x00, 0x01, 0x02]) })))).toEqual(['CM100']);
    expect(codes(loadCogConfig(project({ 'cog.yaml': new Uint8Array([0x62, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) })))).toEqual(['CM100']);
  });

  it('refuses a cog.yaml symlink that leaves the project (CM100) and a cog.yaml directory', () => {
    const outside = project({ 'cog.yaml': 'predict: "p.py:P"\n' });
    const root = project({});
    symlinkSync(join(outside, 'cog.yaml'), join(root, 'cog.yaml'));
    expect(codes(loadCogConfig(root))).toEqual(['CM100']);
    const dirRoot = project({});
    mkdirSync(join(dirRoot, 'cog.yaml'));
    expect(codes(loadCogConfig(dirRoot))).toEqual(['CM100']);
  });

  it('reads a custom tag as text with a warning (CM106)', () => {
    const r = load(`
      image: !custom r8.im/me/model
      predict: "predict.py:Predictor"
    `);
    expect(codesAt(r)).toEqual(['CM106@1']);
    expect(r.config?.runtime.image).toBe('r8.im/me/model');
  });

  it('handles a byte-order mark and CRLF line ends', () => {
    const root = project({});
    writeFileSync(join(root, 'cog.yaml'), '\ufeffbuild:\r\n  python_version: 3.10\r\n  bogus: 1\r\npredict: "p.py:P"\r\n');
    const r = loadCogConfig(root);
    expect(where(r)).toEqual(['CM110@cog.yaml:3:3']);
    expect(r.config?.build.pythonVersion).toBe('3.10');
  });
});

describe('a cog.yaml that opens with a Python docstring', () => {
  it('tolerates it with CM105 and keeps later line numbers right', () => {
    const r = load(`
      """
      Cog configuration for this model.
      Built with: cog build -t model
      """
      build:
        gpu: true
        python_version: "3.10"
        typo_key: 1
      predict: "predict.py:Predictor"
    `);
    expect(where(r)).toEqual(['CM105@cog.yaml:1:1', 'CM110@cog.yaml:8:3']);
    expect(r.config?.build).toMatchObject({ gpu: true, pythonVersion: '3.10', loc: { line: 5, column: 1 } });
    expect(r.config?.predict?.loc).toEqual({ file: 'cog.yaml', line: 9, column: 10 });
  });

  it("blanks ''' docstrings too, and leaves files without one alone", () => {
    expect(stripLeadingDocstring("'''x\ny'''\na: 1\n")).toEqual({ text: '    \n    \na: 1\n', startLine: 1, endLine: 2 });
    expect(stripLeadingDocstring('a: """x"""\n')).toBeUndefined();
    expect(stripLeadingDocstring('"""never closed\na: 1\n')).toBeUndefined();
  });
});
