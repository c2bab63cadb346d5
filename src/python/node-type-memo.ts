// `node.type` without a native call per read. tree-sitter's node binding (0.25) makes a JS class
// per named node type of the grammar and means each to carry its type name
// (`nodeSubclass.prototype.type = typeName` in its index.js), but that assignment is silently
// dropped: SyntaxNode.prototype.type is a getter without a setter, and the file is sloppy-mode
// CommonJS. So every `.type` marshals the node and asks the native side, and the extractors read
// types constantly (about 5 % of reading a small project). Each such class stands for one symbol
// of the grammar, so the type its first node reports is every one of its nodes' type: the first
// read asks the native getter and the answer becomes a plain value on the class's prototype.
// Nodes of anonymous tokens and ERROR nodes are plain SyntaxNodes and keep the native getter.

import Parser from 'tree-sitter';

/** The binding's node base class: exported by its index.js, declared only as a type. */
const SyntaxNodeClass = (Parser as unknown as { SyntaxNode: abstract new (...args: never[]) => object }).SyntaxNode;

/** Installs the memo on the language's node classes, once; a binding without them is left alone. */
export function memoizeNodeTypes(language: unknown): void {
  const classes = (language as { nodeSubclasses?: unknown }).nodeSubclasses;
  const native = Object.getOwnPropertyDescriptor(SyntaxNodeClass.prototype, 'type')?.get;
  if (!Array.isArray(classes) || !native) return;
  for (const cls of new Set(classes as unknown[])) {
    if (typeof cls !== 'function' || cls === SyntaxNodeClass || !(cls.prototype instanceof SyntaxNodeClass)) continue;
    const proto = cls.prototype as object;
    if (Object.prototype.hasOwnProperty.call(proto, 'type')) continue;
    Object.defineProperty(proto, 'type', {
      configurable: true,
      get(this: Parser.SyntaxNode): string {
        const type = native.call(this) as string;
        Object.defineProperty(proto, 'type', { value: type, configurable: true });
        return type;
      },
    });
  }
}
