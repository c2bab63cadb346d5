// Where a Python file uses the `replicate` client: `import replicate` (or `from replicate import
// Client`), clients built with `replicate.Client(api_token=...)`, and the calls made on either.

import type { SyntaxNode } from '../../python/parse.js';

export type PyCallKind = 'run' | 'async_run' | 'stream' | 'async_stream' | 'predictions.create' | 'predictions.async_create' | 'predictions.get' | 'predictions.cancel' | 'wait';
const KINDS = new Set<string>(['run', 'async_run', 'stream', 'async_stream', 'predictions.create', 'predictions.async_create', 'predictions.get', 'predictions.cancel', 'wait']);

export interface PyImport {
  statement: SyntaxNode;
  /** `import replicate` binds the module; `from replicate import Client` binds the class. */
  kind: 'module' | 'class';
  name: string;
  /** The statement binds nothing else (so it can be replaced as a whole). */
  alone: boolean;
}

export interface PyClient {
  name: string;
  /** The `X = replicate.Client(...)` statement. */
  statement: SyntaxNode;
  call: SyntaxNode;
}

export interface PyCall {
  kind: PyCallKind;
  call: SyntaxNode;
  /** The module alias or client variable the call is made on. */
  receiver: string;
  viaClient: boolean;
}

export interface PyUses {
  imports: PyImport[];
  clients: PyClient[];
  calls: PyCall[];
  otherUses: SyntaxNode[];
}

function walk(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  visit(node);
  for (const c of node.namedChildren) walk(c, visit);
}

/** `a.b.c` as ['a', 'b', 'c'], or undefined for anything but names and attributes. */
export function dottedPath(node: SyntaxNode | null): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute') {
    const obj = dottedPath(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute');
    return obj && attr ? [...obj, attr.text] : undefined;
  }
  return undefined;
}

export function findPyUses(root: SyntaxNode): PyUses {
  const imports: PyImport[] = [];
  for (const s of root.namedChildren) {
    if (s.type === 'import_statement') {
      const names = s.namedChildren;
      for (const n of names) {
        const dotted = n.type === 'aliased_import' ? n.childForFieldName('name') : n;
        const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : dotted?.text;
        if (dotted?.text === 'replicate' && alias) imports.push({ statement: s, kind: 'module', name: alias, alone: names.length === 1 });
      }
    } else if (s.type === 'import_from_statement' && s.childForFieldName('module_name')?.text === 'replicate') {
      const names = s.childrenForFieldName('name');
      for (const n of names) {
        const orig = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
        const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n.text;
        if (orig === 'Client' && alias) imports.push({ statement: s, kind: 'class', name: alias, alone: names.length === 1 });
      }
    }
  }
  const modules = new Set(imports.filter((i) => i.kind === 'module').map((i) => i.name));
  const classes = new Set(imports.filter((i) => i.kind === 'class').map((i) => i.name));
  const clients: PyClient[] = [];
  walk(root, (n) => {
    if (n.type !== 'expression_statement' || n.namedChildCount !== 1) return;
    const a = n.namedChildren[0]!;
    if (a.type !== 'assignment') return;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') return;
    const fn = dottedPath(right.childForFieldName('function'));
    const isClient = fn && ((fn.length === 2 && modules.has(fn[0]!) && fn[1] === 'Client') || (fn.length === 1 && classes.has(fn[0]!)));
    if (isClient) clients.push({ name: left.text, statement: n, call: right });
  });
  const clientNames = new Set(clients.map((c) => c.name));
  const calls: PyCall[] = [];
  const claimed = new Set<number>();
  walk(root, (n) => {
    if (n.type !== 'call') return;
    const fnNode = n.childForFieldName('function');
    const fn = dottedPath(fnNode);
    if (!fn || fn.length < 2) return;
    const [head, ...rest] = fn;
    const viaClient = clientNames.has(head!);
    if (!viaClient && !modules.has(head!)) return;
    const kind = rest.join('.');
    if (!KINDS.has(kind)) return;
    calls.push({ kind: kind as PyCallKind, call: n, receiver: head!, viaClient });
    claimed.add(firstIdentifier(fnNode!).startIndex);
  });
  for (const c of clients) claimed.add(firstIdentifier(c.call.childForFieldName('function')!).startIndex);
  const otherUses: SyntaxNode[] = [];
  walk(root, (n) => {
    if (n.type !== 'identifier' || claimed.has(n.startIndex)) return;
    if (!modules.has(n.text) && !clientNames.has(n.text) && !classes.has(n.text)) return;
    const p = n.parent;
    if (!p || p.type === 'dotted_name' || p.type === 'aliased_import' || p.type === 'import_from_statement') return;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.startIndex === n.startIndex) return;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.startIndex === n.startIndex) return;
    if (p.type === 'assignment' && p.childForFieldName('left')?.startIndex === n.startIndex && clients.some((c) => c.statement.startIndex === p.parent?.startIndex)) return;
    otherUses.push(n);
  });
  return { imports, clients, calls, otherUses };
}

function firstIdentifier(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'attribute') n = n.childForFieldName('object')!;
  return n;
}
