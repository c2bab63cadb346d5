// Replicate's prediction lifecycle in Python on a deployed Modal class (its real equivalent,
// https://modal.com/docs/guide/job-queue): predictions.create -> `.predict.spawn(input)`, whose
// FunctionCall id (`.object_id`) stands for the prediction id; predictions.get -> a helper giving
// Replicate's prediction from `modal.FunctionCall.from_id(id).get(timeout=0)`; predictions.cancel
// -> `modal.FunctionCall.from_id(id).cancel()`. Function call ids are global, but get and cancel
// are rewritten only in a file whose other calls name a moved model (a file naming none stays
// byte-identical). A URL target (the app's HTTP endpoint) has no queue: those keep CM714.

import { finding } from '../../findings/finding.js';
import { modalTarget } from '../models.js';
import { argsOf, at, checkCallInputs, mappingFor, pyLiteralLike, type PyContext } from './context.js';
import type { PyCall } from './uses.js';

/** Returns undefined when the call is not for this module (then the caller reports CM714). */
export function modalQueueCall(ctx: PyContext, pc: PyCall, idUses: (value: import('../../python/parse.js').SyntaxNode) => import('../../python/parse.js').SyntaxNode[] | undefined): boolean | undefined {
  if (pc.kind === 'predictions.create') return modalSpawn(ctx, pc, idUses);
  if (pc.kind !== 'predictions.get' && pc.kind !== 'predictions.cancel') return undefined;
  if (ctx.used.size === 0) return undefined;
  const args = argsOf(pc.call);
  const id = args && !args.splat && args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0]! : undefined;
  if (!id) {
    ctx.findings.push(finding('CM713', `replicate.${pc.kind} takes the prediction id only here; call left unchanged`, at(ctx, pc.call)));
    return false;
  }
  const idText = ctx.text.slice(id.startIndex, id.endIndex);
  if (pc.kind === 'predictions.cancel') {
    if (pc.call.parent?.type !== 'expression_statement') {
      ctx.findings.push(finding('CM715', 'the canceled prediction is used; FunctionCall.cancel returns nothing; call left unchanged', at(ctx, pc.call)));
      return false;
    }
    ctx.edits.push({ start: pc.call.startIndex, end: pc.call.endIndex, text: `modal.FunctionCall.from_id(${idText}).cancel()` });
  } else {
    ctx.edits.push({ start: pc.call.startIndex, end: pc.call.endIndex, text: `_replicate_style_modal_call(${idText})` });
    ctx.helpers.add('_replicate_style_modal_call');
  }
  ctx.sdkUsed = true;
  return true;
}

function modalSpawn(ctx: PyContext, pc: PyCall, idUses: (value: import('../../python/parse.js').SyntaxNode) => import('../../python/parse.js').SyntaxNode[] | undefined): boolean | undefined {
  const args = argsOf(pc.call);
  const idKw = args?.keywords.get('model') ?? args?.keywords.get('version');
  const input = args?.keywords.get('input');
  if (!args || args.splat || args.positional.length || !idKw || !input || [...args.keywords.keys()].some((k) => !['model', 'version', 'input', 'wait'].includes(k))) return undefined;
  const mapping = mappingFor(ctx, idKw.value, pc.call);
  if (!mapping) return false;
  const t = modalTarget(mapping.targetId);
  if (t?.kind !== 'cls' || t.named) return undefined;
  const uses = idUses(pc.call);
  if (!uses) {
    ctx.findings.push(finding('CM715', 'the prediction this call returns is used beyond its `id`; .spawn() returns a modal.FunctionCall (object_id, get(), cancel()); call left unchanged', at(ctx, pc.call)));
    return false;
  }
  checkCallInputs(ctx, mapping, input.value);
  const written = ctx.text.slice(input.value.startIndex, input.value.endIndex);
  ctx.edits.push({ start: pc.call.startIndex, end: pc.call.endIndex, text: `modal.Cls.from_name(${pyLiteralLike(t.app, idKw.value)}, ${pyLiteralLike(t.cls, idKw.value)})().${t.method}.spawn(${written})` });
  for (const n of uses) ctx.edits.push({ start: n.startIndex, end: n.endIndex, text: 'object_id' });
  ctx.sdkUsed = true;
  return true;
}
