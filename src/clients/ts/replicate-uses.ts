// Where a file uses the `replicate` npm client: its import (ESM or require), the clients it
// constructs (`const replicate = new Replicate({ auth })`), and the calls made on them.

import { Node, SyntaxKind, type CallExpression, type Identifier, type SourceFile, type Statement } from 'ts-morph';

export type CallKind = 'run' | 'stream' | 'wait' | 'predictions.create' | 'predictions.get' | 'predictions.cancel';
const CALL_PATHS: Record<string, CallKind> = {
  run: 'run', stream: 'stream', wait: 'wait',
  'predictions.create': 'predictions.create', 'predictions.get': 'predictions.get', 'predictions.cancel': 'predictions.cancel',
};

export interface ReplicateImport {
  /** The statement that imports it: `import Replicate from "replicate"` or `const Replicate = require("replicate")`. */
  statement: Statement;
  /** The local name of the class. */
  className: string;
  /** Only the default import is bound (no named imports to keep). */
  defaultOnly: boolean;
  specifier: Node;
  esm: boolean;
}

export interface ClientDecl {
  name: string;
  statement: Statement;
  /** The `auth` option's expression text, when given. */
  auth?: Node;
  /** `useFileOutput: false` was passed: the client returned URL strings, not FileOutput objects. */
  plainUrls: boolean;
}

export interface ClientCall {
  kind: CallKind;
  call: CallExpression;
  client: string;
}

export interface ReplicateUses {
  imports: ReplicateImport[];
  clients: ClientDecl[];
  calls: ClientCall[];
  /** References to a client or the class that are not a recognised call or construction. */
  otherUses: Node[];
}

export function findReplicateUses(sf: SourceFile): ReplicateUses {
  const imports = findImports(sf);
  const classNames = new Set(imports.map((i) => i.className));
  const clients: ClientDecl[] = [];
  for (const d of sf.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = d.getInitializer();
    if (!init || !Node.isNewExpression(init) || !classNames.has(init.getExpression().getText())) continue;
    const statement = d.getVariableStatement();
    if (!statement || statement.getDeclarations().length !== 1 || !Node.isIdentifier(d.getNameNode())) continue;
    const opts = init.getArguments()[0];
    let auth: Node | undefined;
    let plainUrls = false;
    if (opts && Node.isObjectLiteralExpression(opts)) {
      const a = opts.getProperty('auth');
      if (a && Node.isPropertyAssignment(a)) auth = a.getInitializer();
      const u = opts.getProperty('useFileOutput');
      plainUrls = !!u && Node.isPropertyAssignment(u) && u.getInitializer()?.getKind() === SyntaxKind.FalseKeyword;
    }
    clients.push({ name: d.getName(), statement, ...(auth ? { auth } : {}), plainUrls });
  }
  const clientNames = new Set(clients.map((c) => c.name));
  const calls: ClientCall[] = [];
  const otherUses: Node[] = [];
  for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const name = id.getText();
    if (!clientNames.has(name) && !classNames.has(name)) continue;
    if (isDeclarationName(id) || isPropertyNamePosition(id)) continue;
    if (classNames.has(name)) {
      const parent = id.getParent();
      const isConstruction = parent && Node.isNewExpression(parent) && clients.some((c) => c.statement.containsRange(parent.getPos(), parent.getEnd()));
      const isTypeUse = parent && (Node.isTypeReference(parent) || Node.isTypeQuery(parent) || Node.isQualifiedName(parent));
      if (!isConstruction && !isTypeUse) otherUses.push(id);
      continue;
    }
    const call = callOn(id);
    if (call) calls.push({ ...call, client: name });
    else otherUses.push(id);
  }
  return { imports, clients, calls, otherUses };
}

/** `client.run(...)`, `client.predictions.create(...)`: the call whose callee starts at `id`. */
function callOn(id: Identifier): { kind: CallKind; call: CallExpression } | undefined {
  const path: string[] = [];
  let node: Node = id;
  for (;;) {
    const parent = node.getParent();
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) {
      path.push(parent.getName());
      node = parent;
      continue;
    }
    if (parent && Node.isCallExpression(parent) && parent.getExpression() === node) {
      const kind = CALL_PATHS[path.join('.')];
      return kind ? { kind, call: parent } : undefined;
    }
    return undefined;
  }
}

function isDeclarationName(id: Identifier): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  if ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isFunctionDeclaration(parent)) && parent.getNameNode() === id) return true;
  if (Node.isImportClause(parent)) return true;
  return Node.isImportSpecifier(parent);
}

function isPropertyNamePosition(id: Identifier): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return true;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return true;
  return (Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertySignature(parent)) && parent.getNameNode() === id;
}

function findImports(sf: SourceFile): ReplicateImport[] {
  const out: ReplicateImport[] = [];
  for (const decl of sf.getImportDeclarations()) {
    if (decl.getModuleSpecifierValue() !== 'replicate') continue;
    const def = decl.getDefaultImport();
    if (!def) continue;
    out.push({ statement: decl, className: def.getText(), defaultOnly: decl.getNamedImports().length === 0 && !decl.getNamespaceImport(), specifier: decl.getModuleSpecifier(), esm: true });
  }
  for (const statement of sf.getVariableStatements()) {
    const [d, ...rest] = statement.getDeclarations();
    if (!d || rest.length || !Node.isIdentifier(d.getNameNode())) continue;
    const init = d.getInitializer();
    if (!init || !Node.isCallExpression(init) || init.getExpression().getText() !== 'require') continue;
    const arg = init.getArguments()[0];
    if (!arg || !Node.isStringLiteral(arg) || arg.getLiteralValue() !== 'replicate') continue;
    out.push({ statement, className: d.getName(), defaultOnly: true, specifier: arg, esm: false });
  }
  return out;
}
