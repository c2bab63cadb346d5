// Small queries over tree-sitter-python nodes, named after what Python calls things.

import type { SourceLocation } from '../ir/types.js';
import type { SyntaxNode } from './parse.js';

/** 1-based location of a node in `file`. */
export function locOf(node: SyntaxNode, file: string): SourceLocation {
  return { file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** Strips `type` wrappers and parentheses around an expression. */
export function unwrapExpr(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (;;) {
    if (n.type === 'type' || n.type === 'parenthesized_expression') {
      const inner = n.namedChildren.filter((c) => c.type !== 'comment')[0];
      if (!inner) return n;
      n = inner;
      continue;
    }
    return n;
  }
}

/** Top-level statements of a module or the statements of a block, with decorators unwrapped. */
export function statements(block: SyntaxNode): SyntaxNode[] {
  return block.namedChildren.filter((c) => c.type !== 'comment');
}

/** The definition inside a `decorated_definition`, or the node itself. */
export function definitionOf(node: SyntaxNode): SyntaxNode {
  if (node.type === 'decorated_definition') return node.childForFieldName('definition') ?? node;
  return node;
}

/** Decorator expressions of a definition (empty when not decorated). */
export function decoratorsOf(def: SyntaxNode): SyntaxNode[] {
  const parent = def.parent;
  if (!parent || parent.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c) => c.type === 'decorator').map((d) => d.namedChildren.filter((c) => c.type !== 'comment')[0]!).filter(Boolean);
}

export function isAsyncFunction(def: SyntaxNode): boolean {
  return def.type === 'function_definition' && def.children.some((c) => c.type === 'async');
}

export function nameOf(def: SyntaxNode): string | undefined {
  return def.childForFieldName('name')?.text;
}

/** Functions and classes defined directly in a block, by name (later definitions win, as in Python). */
export function definitionsIn(block: SyntaxNode): { functions: Map<string, SyntaxNode>; classes: Map<string, SyntaxNode> } {
  const functions = new Map<string, SyntaxNode>();
  const classes = new Map<string, SyntaxNode>();
  for (const stmt of statements(block)) {
    const def = definitionOf(stmt);
    const name = nameOf(def);
    if (!name) continue;
    if (def.type === 'function_definition') functions.set(name, def);
    else if (def.type === 'class_definition') classes.set(name, def);
  }
  return { functions, classes };
}

/** The name an identifier node stands for: Python reads identifiers in NFKC form, so `ｐrompt`
 * in the source is the parameter `prompt` (what Cog's schema and a keyword call use). */
export function identifierName(node: SyntaxNode): string {
  return node.text.normalize('NFKC');
}

/** Dotted text of an identifier/attribute chain (`cog.types.Path`), or undefined for anything else. */
export function dottedName(node: SyntaxNode, maxParts = Infinity): string | undefined {
  const parts: string[] = [];
  let n = unwrapExpr(node);
  // Iterative: attribute chains can be arbitrarily long in hostile input.
  while (n.type === 'attribute') {
    if (parts.length >= maxParts) return undefined;
    const obj = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute');
    if (!obj || !attr) return undefined;
    parts.push(attr.text);
    n = unwrapExpr(obj);
  }
  if (n.type === 'identifier') parts.push(n.text);
  else if (n.type === 'dotted_name') parts.push(n.namedChildren.map((c) => c.text).join('.'));
  else return undefined;
  return parts.reverse().join('.');
}

/** Positional and keyword arguments of a call's argument_list. */
export function callArguments(call: SyntaxNode): { positional: SyntaxNode[]; keywords: { name: string; nameNode: SyntaxNode; value: SyntaxNode }[]; splats: SyntaxNode[] } {
  const positional: SyntaxNode[] = [];
  const keywords: { name: string; nameNode: SyntaxNode; value: SyntaxNode }[] = [];
  const splats: SyntaxNode[] = [];
  const args = call.childForFieldName('arguments');
  if (!args) return { positional, keywords, splats };
  for (const a of args.namedChildren) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const nameNode = a.childForFieldName('name');
      const value = a.childForFieldName('value');
      if (nameNode && value) keywords.push({ name: nameNode.text, nameNode, value });
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') splats.push(a);
    else positional.push(a);
  }
  return { positional, keywords, splats };
}

/** Every descendant of `node` of one of the given types, in source order (one native call). */
export function descendantsOfTypes(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode[] {
  return node.descendantsOfType([...types]);
}
