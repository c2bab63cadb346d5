// Replicate calls -> the Modal app's Cog-compatible endpoint (fetch POST /predictions, the body
// keeps Cog's `{ input }` shape), and -> Workers AI inside a Worker (`env.AI.run(model, input)`,
// https://developers.cloudflare.com/workers-ai/configuration/bindings/). Neither platform has a
// prediction queue or a Replicate-style stream, so those calls stay with a finding.

import { finding } from '../../findings/finding.js';
import { envName, modalTarget } from '../models.js';
import type { ModelMapping } from '../types.js';
import { at, checkCallInputs, literalLike, mappingFor, workerEnvInScope, type TsContext } from './context.js';
import { planOptions } from './options.js';
import { reindented } from './source.js';
import type { ClientCall } from './replicate-uses.js';

const RULES = {
  input: { keep: true }, wait: { drop: 'silent' },
  webhook: { drop: 'webhook (the target sends no webhooks; the call waits for the output)' },
  webhook_events_filter: { drop: 'webhook_events_filter (the target sends no webhooks)' },
} as const;

const NO_QUEUE: Record<string, string> = {
  stream: 'has no Replicate-style stream (the whole output arrives at once)',
  wait: 'has no prediction queue to wait on',
  'predictions.create': 'has no prediction queue: call the model with the awaited form (replicate.run) instead',
  'predictions.get': 'has no prediction queue',
  'predictions.cancel': 'has no prediction queue',
};

/** The model input expression and the target, or undefined with the finding that says why not. */
function prepare(ctx: TsContext, cc: ClientCall): { mapping: ModelMapping; input: string; literal: import('ts-morph').Node } | undefined {
  const platform = ctx.to === 'modal' ? "The Modal app's Cog endpoint" : 'Workers AI';
  if (cc.kind !== 'run') {
    ctx.findings.push(finding('CM714', `replicate.${cc.kind}: ${platform} ${NO_QUEUE[cc.kind]}`, at(ctx, cc.call)));
    return undefined;
  }
  const [idArg, opts, ...extra] = cc.call.getArguments();
  const target = mappingFor(ctx, idArg, cc.call);
  if (!target) return undefined;
  if (extra.length) {
    ctx.findings.push(finding('CM713', 'a progress callback receives Replicate prediction objects, which the target does not send; call left unchanged', at(ctx, cc.call)));
    return undefined;
  }
  const plan = planOptions(opts, RULES);
  if (!plan.ok) {
    ctx.findings.push(finding('CM713', `${plan.reason}; call left unchanged`, at(ctx, cc.call)));
    return undefined;
  }
  const input = plan.values.get('input')!;
  checkCallInputs(ctx, target.mapping, input);
  for (const d of plan.dropped) ctx.findings.push(finding('CM731', `dropped ${d}`, at(ctx, cc.call)));
  return { mapping: target.mapping, input: reindented(input, cc.call), literal: target.literal };
}

export function rewriteModalCall(ctx: TsContext, cc: ClientCall): boolean {
  const p = prepare(ctx, cc);
  if (!p) return false;
  const t = modalTarget(p.mapping.targetId)!;
  let url: string;
  if (t.kind === 'url') url = literalLike(t.url, p.literal);
  else {
    const variable = `${envName(t.app)}_URL`;
    url = `process.env.${variable}`;
    ctx.findings.push(finding('CM732', `set ${variable} to the web endpoint URL of the Modal app ${t.app} (its Cog-compatible endpoint; \`modal deploy\` prints it)`, at(ctx, cc.call)));
  }
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getEnd(), text: `predictOnModal(${url}, ${p.input})` });
  ctx.helpers.add('predictOnModal');
  return true;
}

export function rewriteWorkersAiCall(ctx: TsContext, cc: ClientCall): boolean {
  if (cc.kind === 'run' && !workerEnvInScope(cc.call)) {
    ctx.findings.push(finding('CM716', 'no Worker `env` parameter around this call, so `env.AI` is not reachable', at(ctx, cc.call)));
    return false;
  }
  const p = prepare(ctx, cc);
  if (!p) return false;
  ctx.edits.push({ start: cc.call.getStart(), end: cc.call.getEnd(), text: `env.AI.run(${literalLike(p.mapping.targetId, p.literal)}, ${p.input})` });
  ctx.findings.push(finding('CM732', `the Worker needs the Workers AI binding \`AI\` ("ai": { "binding": "AI" } in wrangler.jsonc) and ${p.mapping.targetId} deployed on it`, at(ctx, cc.call)));
  return true;
}
