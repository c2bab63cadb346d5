// What every call rewrite shares: the file being rewritten, the edits and findings collected so
// far, and resolving the model a call names to its --model mapping (or the reason it cannot).

import { Node, type CallExpression } from 'ts-morph';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { tsStr } from '../../quote/typescript.js';
import { checkInputs } from '../ir-checks.js';
import { findMapping } from '../models.js';
import type { ClientTarget, ModelMapping, TextEdit } from '../types.js';
import type { HelperName } from './helpers.js';
import { inputObjectOf } from './options.js';
import type { ClientCall, ClientDecl } from './replicate-uses.js';
import { locAt, modelIdOf, quoteOf } from './source.js';

export interface TsContext {
  file: string;
  /** A JavaScript file: no type annotations in what is written. */
  js: boolean;
  to: ClientTarget;
  models: readonly ModelMapping[];
  edits: TextEdit[];
  findings: Finding[];
  helpers: Set<HelperName>;
  /** Mappings rewritten in this file (the CM733 note is said once per model). */
  used: Set<ModelMapping>;
  clients: readonly ClientDecl[];
  /** Variables holding the queue status a rewritten `predictions.create` returned, and its model. */
  submitted: Map<string, ModelMapping>;
}

export function at(ctx: TsContext, node: Node) {
  return locAt(node, ctx.file);
}

/** The mapping the model id argument names, or undefined with the finding that says why not. */
export function mappingFor(ctx: TsContext, arg: Node | undefined, call: CallExpression): { mapping: ModelMapping; literal: Node } | undefined {
  const id = modelIdOf(arg);
  if (!id || 'dynamic' in id) {
    ctx.findings.push(finding('CM710', `the model id \`${short(arg?.getText() ?? '')}\` is computed at run time; which model this call runs is unknown`, at(ctx, arg ?? call)));
    return undefined;
  }
  const mapping = findMapping(id.id, ctx.models);
  if (!mapping) {
    ctx.findings.push(finding('CM711', `${id.id} is not named by any --model; call left unchanged`, at(ctx, call)));
    return undefined;
  }
  return { mapping, literal: id.literal };
}

/** Checks the literal `input` against the model's IR and notes a missing IR once per model. */
export function checkCallInputs(ctx: TsContext, mapping: ModelMapping, input: Node | undefined): void {
  if (!ctx.used.has(mapping) && !mapping.ir) ctx.findings.push(finding('CM733', `${mapping.spec}: no --ir given, so inputs are not checked and file outputs are not known`, input ? at(ctx, input) : { file: ctx.file }));
  ctx.used.add(mapping);
  if (!mapping.ir || !input) return;
  const obj = inputObjectOf(input, ctx.file);
  if (obj) ctx.findings.push(...checkInputs(mapping.ir, `${mapping.owner}/${mapping.name}`, obj));
}

/** A string literal for generated code, in the quote style the user's literal had. */
export function literalLike(value: string, like: Node | undefined): string {
  const q = tsStr(value);
  if (quoteOf(like) === '"' || value.includes("'")) return q;
  return `'${q.slice(1, -1).replace(/\\"/g, '"')}'`;
}

export function clientOf(ctx: TsContext, cc: ClientCall): ClientDecl | undefined {
  return ctx.clients.find((c) => c.name === cc.client);
}

/** Replaces the callee (`replicate.run`) of a call. */
export function replaceCallee(ctx: TsContext, call: CallExpression, text: string): void {
  const callee = call.getExpression();
  ctx.edits.push({ start: callee.getStart(), end: callee.getEnd(), text });
}

export function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** Whether `env` (a Worker's bindings) is a parameter of a function around `node`. */
export function workerEnvInScope(node: Node): boolean {
  for (let n: Node | undefined = node.getParent(); n; n = n.getParent()) {
    if (Node.isFunctionLikeDeclaration(n) || Node.isArrowFunction(n) || Node.isFunctionExpression(n)) {
      if (n.getParameters().some((p) => p.getName() === 'env')) return true;
    }
  }
  return false;
}
