// Replicate's prediction lifecycle in Python on fal's queue (fal_client.status / result / cancel,
// https://docs.fal.ai/reference/client-libraries/python): predictions.get becomes a helper giving
// back Replicate's prediction (id, status, output, error, logs as attributes), so the code
// reading it keeps working; predictions.cancel becomes fal_client.cancel. A prediction id does
// not say which model ran it: the app id is the one moved model the file's other calls name (a
// file that names none is left byte-identical).

import { finding } from '../../findings/finding.js';
import { outputShape } from '../ir-checks.js';
import type { ModelMapping } from '../types.js';
import { argsOf, at, pyLiteralLike, type PyContext } from './context.js';
import type { PyCall } from './uses.js';

function queueApp(ctx: PyContext): ModelMapping | undefined {
  return ctx.used.size === 1 ? [...ctx.used][0]! : undefined;
}

/** The prediction id, the only argument; undefined (with CM713) otherwise. */
function predictionId(ctx: PyContext, pc: PyCall) {
  const args = argsOf(pc.call);
  if (args && !args.splat && args.positional.length === 1 && args.keywords.size === 0) return args.positional[0]!;
  if (args && !args.splat && args.positional.length === 0 && args.keywords.size === 1 && args.keywords.has('id')) return args.keywords.get('id')!.value;
  ctx.findings.push(finding('CM713', `replicate.${pc.kind} takes the prediction id only here; call left unchanged`, at(ctx, pc.call)));
  return undefined;
}

export function falQueueCall(ctx: PyContext, pc: PyCall): boolean {
  const id = predictionId(ctx, pc);
  if (!id) return false;
  const mapping = queueApp(ctx);
  if (!mapping) {
    ctx.findings.push(finding('CM714', `replicate ${pc.kind}: fal_client.status / result / cancel need the fal app id, and this file does not name exactly one moved model to take it from; change this call by hand`, at(ctx, pc.call)));
    return false;
  }
  const client = pc.viaClient ? pc.receiver : 'fal_client';
  const app = pyLiteralLike(mapping.targetId, undefined);
  const idText = ctx.text.slice(id.startIndex, id.endIndex);
  if (pc.kind === 'predictions.cancel') {
    if (pc.call.parent?.type !== 'expression_statement') {
      ctx.findings.push(finding('CM715', 'the canceled prediction is used; fal_client.cancel returns nothing; call left unchanged', at(ctx, pc.call)));
      return false;
    }
    ctx.edits.push({ start: pc.call.startIndex, end: pc.call.endIndex, text: `${client}.cancel(${app}, ${idText})` });
  } else {
    const shape = outputShape(mapping.ir);
    let reader = '';
    if (shape === 'file' || shape === 'files') {
      ctx.findings.push(finding('CM730', `${mapping.owner}/${mapping.name} returns ${shape === 'file' ? 'a file' : 'files'}: the prediction's output is ${shape === 'file' ? 'its URL' : 'their URLs'}`, at(ctx, pc.call)));
      reader = shape === 'file' ? ', lambda output: output["url"]' : ', lambda output: [file["url"] for file in output]';
    }
    ctx.edits.push({ start: pc.call.startIndex, end: pc.call.endIndex, text: `_replicate_style_prediction(${client}, ${app}, ${idText}${reader})` });
    ctx.helpers.add('_replicate_style_prediction');
  }
  ctx.used.add(mapping);
  ctx.sdkUsed = true;
  return true;
}
