// Replicate calls -> @fal-ai/client (https://docs.fal.ai/reference/client-libraries/javascript):
// run -> fal.subscribe (the queue, waiting), predictions.create -> fal.queue.submit, stream ->
// fal.stream on the app's /stream endpoint; get, wait and cancel are in fal-queue.ts. A
// cog-migrate fal app answers `{ output }`, with files as File objects (`.url`).

import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { finding } from '../../findings/finding.js';
import { outputShape } from '../ir-checks.js';
import type { ModelMapping } from '../types.js';
import { at, checkCallInputs, clientOf, literalLike, mappingFor, replaceCallee, type TsContext } from './context.js';
import { planOptions, type KeyRule } from './options.js';
import type { ClientCall } from './replicate-uses.js';
import { awaitOf } from './source.js';
import { falCancel, falGet, falWait } from './fal-queue.js';

const WEBHOOK_FILTER = 'webhook_events_filter (fal calls the webhook once, when the request completes)';

const RUN_RULES: Record<string, KeyRule> = {
  input: { keep: true }, wait: { drop: 'silent' }, webhook: { rename: 'webhookUrl' },
  webhook_events_filter: { drop: WEBHOOK_FILTER }, signal: { rename: 'abortSignal' },
};

export function rewriteFalCall(ctx: TsContext, cc: ClientCall): boolean {
  switch (cc.kind) {
    case 'run': return falRun(ctx, cc);
    case 'stream': return falStream(ctx, cc);
    case 'predictions.create': return falSubmit(ctx, cc);
    case 'predictions.cancel': return falCancel(ctx, cc);
    case 'predictions.get': return falGet(ctx, cc);
    case 'wait': return falWait(ctx, cc);
  }
}

function unsafe(ctx: TsContext, call: CallExpression, reason: string): false {
  ctx.findings.push(finding('CM713', `${reason}; call left unchanged`, at(ctx, call)));
  return false;
}

/** `.data.output`, plus `.url` where the model returns files (fal File objects). */
function outputAccess(ctx: TsContext, cc: ClientCall, mapping: ModelMapping): string {
  const shape = outputShape(mapping.ir);
  const plainUrls = clientOf(ctx, cc)?.plainUrls ?? false;
  if ((shape === 'file' || shape === 'files') && !plainUrls) ctx.findings.push(finding('CM730', `${mapping.owner}/${mapping.name} returns ${shape === 'file' ? 'a file' : 'files'}: the rewritten call gives ${shape === 'file' ? 'its URL' : 'their URLs'}`, at(ctx, cc.call)));
  if (shape === 'file') return '.data.output.url';
  if (shape === 'files') return ctx.js ? '.data.output.map((file) => file.url)' : '.data.output.map((file: { url: string }) => file.url)';
  return '.data.output';
}

function falRun(ctx: TsContext, cc: ClientCall): boolean {
  const [idArg, opts, ...extra] = cc.call.getArguments();
  const target = mappingFor(ctx, idArg, cc.call);
  if (!target) return false;
  if (extra.length) return unsafe(ctx, cc.call, 'a progress callback receives Replicate prediction objects, which fal does not send (fal.subscribe has onQueueUpdate with queue statuses)');
  const plan = planOptions(opts, RUN_RULES);
  if (!plan.ok) return unsafe(ctx, cc.call, plan.reason);
  checkCallInputs(ctx, target.mapping, plan.values.get('input'));
  replaceCallee(ctx, cc.call, 'fal.subscribe');
  ctx.edits.push({ start: idArg!.getStart(), end: idArg!.getEnd(), text: literalLike(target.mapping.targetId, target.literal) }, ...plan.edits);
  for (const d of plan.dropped) ctx.findings.push(finding('CM731', `dropped ${d}`, at(ctx, cc.call)));
  const access = outputAccess(ctx, cc, target.mapping);
  const awaited = awaitOf(cc.call);
  if (awaited) {
    ctx.edits.push({ start: awaited.getStart(), end: awaited.getStart(), text: '(' }, { start: cc.call.getEnd(), end: cc.call.getEnd(), text: `)${access}` });
  } else {
    ctx.edits.push({ start: cc.call.getEnd(), end: cc.call.getEnd(), text: `.then((result) => result${access})` });
  }
  return true;
}

function falStream(ctx: TsContext, cc: ClientCall): boolean {
  const [idArg, opts, ...extra] = cc.call.getArguments();
  const target = mappingFor(ctx, idArg, cc.call);
  if (!target) return false;
  if (extra.length) return unsafe(ctx, cc.call, 'extra arguments to replicate.stream');
  const plan = planOptions(opts, {
    input: { keep: true }, signal: { keep: true }, useFileOutput: { drop: 'silent' },
    webhook: { drop: 'webhook (fal.stream sends no webhooks)' }, webhook_events_filter: { drop: 'webhook_events_filter (fal.stream sends no webhooks)' },
  });
  if (!plan.ok) return unsafe(ctx, cc.call, plan.reason);
  checkCallInputs(ctx, target.mapping, plan.values.get('input'));
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getStart(), text: 'replicateStyleEvents(' });
  replaceCallee(ctx, cc.call, 'fal.stream');
  ctx.edits.push({ start: idArg!.getStart(), end: idArg!.getEnd(), text: literalLike(target.mapping.targetId, target.literal) }, ...plan.edits);
  ctx.edits.push({ start: cc.call.getEnd(), end: cc.call.getEnd(), text: ')' });
  for (const d of plan.dropped) ctx.findings.push(finding('CM731', `dropped ${d}`, at(ctx, cc.call)));
  ctx.helpers.add('replicateStyleEvents');
  return true;
}

function falSubmit(ctx: TsContext, cc: ClientCall): boolean {
  const [opts, ...extra] = cc.call.getArguments();
  if (extra.length) return unsafe(ctx, cc.call, 'extra arguments to replicate.predictions.create');
  if (!opts || !Node.isObjectLiteralExpression(opts)) return unsafe(ctx, cc.call, 'the options are not an object literal');
  const modelProp = opts.getProperty('model') ?? opts.getProperty('version');
  // `{ model: "owner/name" }`, or the shorthand `{ model }` of a const holding the id.
  const idNode = modelProp && Node.isPropertyAssignment(modelProp) ? modelProp.getInitializer()
    : modelProp && Node.isShorthandPropertyAssignment(modelProp) ? modelProp.getNameNode() : undefined;
  const target = idNode ? mappingForCreate(ctx, idNode, cc.call) : undefined;
  if (!target) {
    if (!idNode) unsafe(ctx, cc.call, 'the options name no model or version');
    return false;
  }
  const plan = planOptions(opts, {
    model: { drop: 'silent' }, version: { drop: 'silent' }, input: { keep: true }, wait: { drop: 'silent' }, stream: { drop: 'silent' },
    webhook: { rename: 'webhookUrl' }, webhook_events_filter: { drop: WEBHOOK_FILTER }, signal: { rename: 'abortSignal' },
  });
  if (!plan.ok) return unsafe(ctx, cc.call, plan.reason);
  const idUses = predictionIdUses(cc.call, cc.client);
  if (!idUses) {
    ctx.findings.push(finding('CM715', 'the prediction this call returns is used beyond its `id`; fal.queue.submit returns a queue status ({ request_id, status, ... }); call left unchanged', at(ctx, cc.call)));
    return false;
  }
  checkCallInputs(ctx, target.mapping, plan.values.get('input'));
  replaceCallee(ctx, cc.call, 'fal.queue.submit');
  ctx.edits.push({ start: opts.getStart(), end: opts.getStart(), text: `${literalLike(target.mapping.targetId, idNode)}, ` }, ...plan.edits);
  for (const n of idUses.ids) ctx.edits.push({ start: n.getStart(), end: n.getEnd(), text: 'request_id' });
  if (idUses.name) ctx.submitted.set(idUses.name, target.mapping);
  for (const d of plan.dropped) ctx.findings.push(finding('CM731', `dropped ${d}`, at(ctx, cc.call)));
  return true;
}

/** `model: "owner/name"`, `version: "owner/name:hash"` or a bare version hash. */
function mappingForCreate(ctx: TsContext, idNode: Node, call: CallExpression) {
  const text = Node.isStringLiteral(idNode) || Node.isNoSubstitutionTemplateLiteral(idNode) ? idNode.getLiteralValue() : undefined;
  if (text !== undefined && !text.includes('/')) {
    const mapping = ctx.models.find((m) => m.version === text);
    if (mapping) return { mapping, literal: idNode };
    ctx.findings.push(finding('CM711', `version ${text} is not named by any --model owner/name:version; call left unchanged`, at(ctx, call)));
    return undefined;
  }
  return mappingFor(ctx, idNode, call);
}

/**
 * The `.id` name nodes reading the awaited prediction, when that (and handing it to the client's
 * `wait`, rewritten in fal-queue.ts) is all the code does with it; undefined when it is used in
 * any other way.
 */
function predictionIdUses(call: CallExpression, client: string): { ids: Node[]; name?: string } | undefined {
  const awaited = awaitOf(call);
  if (!awaited) return undefined;
  const parent = awaited.getParent();
  if (parent && Node.isExpressionStatement(parent)) return { ids: [] };
  if (!parent || !Node.isVariableDeclaration(parent) || !Node.isIdentifier(parent.getNameNode())) return undefined;
  const name = parent.getName();
  const scope = parent.getFirstAncestor((a) => Node.isBlock(a) || Node.isSourceFile(a)) ?? parent.getSourceFile();
  const ids: Node[] = [];
  for (const id of scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id.getText() !== name || id === parent.getNameNode()) continue;
    const p = id.getParent();
    if (p && Node.isPropertyAccessExpression(p) && p.getNameNode() === id) continue;
    if (p && Node.isPropertyAccessExpression(p) && p.getExpression() === id && p.getName() === 'id') ids.push(p.getNameNode());
    else if (!(p && Node.isCallExpression(p) && p.getArguments().length === 1 && p.getExpression().getText() === `${client}.wait`)) return undefined;
  }
  return { ids, name };
}
