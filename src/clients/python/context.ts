// What the Python call rewrites share: the file, edits and findings, reading a call's
// arguments, resolving the model id, and the checks of a literal `input` dict against the IR.

import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { SyntaxNode } from '../../python/parse.js';
import { evalLiteral } from '../../python/literal.js';
import { stringValue } from '../../python/strings.js';
import { pyStr } from '../../quote/python.js';
import { checkInputs, type InputObject } from '../ir-checks.js';
import { findMapping } from '../models.js';
import type { ClientTarget, ModelMapping, TextEdit } from '../types.js';

export type PyHelper = '_replicate_style_events' | '_replicate_style_events_async' | '_replicate_style_prediction' | '_replicate_style_modal_call' | '_predict_on_modal';

export interface PyContext {
  file: string;
  to: ClientTarget;
  models: readonly ModelMapping[];
  root: SyntaxNode;
  /** The file's text as written (comments included). */
  text: string;
  edits: TextEdit[];
  findings: Finding[];
  helpers: Set<PyHelper>;
  /** A rewritten call uses the platform's SDK (fal_client, modal), so the file must import it. */
  sdkUsed: boolean;
  used: Set<ModelMapping>;
}

export function at(ctx: PyContext, node: SyntaxNode) {
  return { file: ctx.file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

export interface PyArgs {
  positional: SyntaxNode[];
  keywords: Map<string, { node: SyntaxNode; value: SyntaxNode }>;
  /** `*args` / `**kwargs` in the call: the arguments are not all known. */
  splat: boolean;
  list: SyntaxNode;
}

export function argsOf(call: SyntaxNode): PyArgs | undefined {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return undefined;
  const out: PyArgs = { positional: [], keywords: new Map(), splat: false, list };
  for (const a of list.namedChildren) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') out.keywords.set(a.childForFieldName('name')!.text, { node: a, value: a.childForFieldName('value')! });
    else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.splat = true;
    else out.positional.push(a);
  }
  return out;
}

/** A string literal, or a module-level `NAME = "..."` the identifier names. */
export function modelIdOf(ctx: PyContext, node: SyntaxNode | undefined): string | { dynamic: true } | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'concatenated_string') {
    const v = stringValue(node);
    return v.ok ? v.value : { dynamic: true };
  }
  if (node.type === 'identifier') {
    for (const s of ctx.root.namedChildren) {
      const a = s.type === 'expression_statement' ? s.namedChildren[0] : undefined;
      if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== node.text) continue;
      const right = a.childForFieldName('right');
      if (right?.type === 'string') {
        const v = stringValue(right);
        if (v.ok) return v.value;
      }
    }
  }
  return { dynamic: true };
}

export function mappingFor(ctx: PyContext, idNode: SyntaxNode | undefined, call: SyntaxNode): ModelMapping | undefined {
  const id = modelIdOf(ctx, idNode);
  if (id === undefined || typeof id !== 'string') {
    ctx.findings.push(finding('CM710', `the model id \`${(idNode?.text ?? '').slice(0, 40)}\` is computed at run time; which model this call runs is unknown`, at(ctx, idNode ?? call)));
    return undefined;
  }
  const byVersion = id.includes('/') ? undefined : ctx.models.find((m) => m.version === id);
  const mapping = byVersion ?? findMapping(id, ctx.models);
  if (!mapping) ctx.findings.push(finding('CM711', `${id} is not named by any --model; call left unchanged`, at(ctx, call)));
  return mapping;
}

export function checkCallInputs(ctx: PyContext, mapping: ModelMapping, input: SyntaxNode | undefined): void {
  if (!ctx.used.has(mapping) && !mapping.ir) ctx.findings.push(finding('CM733', `${mapping.spec}: no --ir given, so inputs are not checked and file outputs are not known`, input ? at(ctx, input) : { file: ctx.file }));
  ctx.used.add(mapping);
  if (!mapping.ir || !input || input.type !== 'dictionary') return;
  const obj: InputObject = { entries: [], open: false, loc: at(ctx, input) };
  for (const pair of input.namedChildren) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const name = key && (key.type === 'string') ? stringValue(key) : undefined;
    if (!name?.ok) {
      obj.open = true;
      continue;
    }
    const v = evalLiteral(pair.childForFieldName('value')!);
    obj.entries.push({ name: name.value, ...(v.ok ? { value: v.value } : {}), loc: at(ctx, pair) });
  }
  ctx.findings.push(...checkInputs(mapping.ir, `${mapping.owner}/${mapping.name}`, obj));
}

/** A Python string literal in the quote style of `like` when that is a plain single-quoted string. */
export function pyLiteralLike(value: string, like: SyntaxNode | undefined): string {
  const q = pyStr(value);
  if (!like || !like.text.startsWith("'") || value.includes("'") || !q.startsWith('"')) return q;
  return `'${q.slice(1, -1).replace(/\\"/g, '"')}'`;
}

/** The range that removes a keyword argument with its comma. */
export function argumentRemoval(arg: SyntaxNode, list: SyntaxNode): { start: number; end: number } {
  const siblings = list.namedChildren.filter((c) => c.type !== 'comment');
  const i = siblings.findIndex((s) => s.startIndex === arg.startIndex);
  const next = siblings[i + 1];
  if (next) return { start: arg.startIndex, end: next.startIndex };
  const prev = siblings[i - 1];
  if (prev) return { start: prev.endIndex, end: arg.endIndex };
  return { start: arg.startIndex, end: arg.endIndex };
}
