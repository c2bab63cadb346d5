// sys.path hacks at a module's top (`sys.path.insert(0, "vendor")`, os.path and pathlib forms):
// read statically into project folders, and absolute imports after them looked up there, as
// Python does when Cog imports the predictor from the project root.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModuleGraph, type PyModule } from '../../src/python/modules.js';
import { readSysPath } from '../../src/python/sys-path.js';
import { extract, predictorOf, tempProject } from '../frontends/cog/predictor/helpers.js';

function graphOf(files: Parameters<typeof tempProject>[0], entry = 'predict.py') {
  const graph = new ModuleGraph(tempProject(files));
  graph.setEntry(entry);
  const load = (f: string): PyModule => {
    const m = graph.load(f);
    if (!('root' in m)) throw new Error(JSON.stringify(m));
    return m;
  };
  return { graph, load };
}

/** The folders `source` (as `file`) adds to sys.path, and its unreadable statements' reasons. */
function entriesOf(source: string, file = 'predict.py') {
  const { graph, load } = graphOf({ [file]: source }, file);
  const r = readSysPath(load(file), (m, n) => graph.resolve(m, n));
  return { dirs: r.entries.map((e) => `${e.first ? 'first' : 'last'}:${e.dir}@${e.line}`), problems: r.problems.map((p) => `${p.line}: ${p.reason}`) };
}

describe('readSysPath', () => {
  it('reads literal folders relative to the project root, and /src as the root', () => {
    expect(entriesOf('import sys\nsys.path.insert(0, "vendor/lib")\nsys.path.append("./ru-dalle")\nsys.path.insert(0, "/src/third_party")\nsys.path.append("/usr/lib/python3/dist-packages")\nsys.path.append("../outside")\n')).toEqual({
      dirs: ['first:vendor/lib@2', 'last:ru-dalle@3', 'first:third_party@4'],
      problems: [],
    });
  });

  it('reads __file__ through os.path (dirname, abspath, realpath, join), however os is imported', () => {
    const src = [
      'import os, sys',
      'import os.path as osp',
      'from os.path import join, dirname',
      'sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "a"))',
      'sys.path.append(osp.join(osp.dirname(osp.realpath(__file__)), "b", "c"))',
      'sys.path.insert(0, join(dirname(__file__), ".."))',
      'sys.path.append(os.path.join(os.getcwd(), "d"))',
    ].join('\n');
    expect(entriesOf(src, 'sub/predict.py').dirs).toEqual(['last:sub/a@4', 'last:sub/b/c@5', 'first:.@6', 'last:d@7']);
  });

  it('reads pathlib (Path(__file__).parent / "x", .resolve(), str()) and module constants, also under if/try, and sys.path.extend', () => {
    const src = [
      'import sys',
      'from pathlib import Path',
      'from sys import path as search_path',
      'ROOT = Path(__file__).resolve().parent',
      'VENDOR = ROOT / "vendor"',
      'if str(VENDOR) not in sys.path:',
      '    sys.path.insert(0, str(VENDOR))',
      'try:',
      '    search_path.append(str(ROOT.parent / "shared"))',
      'except Exception:',
      '    pass',
      'sys.path.extend(["x", "y"])',
      'def setup():',
      '    sys.path.insert(0, "only-when-called")',
    ].join('\n');
    expect(entriesOf(src, 'models/predict.py').dirs).toEqual(['first:models/vendor@7', 'last:shared@9', 'last:x@12', 'last:y@12']);
  });

  it('reports a path it cannot read, with the reason, and reads the others', () => {
    const r = entriesOf('import os, sys\nsys.path.insert(0, os.environ["MODELS"])\nsys.path.append(f"{os.getcwd()}/x")\nsys.path.append(os.path.join(sys.path[0], "../utils"))\nsys.path.append("ok")\n');
    expect(r.dirs).toEqual(['last:ok@5']);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/^2: /);
  });

  it('never throws, and every folder it reads is a normalised project folder (random path expressions)', () => {
    const leaf = fc.oneof(
      fc.constantFrom('__file__', 'os.getcwd()', 'ROOT', 'sys.path[0]', 'os.environ["X"]', 'Path.cwd()'),
      fc.stringMatching(/^[a-z./_-]{0,12}$/).map((t) => JSON.stringify(t)),
      fc.constantFrom('"/src"', '"/src/a/../b"', '"/usr/lib"', '"../.."', '""'),
    );
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('e').map((x) => `os.path.dirname(${x as string})`),
        tie('e').map((x) => `os.path.abspath(${x as string})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `os.path.join(${a as string}, ${b as string})`),
        tie('e').map((x) => `Path(${x as string}).parent`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `Path(${a as string}) / ${b as string}`),
        tie('e').map((x) => `str(${x as string})`)),
    })).e;
    fc.assert(fc.property(expr, fc.boolean(), (e, insert) => {
      const src = `import os, sys\nfrom pathlib import Path\nROOT = os.path.dirname(__file__)\nsys.path.${insert ? 'insert(0, ' : 'append('}${e})\n`;
      const { dirs, problems } = entriesOf(src, 'pkg/predict.py');
      // A folder outside the project adds nothing, and is no problem either.
      expect(dirs.length + problems.length).toBeLessThanOrEqual(1);
      for (const d of dirs) {
        const dir = d.replace(/^(first|last):/, '').replace(/@\d+$/, '');
        expect(dir === '.' || (!dir.startsWith('/') && !dir.split('/').includes('..') && !dir.split('/').includes('.') && !dir.endsWith('/'))).toBe(true);
      }
    }), { numRuns: 150 });
  });

  it('insert at another position than 0 comes after the project root', () => {
    expect(entriesOf('import sys\nsys.path.insert(1, "late")\n').dirs).toEqual(['last:late@2']);
  });
});

describe('imports resolved through sys.path', () => {
  const files = {
    'predict.py': 'import sys\nfrom early import E\nsys.path.insert(0, "vendor")\nfrom styles import STYLES\nimport presets\ndef f():\n    from late import L\n',
    'vendor/styles.py': 'from helpers import H\nSTYLES = ["a", "b"]\n',
    'vendor/helpers.py': 'H = 1\n',
    'vendor/early.py': 'E = 1\n',
    'vendor/late.py': 'L = 1\n',
    'vendor/presets.py': 'P = "vendored"\n',
    'presets.py': 'P = "root"\n',
  };

  it('an import after the insert finds the module in the folder; one before it does not', () => {
    const { graph, load } = graphOf(files);
    const m = load('predict.py');
    expect(graph.lookup(m, 'STYLES')).toMatchObject({ kind: 'value', module: { file: 'vendor/styles.py' } });
    expect(graph.lookup(m, 'E')).toEqual({ kind: 'external', qname: 'early.E' });
  });

  it('insert(0) puts the folder before the project root; imports inside functions and in other modules see it', () => {
    const { graph } = graphOf(files);
    expect(graph.moduleFile('predict.py', 'presets', 0, 5)).toBe('vendor/presets.py');
    expect(graph.moduleFile('predict.py', 'late', 0, undefined)).toBe('vendor/late.py');
    // vendor/styles.py imports `helpers` absolutely: it works only with vendor/ on sys.path.
    expect(graph.moduleFile('vendor/styles.py', 'helpers', 0, 1)).toBe('vendor/helpers.py');
    const { files: imported } = graph.localImports(graph.load('predict.py') as PyModule);
    expect(imported).toEqual(['vendor/styles.py', 'vendor/presets.py', 'vendor/late.py', 'vendor/helpers.py']);
  });

  it('append puts the folder after the project root', () => {
    const { graph } = graphOf({ ...files, 'predict.py': 'import sys\nsys.path.append("vendor")\nimport presets\n' });
    expect(graph.moduleFile('predict.py', 'presets', 0, 3)).toBe('presets.py');
  });

  it('the predictor reads defaults and choices from a vendored folder; an unreadable path is CM233', () => {
    const e = extract(
      'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))\nsys.path.append(os.environ["X"])\nfrom styles import STYLES, DEFAULT\nfrom cog import BasePredictor, Input\nclass Predictor(BasePredictor):\n    def predict(self, s: str = Input(default=DEFAULT, choices=STYLES)) -> str:\n        return s\n',
      { extraFiles: { 'vendor/styles.py': 'STYLES = ["a", "b"]\nDEFAULT = "b"\n' } },
    );
    expect(predictorOf(e).inputs[0]).toMatchObject({ default: { kind: 'literal', value: 'b' }, choices: { kind: 'literal', value: ['a', 'b'] } });
    expect(predictorOf(e).localImports).toEqual(['vendor/styles.py']);
    expect(e.findings.map((f) => [f.code, f.line])).toEqual([['CM246', 7], ['CM233', 3]]);
  });

  it('a folder inside a git submodule that is not checked out is CM248 at the sys.path statement', () => {
    const e = extract('import sys\nsys.path.insert(0, "third_party/GFPGAN")\nfrom gfpgan import GFPGANer\nfrom cog import BasePredictor\nclass Predictor(BasePredictor):\n    def predict(self) -> str:\n        return ""\n', {
      extraFiles: { '.gitmodules': '[submodule "third_party/GFPGAN"]\n\tpath = third_party/GFPGAN\n\turl = https://github.com/TencentARC/GFPGAN\n' },
    });
    expect(e.findings.map((f) => [f.code, f.line])).toEqual([['CM248', 2]]);
    expect(e.findings[0]!.hint).toContain('git submodule update --init third_party/GFPGAN');
  });
});
