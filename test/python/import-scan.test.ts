import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanImports, type ScannedImport } from '../../src/python/import-scan.js';
import { parsePython, type SyntaxNode } from '../../src/python/parse.js';
import { descendantsOfTypes } from '../../src/python/nodes.js';
import { IMPORT_TYPES, bindingsOf } from '../../src/python/module-index.js';
import { pythonFiles } from './helpers.js';

/** The same statements read from tree-sitter's tree: what the scan must agree with. */
function fromTree(source: string): ScannedImport[] | undefined {
  const parsed = parsePython(source, { full: true });
  if (!parsed.root || parsed.syntaxError) return undefined;
  const out: ScannedImport[] = [];
  for (const stmt of descendantsOfTypes(parsed.root, IMPORT_TYPES)) {
    const at = { line: stmt.startPosition.row + 1, column: stmt.startPosition.column + 1, deferred: insideFunction(stmt), guarded: insideGuardedTry(stmt) };
    const bound = bindingsOf(stmt);
    if (stmt.type === 'import_statement') {
      out.push({ kind: 'import', modules: bound.map((b) => b.full), ...at });
      continue;
    }
    const star = stmt.namedChildren.some((c) => c.type === 'wildcard_import');
    const mod = stmt.childForFieldName('module_name')!;
    const prefix = mod.type === 'relative_import' ? mod.namedChildren.find((c) => c.type === 'import_prefix') : undefined;
    const level = prefix ? prefix.text.replace(/\s+/g, '').length : 0;
    const module = mod.type === 'relative_import' ? mod.namedChildren.find((c) => c.type === 'dotted_name')?.text.replace(/\s+/g, '') ?? '' : mod.text.replace(/\s+/g, '');
    out.push({ kind: 'from', module, level, names: bound.map((b) => (b.binding.kind === 'from' ? b.binding.name : '')), star, ...at });
  }
  return out;
}

function insideFunction(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return true;
  return false;
}

/** Inside the `try:` suite of a try statement with an except clause that catches ImportError. */
function insideGuardedTry(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const stmt = n.parent;
    if (stmt.type !== 'try_statement' || stmt.childForFieldName('body')?.id !== n.id) continue;
    const handlers = stmt.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
    const caught = (clause: SyntaxNode) => clause.namedChildren.filter((c) => c.type !== 'block' && c.type !== 'comment').map((c) => c.text).join(' ');
    if (handlers.some((h) => { const what = caught(h); return what === '' || /\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(what); })) return true;
  }
  return false;
}

const agree = (source: string) => {
  const tree = fromTree(source);
  if (tree) expect(scanImports(source)).toEqual(tree);
};

describe('scanImports', () => {
  it('reads plain, aliased, dotted, relative, star and parenthesised imports', () => {
    const text = [
      'import os, a.b as ab, c',
      'from . import x',
      'from ..pkg.sub import (',
      '    one,  # a comment',
      '    two as deux,',
      ')',
      'from m import *',
      'from __future__ import annotations',
      '',
    ].join('\n');
    expect(scanImports(text)).toEqual([
      { kind: 'import', modules: [['os'], ['a', 'b'], ['c']], line: 1, column: 1, deferred: false, guarded: false },
      { kind: 'from', module: '', level: 1, names: ['x'], star: false, line: 2, column: 1, deferred: false, guarded: false },
      { kind: 'from', module: 'pkg.sub', level: 2, names: ['one', 'two'], star: false, line: 3, column: 1, deferred: false, guarded: false },
      { kind: 'from', module: 'm', level: 0, names: [], star: true, line: 7, column: 1, deferred: false, guarded: false },
    ]);
    agree(text);
  });

  it('is not fooled by strings, comments or continuations, and splits `;` and `if x: import y`', () => {
    const text = [
      '"""',
      'import not_this',
      '"""',
      "s = 'from fake import x'  # import nope",
      'import a; import b',
      'if True: import c',
      'x = 1 + \\',
      '    2; from d import (e)',
      '',
    ].join('\n');
    expect(scanImports(text).map((i) => [i.kind, i.line, i.column])).toEqual([['import', 5, 1], ['import', 5, 11], ['import', 6, 10], ['from', 8, 8]]);
    agree(text);
  });

  it('marks imports inside functions (also methods and one-line defs) as deferred', () => {
    const text = [
      'class P:',
      '    import at_class',
      '    def setup(self):',
      '        import in_method',
      '        class Inner:',
      '            import in_inner',
      '    async def run(self): import one_line',
      'import after',
      '',
    ].join('\n');
    expect(scanImports(text).map((i) => [i.kind === 'import' ? i.modules[0]!.join('.') : '', i.deferred])).toEqual([
      ['at_class', false], ['in_method', true], ['in_inner', true], ['one_line', true], ['after', false],
    ]);
    agree(text);
  });

  it('marks imports in a try: body whose handler catches ImportError as guarded (not those in the handlers)', () => {
    const text = [
      'try:',
      '    from ._version import version',
      'except ImportError:',
      '    import in_handler',
      'try: import one_line',
      'except (OSError, ModuleNotFoundError) as e: import handler_line',
      'try:',
      '    import value_error_only',
      'except ValueError:',
      '    pass',
      'try:',
      '    import bare',
      'except KeyError:',
      '    pass',
      'except:',
      '    pass',
      'finally:',
      '    import in_finally',
      'def f():',
      '    try:',
      '        import nested',
      '    except Exception:',
      '        pass',
      'import after',
      '',
    ].join('\n');
    expect(scanImports(text).map((i) => [i.line, i.guarded])).toEqual([
      [2, true], [4, false], [5, true], [6, false], [8, false], [12, true], [18, false], [21, true], [24, false],
    ]);
    agree(text);
  });

  it('still finds the imports of a file that does not parse', () => {
    expect(scanImports('import helpers\ndef f(:\n').map((i) => i.line)).toEqual([1]);
  });

  it('agrees with tree-sitter on every Python file of the fixtures', () => {
    const files = pythonFiles(join(import.meta.dirname, '../../fixtures'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const source = readFileSync(f, 'utf8');
      const tree = fromTree(source);
      if (tree) expect({ f, imports: scanImports(source) }).toEqual({ f, imports: tree });
    }
  });

  it('agrees with tree-sitter on generated sources (property)', () => {
    const piece = fc.constantFrom(
      'import os\n', 'import a.b as c, d\n', 'from . import x\n', 'from .m import (a,\n  b as c)\n', 'from m import *\n',
      'x = "import s"\n', "y = '''\nfrom t import u\n'''\n", '# import z\n', 'def f():\n    import g\n', 'def f(): import h\n',
      'class C:\n    import k\n    def m(self):\n        from q import r\n', 'if x:\n    import i\nelse: import j\n', 'a = [\n  1,\n]\n',
      'b = 1 + \\\n  2; import l\n', 'try:\n    import n\nexcept ImportError:\n    n = None\n', '\n', 'async def g():\n    from .w import v\n',
      'z = {1: 2}; import zz\n', 'try:\n    import t1\nexcept ValueError:\n    import t2\nexcept:\n    pass\n',
      'try: from .t3 import t4\nfinally: import t5\n', 'except_hook = 1\n', 'while x: import w2\n', 'for a in b: from m2 import n2\n', 'with f() as g: import y2\n',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => { agree(pieces.join('')); }), { numRuns: 300 });
  });
});
