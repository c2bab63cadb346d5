// Rewrites one TypeScript/JavaScript file: the Replicate calls that name a moved model, then the
// import and client construction (only when nothing uses them any more), then the helpers the
// new calls need. Everything else keeps its bytes: edits replace the call nodes' text only.

import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { findMapping } from '../models.js';
import { unmappedApi } from '../unmapped-apis.js';
import { applyEdits, type ClientsOptions } from '../types.js';
import { at, literalLike, type TsContext } from './context.js';
import { rewriteFalCall } from './fal.js';
import { helpersText } from './helpers.js';
import { rewriteModalCall, rewriteWorkersAiCall } from './modal-workers.js';
import { findReplicateUses, type ClientCall, type ClientDecl, type ReplicateImport, type ReplicateUses } from './replicate-uses.js';
import { parseTs, statementRemoval, stringOf } from './source.js';

export function rewriteTsSource(text: string, file: string, options: ClientsOptions): { after: string; findings: Finding[] } {
  const parsed = parseTs(text, file);
  if (!parsed.ok) return { after: text, findings: [finding('CM700', `${file} does not parse: ${parsed.message}`, { file, line: parsed.line, column: parsed.column })] };
  const sf = parsed.sf;
  const uses = findReplicateUses(sf);
  const ctx: TsContext = { file, js: /\.[cm]?jsx?$/.test(file), to: options.to, models: options.models, edits: [], findings: [], helpers: new Set(), used: new Set(), clients: uses.clients, submitted: new Map() };
  reportUntracedCalls(ctx, sf, uses);
  const rewrite = options.to === 'fal' ? rewriteFalCall : options.to === 'modal' ? rewriteModalCall : rewriteWorkersAiCall;
  let rewritten = 0;
  // The prediction lifecycle last: get and cancel take their app from the model the file's other
  // calls name, wait the prediction a rewritten create returned.
  const late = (c: ClientCall) => Number(c.kind === 'predictions.cancel' || c.kind === 'predictions.get' || c.kind === 'wait');
  const ordered = [...uses.calls].sort((a, b) => late(a) - late(b));
  for (const cc of ordered) if (rewrite(ctx, cc)) rewritten++;
  if (rewritten === 0) return { after: text, findings: ctx.findings };
  const everything = rewritten === uses.calls.length && uses.otherUses.length === 0;
  if (!everything && uses.imports[0]) ctx.findings.push(finding('CM717', `${uses.calls.length - rewritten + uses.otherUses.length} use(s) of the Replicate client remain in ${file}`, at(ctx, uses.imports[0].statement)));
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  replaceClientSetup(ctx, sf, uses, everything, newline);
  let after = applyEdits(text, ctx.edits);
  const helpers = helpersText(ctx.helpers, ctx.js, newline, text);
  if (helpers) after = `${after}${after.endsWith('\n') ? '' : newline}${newline}${helpers}`;
  const check = parseTs(after, file);
  if (!check.ok) return { after: text, findings: [...ctx.findings, finding('CM901', `the rewrite of ${file} does not parse (${check.message} at ${check.line}:${check.column}); file left unchanged`, { file })] };
  return { after, findings: ctx.findings };
}

/**
 * `.run("owner/name", ...)` on something that is not a client constructed in this file; in a file
 * that imports `replicate`, also `x.predictions.create/get/cancel(...)` through a client kept
 * somewhere the rewrite does not follow (an object property, a parameter), whatever model it names.
 */
function reportUntracedCalls(ctx: TsContext, sf: SourceFile, uses: ReplicateUses): void {
  const traced = new Set(uses.calls.map((c) => c.call));
  for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (traced.has(call)) continue;
    const callee = call.getExpression();
    const lifecycle = uses.imports.length > 0 && Node.isPropertyAccessExpression(callee) && ['create', 'get', 'cancel'].includes(callee.getName())
      && /(^|\.)predictions$/.test(callee.getExpression().getText());
    const root = callee.getText().split('.')[0]!;
    const why = Node.isPropertyAccessExpression(callee) && uses.clients.some((c) => c.name === root) ? unmappedApi(callee.getText().replace(/\s+/g, '').split('.').slice(1).join('.')) : undefined;
    if (why) {
      ctx.findings.push(finding('CM714', `\`${short(callee.getText())}(...)\` ${why}; left unchanged`, at(ctx, call)));
      continue;
    }
    if (lifecycle) {
      ctx.findings.push(finding('CM712', `\`${short(callee.getText())}(...)\`: the Replicate client is reached through \`${short(callee.getExpression().getText().replace(/\.predictions$/, ''))}\`, not a \`const\` made with \`new Replicate()\` in this file, so the call is left unchanged`, at(ctx, call)));
      continue;
    }
    if (!Node.isPropertyAccessExpression(callee) || !['run', 'stream', 'async_run'].includes(callee.getName())) continue;
    const id = stringOf(call.getArguments()[0]);
    if (id === undefined || !findMapping(id, ctx.models)) continue;
    ctx.findings.push(finding('CM712', `\`${callee.getExpression().getText()}.${callee.getName()}("${id}", ...)\`: the client is not constructed in this file`, at(ctx, call)));
  }
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 50 ? `${one.slice(0, 50)}…` : one;
}

function replaceClientSetup(ctx: TsContext, sf: SourceFile, uses: ReplicateUses, everything: boolean, nl: string): void {
  if (ctx.to !== 'fal') {
    if (!everything) return;
    for (const s of [...uses.imports.filter((i) => i.defaultOnly).map((i) => i.statement), ...uses.clients.map((c) => c.statement)]) ctx.edits.push({ ...statementRemoval(s), text: '' });
    return;
  }
  const haveFal = sf.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === '@fal-ai/client');
  const imp = uses.imports[0];
  const [first, ...rest] = uses.clients;
  // A client made per request with the caller's own token (a key the request carries) becomes a
  // per-request fal client with that token: fal.config is global, and concurrent requests with
  // different keys would race. Only where nothing else (a helper) needs the module's `fal`.
  const perRequest = everything && first && rest.length === 0 && ctx.helpers.size === 0 && callerToken(first) && !Node.isSourceFile(first.statement.getParent());
  if (imp && !haveFal) {
    const falImport = importText(imp, perRequest ? 'createFalClient' : 'fal');
    if (everything && imp.defaultOnly) ctx.edits.push({ start: imp.statement.getStart(), end: imp.statement.getEnd(), text: falImport });
    else ctx.edits.push({ start: imp.statement.getEnd(), end: imp.statement.getEnd(), text: `${nl}${falImport}` });
  }
  if (!first) return;
  if (perRequest) {
    ctx.findings.push(finding('CM732', `the Replicate client took the caller's token from \`${first.auth!.getText()}\`; the fal client made here takes the same expression, so callers now send their fal key there`, at(ctx, first.statement)));
    ctx.edits.push({ start: first.statement.getStart(), end: first.statement.getEnd(), text: `const fal = createFalClient({ credentials: ${first.auth!.getText()} });` });
    return;
  }
  const config = `fal.config({ credentials: ${credentials(ctx, first)} });`;
  if (everything) {
    ctx.edits.push({ start: first.statement.getStart(), end: first.statement.getEnd(), text: config });
    for (const c of rest) ctx.edits.push({ ...statementRemoval(c.statement), text: '' });
  } else {
    ctx.edits.push({ start: first.statement.getEnd(), end: first.statement.getEnd(), text: `${nl}${indentOf(sf, first.statement)}${config}` });
  }
}

function importText(imp: ReplicateImport, name: 'fal' | 'createFalClient'): string {
  const spec = literalLike('@fal-ai/client', imp.specifier);
  return imp.esm ? `import { ${name} } from ${spec};` : `const { ${name} } = require(${spec});`;
}

/** The client's `auth` is a value of the request (not the environment): `auth: userToken`. */
function callerToken(client: ClientDecl): boolean {
  const auth = client.auth?.getText();
  return auth !== undefined && !/(^|\.)env(\.|\[)|REPLICATE_API_TOKEN/.test(auth);
}

/** The fal key where the Replicate token came from: `process.env.FAL_KEY`, or `env.FAL_KEY` in a Worker. */
function credentials(ctx: TsContext, client: ClientDecl): string {
  const auth = client.auth?.getText();
  const m = auth ? /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.REPLICATE_API_TOKEN$/.exec(auth) : undefined;
  if (m) {
    if (m[1] !== 'process.env') {
      declareFalKey(ctx, client.statement.getSourceFile());
      ctx.findings.push(finding('CM732', `the fal key is read from ${m[1]}.FAL_KEY: set it as a secret (\`wrangler secret put FAL_KEY\`)`, at(ctx, client.statement)));
    }
    return `${m[1]}.FAL_KEY`;
  }
  if (auth !== undefined) ctx.findings.push(finding('CM732', `the Replicate client took its token from \`${auth}\`; the rewrite reads the fal key from FAL_KEY`, at(ctx, client.statement)));
  return 'process.env.FAL_KEY';
}

function indentOf(sf: SourceFile, node: Node): string {
  const text = sf.getFullText();
  let i = node.getStart();
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return text.slice(i, node.getStart());
}

/** A Worker's `Env` interface declared here with REPLICATE_API_TOKEN gains `FAL_KEY` beside it. */
function declareFalKey(ctx: TsContext, sf: SourceFile): void {
  for (const i of sf.getInterfaces()) {
    const token = i.getProperty('REPLICATE_API_TOKEN');
    if (!token || i.getProperty('FAL_KEY')) continue;
    const type = token.getTypeNode()?.getText() ?? 'string';
    ctx.edits.push({ start: token.getEnd(), end: token.getEnd(), text: `${sf.getFullText().includes('\r\n') ? '\r\n' : '\n'}${indentOf(sf, token)}FAL_KEY: ${type};` });
  }
}
