// Parsing a TypeScript/JavaScript file with ts-morph (in memory, nothing resolved from disk) and
// small queries over it: literal values, model ids, text ranges that remove a node cleanly.

import { Node, Project, ScriptKind, SyntaxKind, ts, type Expression, type SourceFile } from 'ts-morph';
import type { LiteralValue } from '../../ir/types.js';

export type Parsed = { ok: true; sf: SourceFile } | { ok: false; line: number; column: number; message: string };

function scriptKindOf(name: string): ScriptKind {
  if (/\.tsx$/.test(name)) return ScriptKind.TSX;
  if (/\.jsx$/.test(name)) return ScriptKind.JSX;
  if (/\.[cm]?js$/.test(name)) return ScriptKind.JS;
  return ScriptKind.TS;
}

/** Parses `text`; a syntax error gives its first position instead of a tree. */
export function parseTs(text: string, name: string): Parsed {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noLib: true }, skipFileDependencyResolution: true });
  const sf = project.createSourceFile(`/src/${name.replace(/^.*\//, '')}`, text, { scriptKind: scriptKindOf(name), overwrite: true });
  const diagnostics = project.getProgram().compilerObject.getSyntacticDiagnostics(sf.compilerNode);
  const first = diagnostics[0];
  if (first) {
    const pos = sf.getLineAndColumnAtPos(first.start ?? 0);
    return { ok: false, line: pos.line, column: pos.column, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
  }
  return { ok: true, sf };
}

export function locAt(node: Node, file: string): { file: string; line: number; column: number } {
  const sf = node.getSourceFile();
  const pos = sf.getLineAndColumnAtPos(node.getStart());
  return { file, line: pos.line, column: pos.column };
}

/** The value of a string literal or a template without substitutions. */
export function stringOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  return undefined;
}

/** The quote character a string literal was written with, so replacements keep the file's style. */
export function quoteOf(node: Node | undefined): '"' | "'" {
  return node && node.getText().startsWith("'") ? "'" : '"';
}

/**
 * The model id an argument names: a literal, or an identifier bound by `const X = "..."` in the
 * same file. `dynamic` when the id is computed (a template with substitutions, a call, a variable).
 */
export function modelIdOf(node: Node | undefined): { id: string; literal: Node } | { dynamic: true } | undefined {
  if (!node) return undefined;
  const s = stringOf(node);
  if (s !== undefined) return { id: s, literal: node };
  if (Node.isIdentifier(node)) {
    for (const d of node.getSourceFile().getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
      if (d.getName() !== node.getText()) continue;
      const list = d.getVariableStatement()?.getDeclarationKind();
      const init = stringOf(d.getInitializer());
      if (list === 'const' && init !== undefined) return { id: init, literal: node };
    }
  }
  return { dynamic: true };
}

/** A JSON-like literal value of an expression, or undefined when it is not a literal. */
export function literalOf(node: Node | undefined): LiteralValue | undefined {
  if (!node) return undefined;
  if (Node.isParenthesizedExpression(node)) return literalOf(node.getExpression());
  const s = stringOf(node);
  if (s !== undefined) return s;
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (Node.isTrueLiteral(node)) return true;
  if (Node.isFalseLiteral(node)) return false;
  if (Node.isNullLiteral(node)) return null;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const v = literalOf(node.getOperand());
    return typeof v === 'number' ? -v : undefined;
  }
  if (Node.isArrayLiteralExpression(node)) {
    const items = node.getElements().map(literalOf);
    return items.every((v) => v !== undefined) ? (items as LiteralValue[]) : undefined;
  }
  return undefined;
}

/** The name of a property assignment as written (`input`, `"input"`), or undefined for computed names. */
export function propertyName(node: Node): string | undefined {
  if (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node)) {
    const n = node.getNameNode();
    if (Node.isIdentifier(n)) return n.getText();
    if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralValue();
  }
  return undefined;
}

/**
 * The range that removes an element of a comma-separated list (object literal property, call
 * argument) together with its comma and the blank it leaves: from the end of the previous
 * element, or up to the start of the next one.
 */
export function listElementRemoval(element: Node, siblings: readonly Node[]): { start: number; end: number } {
  const i = siblings.indexOf(element);
  const next = siblings[i + 1];
  if (next) return { start: element.getStart(), end: next.getStart() };
  const prev = siblings[i - 1];
  if (prev) return { start: prev.getEnd(), end: element.getEnd() };
  return { start: element.getStart(), end: element.getEnd() };
}

/** The range that removes a whole statement with its line (indentation and newline included). */
export function statementRemoval(statement: Node): { start: number; end: number } {
  const text = statement.getSourceFile().getFullText();
  let start = statement.getStart(true);
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = statement.getEnd();
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return swallowBlankLine(text, start, end);
}

/** Removing lines between two blank lines (or at the top) would leave a double blank: take one with it. */
export function swallowBlankLine(text: string, start: number, end: number): { start: number; end: number } {
  const blankBefore = start === 0 || /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, start - 8), start));
  const m = /^[ \t]*\r?\n/.exec(text.slice(end, end + 16));
  return blankBefore && m ? { start, end: end + m[0].length } : { start, end };
}

/**
 * The text of `node` moved to where `anchor` starts a line: continuation lines lose the
 * indentation of `node`'s own line and get the anchor's, so nested code reads as written.
 */
export function reindented(node: Node, anchor: Node): string {
  const text = node.getSourceFile().getFullText();
  const indent = (pos: number) => {
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
  };
  const from = indent(node.getStart());
  const to = indent(anchor.getStart());
  const lines = node.getText().split('\n');
  if (lines.slice(1).some((l) => l.trim() !== '' && !l.startsWith(from))) return node.getText();
  return [lines[0], ...lines.slice(1).map((l) => (l.startsWith(from) ? to + l.slice(from.length) : l))].join('\n');
}

/** The awaited form of a call, when it is directly awaited (`await call`). */
export function awaitOf(call: Expression): Node | undefined {
  const parent = call.getParent();
  return parent && Node.isAwaitExpression(parent) ? parent : undefined;
}
