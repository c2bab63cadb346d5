// Rewrites one Python file: the Replicate calls naming a moved model, by byte ranges of their
// tree-sitter nodes, then the import and client construction once nothing else uses them, then
// the helper a stream needs. Every other byte of the file stays as it was.

import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { parsePython, type SyntaxNode } from '../../python/parse.js';
import { applyEdits, type ClientsOptions } from '../types.js';
import { swallowBlankLine } from '../ts/source.js';
import { rewritePyCall } from './calls.js';
import { helpersText } from './helpers.js';
import { argsOf, at, type PyContext } from './context.js';
import { unmappedApi } from '../unmapped-apis.js';
import { dottedPath, findPyUses, type PyCall, type PyClient, type PyUses } from './uses.js';
import { findMapping } from '../models.js';
import { stringValue } from '../../python/strings.js';


export function rewritePySource(text: string, file: string, options: ClientsOptions): { after: string; findings: Finding[] } {
  const parsed = parsePython(text, { full: true });
  if (!parsed.root || parsed.syntaxError || parsed.timedOut) {
    const e = parsed.syntaxError;
    return { after: text, findings: [finding('CM700', `${file} does not parse: ${e?.message ?? 'parse timed out'}`, { file, ...(e ? { line: e.line, column: e.column } : {}) })] };
  }
  const uses = findPyUses(parsed.root);
  const ctx: PyContext = { file, to: options.to, models: options.models, root: parsed.root, text, edits: [], findings: [], helpers: new Set(), sdkUsed: false, used: new Set() };
  reportUntracedCalls(ctx, uses);
  if (uses.imports.length === 0) return { after: text, findings: ctx.findings };
  const done = new Set<SyntaxNode>();
  const mixed = clientsMixingSyncAndAsync(uses);
  // get and cancel last: they take their app from the model the file's other calls name.
  const late = (pc: PyCall) => Number(pc.kind === 'predictions.get' || pc.kind === 'predictions.cancel');
  for (const pc of [...uses.calls].sort((a, b) => late(a) - late(b))) {
    if (pc.viaClient && mixed.has(pc.receiver)) {
      ctx.findings.push(finding('CM713', `${pc.receiver} makes both sync and async calls; fal_client has separate SyncClient and AsyncClient; call left unchanged`, at(ctx, pc.call)));
      continue;
    }
    if (rewritePyCall(ctx, pc)) done.add(pc.call);
  }
  if (done.size === 0) return { after: text, findings: ctx.findings };
  const remaining = uses.calls.length - done.size + uses.otherUses.length;
  const everything = remaining === 0;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const moduleName = options.to === 'fal' ? 'fal_client' : 'modal';
  const alreadyImported = parsed.root.namedChildren.some((s) => s.type === 'import_statement' && s.namedChildren.some((n) => n.text === moduleName));
  const [first, ...others] = uses.imports;
  if (!ctx.sdkUsed) {
    if (everything && first!.alone) ctx.edits.push({ ...lineRemoval(text, first!.statement), text: '' });
  } else if (!alreadyImported) {
    if (everything && first!.alone) ctx.edits.push({ start: first!.statement.startIndex, end: first!.statement.endIndex, text: `import ${moduleName}` });
    else ctx.edits.push({ start: first!.statement.endIndex, end: first!.statement.endIndex, text: `${nl}import ${moduleName}` });
  }
  if (everything) {
    for (const o of others) if (o.alone && o.statement.startIndex !== first!.statement.startIndex) ctx.edits.push({ ...lineRemoval(text, o.statement), text: '' });
  } else ctx.findings.push(finding('CM717', `${remaining} use(s) of the Replicate client remain in ${file}`, at(ctx, first!.statement)));
  for (const c of uses.clients) {
    const calls = uses.calls.filter((pc) => pc.viaClient && pc.receiver === c.name);
    if (!calls.every((pc) => done.has(pc.call)) || uses.otherUses.some((u) => u.text === c.name)) continue;
    if (options.to === 'fal') ctx.edits.push(falClient(ctx, c, calls.some((pc) => pc.kind.startsWith('async_') || pc.kind.endsWith('async_create'))));
    else ctx.edits.push({ ...lineRemoval(text, c.statement), text: '' });
  }
  // Helpers go before a closing `if __name__ == "__main__":` block, which runs when the file
  // is executed and must find them defined; otherwise at the end.
  const guard = mainGuard(parsed.root);
  if (ctx.helpers.size && guard) ctx.edits.push({ start: guard.startIndex, end: guard.startIndex, text: `${helpersText(ctx.helpers, nl)}${nl}${nl}` });
  let after = applyEdits(text, ctx.edits);
  if (ctx.helpers.size && !guard) after = `${after}${after.endsWith('\n') ? '' : nl}${nl}${nl}${helpersText(ctx.helpers, nl)}`;
  const check = parsePython(after, { full: true });
  if (!check.root || check.syntaxError) return { after: text, findings: [...ctx.findings, finding('CM901', `the rewrite of ${file} does not parse (${check.syntaxError?.message ?? 'timeout'}); file left unchanged`, { file })] };
  return { after, findings: ctx.findings };
}

function clientsMixingSyncAndAsync(uses: PyUses): Set<string> {
  const out = new Set<string>();
  for (const c of uses.clients) {
    const kinds = uses.calls.filter((pc) => pc.viaClient && pc.receiver === c.name).map((pc) => pc.kind.includes('async_'));
    if (kinds.includes(true) && kinds.includes(false)) out.add(c.name);
  }
  return out;
}

/** `replicate.Client(api_token=X)` -> `fal_client.SyncClient(key=X')`, the token's env var renamed to FAL_KEY. */
function falClient(ctx: PyContext, c: PyClient, isAsync: boolean) {
  const cls = isAsync ? 'fal_client.AsyncClient' : 'fal_client.SyncClient';
  const token = argsOf(c.call)?.keywords.get('api_token')?.value;
  let key = '';
  if (token) {
    const written = ctx.text.slice(token.startIndex, token.endIndex);
    const renamed = written.replace(/(["'])REPLICATE_API_TOKEN\1/g, '$1FAL_KEY$1');
    if (renamed === written) ctx.findings.push(finding('CM732', `the Replicate client took its token from \`${written}\`; pass the fal key (FAL_KEY) there`, at(ctx, token)));
    key = `key=${renamed}`;
  }
  return { start: c.call.startIndex, end: c.call.endIndex, text: `${cls}(${key})` };
}

function lineRemoval(text: string, node: SyntaxNode): { start: number; end: number } {
  let start = node.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = node.endIndex;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return swallowBlankLine(text, start, end);
}

/** `x.run("owner/name", ...)` on something that is not the module or a client built in this file. */
function reportUntracedCalls(ctx: PyContext, uses: PyUses): void {
  const traced = new Set(uses.calls.map((c) => c.call.startIndex));
  const replicateNames = new Set([...uses.imports.filter((i) => i.kind === 'module').map((i) => i.name), ...uses.clients.map((c) => c.name)]);
  const visit = (n: SyntaxNode) => {
    if (n.type === 'call' && !traced.has(n.startIndex)) {
      const fn = dottedPath(n.childForFieldName('function'));
      const first = n.childForFieldName('arguments')?.namedChildren[0];
      const id = first?.type === 'string' ? stringValue(first) : undefined;
      if (fn && fn.length >= 2 && ['run', 'async_run', 'stream'].includes(fn[fn.length - 1]!) && id?.ok && findMapping(id.value, ctx.models)) {
        ctx.findings.push(finding('CM712', `\`${fn.join('.')}("${id.value}", ...)\`: the client is not constructed in this file`, at(ctx, n)));
      }
      const why = fn && fn.length >= 3 && replicateNames.has(fn[0]!) ? unmappedApi(fn.slice(1).join('.')) : undefined;
      if (why) ctx.findings.push(finding('CM714', `\`${fn!.join('.')}(...)\` ${why}; left unchanged`, at(ctx, n)));
    }
    for (const c of n.namedChildren) visit(c);
  };
  visit(ctx.root);
}

function mainGuard(root: SyntaxNode): SyntaxNode | undefined {
  const last = root.namedChildren.filter((n) => n.type !== 'comment').at(-1);
  const condition = last?.type === 'if_statement' ? last.childForFieldName('condition')?.text.replace(/\s+/g, '').replace(/'/g, '"') : undefined;
  return condition === '__name__=="__main__"' || condition === '"__main__"==__name__' ? last : undefined;
}
