import { describe, expect, it } from 'vitest';
import { ModuleGraph, type PyModule } from '../../src/python/modules.js';
import { tempProject } from '../frontends/cog/predictor/helpers.js';

function graphOf(files: Parameters<typeof tempProject>[0]) {
  const root = tempProject(files);
  const graph = new ModuleGraph(root);
  const load = (f: string) => {
    const m = graph.load(f);
    if (!('root' in m)) throw new Error(JSON.stringify(m));
    return m as PyModule;
  };
  return { graph, load };
}

describe('ModuleGraph', () => {
  it('indexes an empty module', () => {
    const { load } = graphOf({ 'a.py': '' });
    const m = load('a.py');
    expect([m.imports.size, m.classes.size, m.functions.size, m.assignments.size]).toEqual([0, 0, 0, 0]);
  });

  it('records import bindings, including aliases, conditional imports and relative levels', () => {
    const { load } = graphOf({ 'pkg/a.py': 'import os.path\nimport numpy as np\nfrom ..x import y as z\ntry:\n    from cog import Path\nexcept ImportError:\n    pass\n' });
    const m = load('pkg/a.py');
    expect([...m.imports.keys()]).toEqual(['os', 'np', 'z', 'Path']);
    expect(m.imports.get('z')).toMatchObject({ kind: 'from', module: 'x', level: 2, name: 'y' });
    expect(m.imports.get('np')).toMatchObject({ kind: 'module', module: 'numpy' });
  });

  it('resolves local modules absolutely from the root, relatively, and as packages', () => {
    const { graph } = graphOf({ 'a.py': '', 'sub/b.py': '', 'sub/c.py': '', 'pkg/__init__.py': '' });
    expect(graph.moduleFile('sub/b.py', 'a', 0)).toBe('a.py');
    expect(graph.moduleFile('sub/b.py', 'c', 1)).toBe('sub/c.py');
    expect(graph.moduleFile('sub/b.py', 'a', 2)).toBe('a.py');
    expect(graph.moduleFile('a.py', 'pkg', 0)).toBe('pkg/__init__.py');
    expect(graph.moduleFile('a.py', 'numpy', 0)).toBeUndefined();
  });

  it('never resolves a relative import above the project root', () => {
    const { graph } = graphOf({ 'a.py': '' });
    expect(graph.moduleFile('a.py', 'x', 3)).toBeUndefined();
  });

  it('resolves names to external dotted names or local definitions', () => {
    const { graph, load } = graphOf({ 'a.py': 'import cog\nfrom cog import Path as P\nfrom b import K\n', 'b.py': 'class K:\n    pass\n' });
    const m = load('a.py');
    expect(graph.lookup(m, 'P')).toEqual({ kind: 'external', qname: 'cog.Path' });
    expect(graph.lookup(m, 'cog')).toEqual({ kind: 'external', qname: 'cog' });
    expect(graph.lookup(m, 'K')).toMatchObject({ kind: 'class', name: 'K', module: { file: 'b.py' } });
    expect(graph.lookup(m, 'nothing')).toBeUndefined();
  });

  it('lists transitive local imports and reports unreadable ones, at the import', () => {
    const { graph, load } = graphOf({ 'a.py': 'import b\nimport torch\n', 'b.py': 'from .c import x\nimport d\n', 'c.py': 'x = (\n', 'd.py': Buffer.from([0, 1]) });
    const r = graph.localImports(load('a.py'));
    expect(r.files).toEqual(['b.py', 'c.py', 'd.py']);
    expect(r.problems).toMatchObject([{ problem: { kind: 'read', problem: 'binary', file: 'd.py' }, at: { file: 'b.py', line: 2, column: 1 } }]);
  });

  it('follows imports without parsing: a module is parsed only when a name is resolved in it', () => {
    const { graph, load } = graphOf({ 'a.py': 'import b\nfrom c import X\n', 'b.py': 'import c\ndef f(:\n', 'c.py': 'X = (\n' });
    const a = load('a.py');
    expect(graph.localImports(a).files).toEqual(['b.py', 'c.py']);
    expect(graph.loaded('b.py')).toBeUndefined();
    expect(graph.parseProblems()).toEqual([]);
    // Resolving X parses c.py, whose syntax error is then a problem of the run.
    expect(graph.lookup(a, 'X')).toBeUndefined();
    expect(graph.parseProblems()).toMatchObject([{ kind: 'syntax', file: 'c.py', line: 1 }]);
  });
});

describe('ModuleGraph file lookup', () => {
  it('finds module files by folder listings: a folder named like a module file is not one, a symlink inside the project is followed', () => {
    const root = tempProject({ 'a.py': 'import b\nimport c\nimport d\nimport torch\n', 'c.py/keep.txt': '', 'real/d.py': 'X = 1\n' }, { 'd.py': 'real/d.py', 'b.py': 'real/d.py' });
    const graph = new ModuleGraph(root);
    const a = graph.load('a.py') as PyModule;
    expect(graph.localImports(a).files).toEqual(['b.py', 'd.py']);
    expect(graph.moduleFile('a.py', 'c', 0)).toBeUndefined();
    expect(graph.moduleFile('a.py', 'torch', 0)).toBeUndefined();
  });
});
