// Replicate's prediction lifecycle on fal's queue (https://docs.fal.ai/reference/client-libraries/javascript):
// predictions.get -> fal.queue.status, then fal.queue.result once COMPLETED; wait ->
// fal.queue.subscribeToStatus, then the same; cancel -> fal.queue.cancel. The first two go
// through a helper giving back Replicate's prediction shape ({ id, status, output, error, logs }),
// so the code reading the prediction keeps working.
//
// A prediction id does not say which model ran it: the app id is the one moved model the file's
// other calls name (a file that names none is left byte-identical).

import { Node, type CallExpression } from 'ts-morph';
import { finding } from '../../findings/finding.js';
import { outputShape } from '../ir-checks.js';
import type { ModelMapping } from '../types.js';
import { at, clientOf, literalLike, type TsContext } from './context.js';
import type { ClientCall } from './replicate-uses.js';
import { awaitOf } from './source.js';

/** The fal app a prediction id belongs to, when only one can be meant. */
function queueApp(ctx: TsContext): ModelMapping | undefined {
  return ctx.used.size === 1 ? [...ctx.used][0]! : undefined;
}

function noApp(ctx: TsContext, call: CallExpression, what: string): false {
  ctx.findings.push(finding('CM714', `${what} needs the fal app id, and this file does not name exactly one moved model to take it from: change this call by hand`, at(ctx, call)));
  return false;
}

/** `, (output) => output.url` where the model returns files (fal File objects), else nothing. */
function outputReader(ctx: TsContext, cc: ClientCall, mapping: ModelMapping): string {
  const shape = outputShape(mapping.ir);
  if ((shape !== 'file' && shape !== 'files') || clientOf(ctx, cc)?.plainUrls) return '';
  ctx.findings.push(finding('CM730', `${mapping.owner}/${mapping.name} returns ${shape === 'file' ? 'a file' : 'files'}: the prediction's output is ${shape === 'file' ? 'its URL' : 'their URLs'}`, at(ctx, cc.call)));
  if (shape === 'file') return ctx.js ? ', (output) => output.url' : ', (output: { url: string }) => output.url';
  return ctx.js ? ', (output) => output.map((file) => file.url)' : ', (output: { url: string }[]) => output.map((file) => file.url)';
}

export function falGet(ctx: TsContext, cc: ClientCall): boolean {
  const [idArg, ...extra] = cc.call.getArguments();
  if (!idArg || extra.length) {
    ctx.findings.push(finding('CM713', 'replicate.predictions.get takes the prediction id only here; call left unchanged', at(ctx, cc.call)));
    return false;
  }
  const mapping = queueApp(ctx);
  if (!mapping) return noApp(ctx, cc.call, 'fal.queue.status / fal.queue.result');
  ctx.used.add(mapping);
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getEnd(), text: `replicateStylePrediction(${literalLike(mapping.targetId, idArg)}, ${idArg.getText()}${outputReader(ctx, cc, mapping)})` });
  ctx.helpers.add('replicateStylePrediction');
  return true;
}

/**
 * `replicate.wait(prediction)` on the prediction a rewritten `predictions.create` returned (now
 * fal's queue status): waits on fal's queue for `prediction.request_id`.
 */
export function falWait(ctx: TsContext, cc: ClientCall): boolean {
  const [arg, ...extra] = cc.call.getArguments();
  const submitted = arg && Node.isIdentifier(arg) ? ctx.submitted.get(arg.getText()) : undefined;
  if (!submitted || extra.length) {
    ctx.findings.push(finding('CM714', `replicate.wait(${extra.length ? '..., options' : arg?.getText() ?? ''}): only the prediction a rewritten predictions.create in this file returned (with no options) is waited for on fal's queue (fal.queue.subscribeToStatus, then fal.queue.result); change this call by hand`, at(ctx, cc.call)));
    return false;
  }
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getEnd(), text: `replicateStyleWait(${literalLike(submitted.targetId, arg)}, ${arg!.getText()}.request_id${outputReader(ctx, cc, submitted)})` });
  ctx.helpers.add('replicateStyleWait');
  ctx.helpers.add('replicateStylePrediction');
  return true;
}

export function falCancel(ctx: TsContext, cc: ClientCall): boolean {
  const [idArg, ...extra] = cc.call.getArguments();
  if (!idArg || extra.length) {
    ctx.findings.push(finding('CM713', 'replicate.predictions.cancel takes the prediction id only here; call left unchanged', at(ctx, cc.call)));
    return false;
  }
  const mapping = queueApp(ctx);
  if (!mapping) return noApp(ctx, cc.call, 'fal.queue.cancel');
  const awaited = awaitOf(cc.call);
  const statement = (awaited ?? cc.call).getParent();
  if (!statement || !Node.isExpressionStatement(statement)) {
    ctx.findings.push(finding('CM715', 'the canceled prediction is used; fal.queue.cancel returns nothing; call left unchanged', at(ctx, cc.call)));
    return false;
  }
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getEnd(), text: `fal.queue.cancel(${literalLike(mapping.targetId, idArg)}, { requestId: ${idArg.getText()} })` });
  return true;
}
