// Replicate Python calls -> fal_client (subscribe / subscribe_async / submit / stream, reading
// the cog-migrate fal app's `{"output": ...}`, files as `{"url": ...}`) or -> the deployed Modal
// class (`modal.Cls.from_name(app, cls)().predict.remote(...)`, `.aio` when awaited,
// `remote_gen` for streams). Workers AI is reached from a Worker, never from Python.

import { finding } from '../../findings/finding.js';
import type { SyntaxNode } from '../../python/parse.js';
import { isPyIdentifier } from '../../quote/python.js';
import { outputShape } from '../ir-checks.js';
import { modalTarget } from '../models.js';
import type { ModelMapping } from '../types.js';
import { argsOf, argumentRemoval, at, checkCallInputs, mappingFor, pyLiteralLike, type PyArgs, type PyContext } from './context.js';
import type { PyCall } from './uses.js';
import { falQueueCall } from './fal-queue.js';
import { modalQueueCall } from './modal-queue.js';

type Rule = 'keep' | 'silent' | { rename: string } | { drop: string };

const NO_WEBHOOK = 'webhook (fal_client.subscribe waits for the result; fal_client.submit takes webhook_url)';

function unsafe(ctx: PyContext, call: SyntaxNode, reason: string): false {
  ctx.findings.push(finding('CM713', `${reason}; call left unchanged`, at(ctx, call)));
  return false;
}

/** Checks the keyword arguments against `rules` and pushes the edits for renames and drops. */
function planKeywords(ctx: PyContext, call: SyntaxNode, args: PyArgs, rules: Record<string, Rule>): boolean {
  const edits = [];
  const dropped: string[] = [];
  for (const [name, kw] of args.keywords) {
    const rule = rules[name];
    if (!rule) return unsafe(ctx, call, `keyword ${name}= has no equivalent the rewrite can prove`);
    if (rule === 'keep') continue;
    if (typeof rule === 'object' && 'rename' in rule) edits.push({ start: kw.node.startIndex, end: kw.node.childForFieldName('name')!.endIndex, text: rule.rename });
    else {
      edits.push({ ...argumentRemoval(kw.node, args.list), text: '' });
      if (typeof rule === 'object') dropped.push(rule.drop);
    }
  }
  ctx.edits.push(...edits);
  for (const d of dropped) ctx.findings.push(finding('CM731', `dropped ${d}`, at(ctx, call)));
  return true;
}

interface Prepared { mapping: ModelMapping; args: PyArgs; idNode: SyntaxNode; input?: SyntaxNode }

function prepareRun(ctx: PyContext, pc: PyCall): Prepared | undefined {
  const args = argsOf(pc.call);
  if (!args) return undefined;
  if (args.splat) return void unsafe(ctx, pc.call, 'the call passes *args or **kwargs');
  const idNode = args.positional[0];
  const mapping = mappingFor(ctx, idNode, pc.call);
  if (!mapping || !idNode) return undefined;
  if (args.positional.length > 2) return void unsafe(ctx, pc.call, 'extra positional arguments');
  const input = args.keywords.get('input')?.value ?? args.positional[1];
  if (!input) return void unsafe(ctx, pc.call, 'the call passes no input');
  checkCallInputs(ctx, mapping, input);
  return { mapping, args, idNode, input };
}

export function rewritePyCall(ctx: PyContext, pc: PyCall): boolean {
  if (ctx.to === 'workers-ai') {
    ctx.findings.push(finding('CM716', 'Workers AI models are called from a Worker (env.AI.run); from Python, call the Worker over HTTP', at(ctx, pc.call)));
    return false;
  }
  if (ctx.to === 'fal' && (pc.kind === 'predictions.get' || pc.kind === 'predictions.cancel')) return falQueueCall(ctx, pc);
  if (ctx.to === 'modal' && pc.kind.startsWith('predictions.') && pc.kind !== 'predictions.async_create') {
    const done = modalQueueCall(ctx, pc, (call) => handleIdUses(ctx, call));
    if (done !== undefined) return done;
  }
  if (pc.kind === 'predictions.get' || pc.kind === 'predictions.cancel' || pc.kind === 'wait' || (ctx.to === 'modal' && pc.kind.startsWith('predictions.'))) {
    const hint = ctx.to === 'fal'
      ? 'a Replicate prediction object waits on itself; on fal, call handle.get() on what fal_client.submit returned'
      : 'a deployed Modal class has no prediction queue: call .spawn() and FunctionCall.get() by hand';
    ctx.findings.push(finding('CM714', `replicate ${pc.kind}: ${hint}`, at(ctx, pc.call)));
    return false;
  }
  return ctx.to === 'fal' ? rewriteFal(ctx, pc) : rewriteModal(ctx, pc);
}

function rewriteFal(ctx: PyContext, pc: PyCall): boolean {
  ctx.sdkUsed = true;
  if (pc.kind === 'predictions.create' || pc.kind === 'predictions.async_create') return falSubmit(ctx, pc);
  const p = prepareRun(ctx, pc);
  if (!p) return false;
  const isAsync = pc.kind.startsWith('async_');
  const awaited = pc.call.parent?.type === 'await' ? pc.call.parent : undefined;
  if (isAsync && !awaited && pc.kind === 'async_run') return unsafe(ctx, pc.call, 'the coroutine is not awaited where it is made');
  const stream = pc.kind === 'stream' || pc.kind === 'async_stream';
  const rules: Record<string, Rule> = stream
    ? { input: { rename: 'arguments' }, use_file_output: 'silent', webhook: { drop: 'webhook (fal_client.stream sends no webhooks)' }, webhook_events_filter: { drop: 'webhook_events_filter (fal_client.stream sends no webhooks)' } }
    : { input: { rename: 'arguments' }, wait: 'silent', use_file_output: 'silent', webhook: { drop: NO_WEBHOOK }, webhook_events_filter: { drop: NO_WEBHOOK } };
  if (!planKeywords(ctx, pc.call, p.args, rules)) return false;
  const fn = pc.call.childForFieldName('function')!;
  const method = stream ? (isAsync ? 'stream_async' : 'stream') : isAsync ? 'subscribe_async' : 'subscribe';
  ctx.edits.push({ start: fn.startIndex, end: fn.endIndex, text: `${pc.viaClient ? pc.receiver : 'fal_client'}.${pc.viaClient ? method.replace('_async', '') : method}` });
  ctx.edits.push({ start: p.idNode.startIndex, end: p.idNode.endIndex, text: pyLiteralLike(p.mapping.targetId, p.idNode) });
  if (stream) {
    // fal_client.stream_async is an async generator: an `await` in front of Replicate's
    // async_stream(...) (a coroutine giving an async iterator) goes.
    const helper = isAsync ? '_replicate_style_events_async' : '_replicate_style_events';
    const start = awaited && isAsync ? awaited.startIndex : pc.call.startIndex;
    ctx.edits.push({ start, end: pc.call.startIndex, text: `${helper}(` }, { start: pc.call.endIndex, end: pc.call.endIndex, text: ')' });
    ctx.helpers.add(helper);
    return true;
  }
  const shape = outputShape(p.mapping.ir);
  if (shape === 'file' || shape === 'files') ctx.findings.push(finding('CM730', `${p.mapping.owner}/${p.mapping.name} returns ${shape === 'file' ? 'a file' : 'files'}: the rewritten call gives ${shape === 'file' ? 'its URL' : 'their URLs'}`, at(ctx, pc.call)));
  const whole = awaited ?? pc.call;
  const value = awaited ? { pre: '(', post: ')["output"]' } : { pre: '', post: '["output"]' };
  if (shape === 'file') value.post += '["url"]';
  if (shape === 'files') {
    value.pre = `[file["url"] for file in ${value.pre}`;
    value.post += ']';
  }
  if (value.pre) ctx.edits.push({ start: whole.startIndex, end: whole.startIndex, text: value.pre });
  ctx.edits.push({ start: whole.endIndex, end: whole.endIndex, text: value.post });
  return true;
}

function falSubmit(ctx: PyContext, pc: PyCall): boolean {
  const args = argsOf(pc.call);
  if (!args) return false;
  if (args.splat || args.positional.length) return unsafe(ctx, pc.call, 'predictions.create takes keyword arguments only here');
  const idKw = args.keywords.get('model') ?? args.keywords.get('version');
  if (!idKw) return unsafe(ctx, pc.call, 'the call names no model or version');
  const mapping = mappingFor(ctx, idKw.value, pc.call);
  if (!mapping) return false;
  const isAsync = pc.kind === 'predictions.async_create';
  const awaited = pc.call.parent?.type === 'await' ? pc.call.parent : undefined;
  if (isAsync && !awaited) return unsafe(ctx, pc.call, 'the coroutine is not awaited where it is made');
  const idUses = handleIdUses(ctx, awaited ?? pc.call);
  if (!idUses) {
    ctx.findings.push(finding('CM715', 'the prediction this call returns is used beyond its `id`; fal_client.submit returns a request handle (request_id, status(), get()); call left unchanged', at(ctx, pc.call)));
    return false;
  }
  const rules: Record<string, Rule> = {
    model: 'silent', version: 'silent', input: { rename: 'arguments' }, wait: 'silent', stream: 'silent',
    webhook: { rename: 'webhook_url' }, webhook_events_filter: { drop: 'webhook_events_filter (fal calls the webhook once, when the request completes)' },
  };
  if (!args.keywords.has('input')) return unsafe(ctx, pc.call, 'the call passes no input');
  if (!planKeywords(ctx, pc.call, args, rules)) return false;
  checkCallInputs(ctx, mapping, args.keywords.get('input')!.value);
  const fn = pc.call.childForFieldName('function')!;
  ctx.edits.push({ start: fn.startIndex, end: fn.endIndex, text: pc.viaClient ? `${pc.receiver}.submit` : isAsync ? 'fal_client.submit_async' : 'fal_client.submit' });
  const open = args.list.children[0]!;
  const breaks = /^[ \t]*\r?\n/.test(ctx.text.slice(open.endIndex, open.endIndex + 16));
  ctx.edits.push({ start: open.endIndex, end: open.endIndex, text: `${pyLiteralLike(mapping.targetId, idKw.value)},${breaks ? '' : ' '}` });
  for (const n of idUses) ctx.edits.push({ start: n.startIndex, end: n.endIndex, text: 'request_id' });
  return true;
}

/** `p.id` attribute names after `p = <create call>`, when nothing else reads `p`; undefined otherwise. */
function handleIdUses(ctx: PyContext, value: SyntaxNode): SyntaxNode[] | undefined {
  const parent = value.parent;
  if (parent?.type === 'expression_statement') return [];
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.type !== 'identifier') return undefined;
  const name = parent.childForFieldName('left')!.text;
  let scope: SyntaxNode = parent;
  while (scope.parent && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const uses: SyntaxNode[] = [];
  let ok = true;
  const visit = (n: SyntaxNode) => {
    if (n.type === 'identifier' && n.text === name && n.startIndex !== parent.childForFieldName('left')!.startIndex) {
      const p = n.parent;
      if (p?.type === 'attribute' && p.childForFieldName('attribute')?.startIndex === n.startIndex) return;
      if (p?.type === 'attribute' && p.childForFieldName('attribute')?.text === 'id') uses.push(p.childForFieldName('attribute')!);
      else ok = false;
    }
    for (const c of n.namedChildren) visit(c);
  };
  visit(scope);
  return ok ? uses : undefined;
}

function rewriteModal(ctx: PyContext, pc: PyCall): boolean {
  const p = prepareRun(ctx, pc);
  if (!p) return false;
  const t = modalTarget(p.mapping.targetId);
  if (t?.kind === 'url') return modalHttp(ctx, pc, p, t.url);
  if (t?.kind !== 'cls') return false;
  const extra = [...p.args.keywords.keys()].filter((k) => !['input', 'wait', 'use_file_output'].includes(k));
  if (extra.length) return unsafe(ctx, pc.call, `keyword(s) ${extra.join(', ')} have no Modal equivalent (Modal calls send no webhooks)`);
  const awaited = pc.call.parent?.type === 'await' ? pc.call.parent : undefined;
  if (pc.kind === 'async_run' && !awaited) return unsafe(ctx, pc.call, 'the coroutine is not awaited where it is made');
  // remote_gen.aio is an async generator, iterated directly: the `await` Replicate's async_stream needed goes.
  if (pc.kind === 'async_stream' && awaited) ctx.edits.push({ start: awaited.startIndex, end: pc.call.startIndex, text: '' });
  const method = pc.kind.endsWith('stream') ? 'remote_gen' : 'remote';
  const callable = `modal.Cls.from_name(${pyLiteralLike(t.app, p.idNode)}, ${pyLiteralLike(t.cls, p.idNode)})().${t.method}.${method}${pc.kind.startsWith('async_') ? '.aio' : ''}`;
  // Edited in place, argument by argument, so comments and layout inside the call survive.
  ctx.sdkUsed = true;
  const fn = pc.call.childForFieldName('function')!;
  ctx.edits.push({ start: fn.startIndex, end: fn.endIndex, text: callable }, { ...argumentRemoval(p.idNode, p.args.list), text: '' });
  for (const k of ['wait', 'use_file_output']) {
    const kw = p.args.keywords.get(k);
    if (kw) ctx.edits.push({ ...argumentRemoval(kw.node, p.args.list), text: '' });
  }
  // cog-migrate's Modal class takes Cog's input as one dict (`predict(self, input)`, as
  // `modal run` and the web endpoint pass it); a method named in TARGET_ID takes keywords.
  const inputArg = p.args.keywords.get('input')?.node ?? p.input!;
  const written = ctx.text.slice(p.input!.startIndex, p.input!.endIndex);
  ctx.edits.push({ start: inputArg.startIndex, end: inputArg.endIndex, text: t.named ? keywordArguments(ctx, p.input!) : written });
  return true;
}

/** `{"prompt": p, "steps": 20}` -> `prompt=p, steps=20`; with comments or other keys -> `**{...}` as written. */
function keywordArguments(ctx: PyContext, input: SyntaxNode): string {
  const written = ctx.text.slice(input.startIndex, input.endIndex);
  if (input.type === 'dictionary' && written === input.text) {
    const parts: string[] = [];
    for (const pair of input.namedChildren) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
      const m = key?.type === 'string' ? /^["']([A-Za-z_][A-Za-z0-9_]*)["']$/.exec(key.text) : undefined;
      if (!m || !isPyIdentifier(m[1]!)) return `**${written}`;
      parts.push(`${m[1]}=${pair.childForFieldName('value')!.text}`);
    }
    return parts.join(', ');
  }
  return `**${written}`;
}

/** A Modal endpoint URL: `_predict_on_modal(url, input=...)`, an HTTP POST /predictions as Cog takes it. */
function modalHttp(ctx: PyContext, pc: PyCall, p: Prepared, url: string): boolean {
  if (pc.kind !== 'run') {
    ctx.findings.push(finding('CM714', `replicate ${pc.kind}: the Modal app's Cog endpoint answers whole predictions only; give app-name/ClassName to call the deployed class (.remote_gen, .aio) instead`, at(ctx, pc.call)));
    return false;
  }
  const extra = [...p.args.keywords.keys()].filter((k) => !['input', 'wait', 'use_file_output'].includes(k));
  if (extra.length) return unsafe(ctx, pc.call, `keyword(s) ${extra.join(', ')} have no equivalent on the Modal endpoint (it sends no webhooks)`);
  const fn = pc.call.childForFieldName('function')!;
  ctx.edits.push({ start: fn.startIndex, end: fn.endIndex, text: '_predict_on_modal' }, { start: p.idNode.startIndex, end: p.idNode.endIndex, text: pyLiteralLike(url, p.idNode) });
  for (const k of ['wait', 'use_file_output']) {
    const kw = p.args.keywords.get(k);
    if (kw) ctx.edits.push({ ...argumentRemoval(kw.node, p.args.list), text: '' });
  }
  ctx.helpers.add('_predict_on_modal');
  return true;
}
