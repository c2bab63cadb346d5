// The node types src/python/node-type-memo.ts keeps on tree-sitter's node classes are the ones the
// native side reports, for every node of every Python file of the fixtures (and of a file with
// syntax errors, whose ERROR and MISSING nodes the memo must not confuse): read in document order
// and again in reverse, so a class's first node is not always the same one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'tree-sitter';
import { describe, expect, it } from 'vitest';
import { parsePython, type SyntaxNode } from '../../src/python/parse.js';
import { pythonFiles } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const nativeType = Object.getOwnPropertyDescriptor((Parser as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype, 'type')!.get!;

function allNodes(root: SyntaxNode): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  const cursor = root.walk();
  for (;;) {
    nodes.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return nodes;
    }
  }
}

describe('node types kept on the node classes', () => {
  it('are what tree-sitter reports for every node', () => {
    const sources = pythonFiles(FIXTURES).map((f) => readFileSync(f, 'utf8'));
    sources.push('def f(x:\n    return [1, 2\nclass (:\n  pass\n', 'import\nx = = 1\n');
    expect(sources.length).toBeGreaterThan(80);
    let checked = 0;
    const wrong: string[] = [];
    for (const [i, source] of sources.entries()) {
      const root = parsePython(source, { full: true }).root;
      if (!root) continue;
      const nodes = allNodes(root);
      if (i % 2) nodes.reverse();
      for (const node of nodes) {
        const native = nativeType.call(node) as string;
        if (node.type !== native) wrong.push(`${node.type} for ${native}`);
        checked++;
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('are plain values on the named node classes after the first read', () => {
    const root = parsePython('def f(x: int = 1):\n    return x\n').root!;
    const fn = root.namedChildren[0]!;
    expect(fn.type).toBe('function_definition');
    expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(fn), 'type')).toMatchObject({ value: 'function_definition' });
  });
});
