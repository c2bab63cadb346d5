// The workers-ai smoke run: Cog's server in the built image answers on 127.0.0.1 (cog-server.ts),
// the bundled Worker runs on workerd with its platform part pointed at that server (workerd.ts),
// and one prediction with schema-derived inputs sent through the Worker must give the same
// output as the same request sent to Cog's server directly. An input that breaks the schema must
// come back 422 through the Worker (for Containers that 422 is Cog's own; for BYO the Worker's
// input check answers before the model is called). The model's offline test cases
// (cog-safe-push) are sent through the Worker as its emitted vitest file sends them; their raw
// answers go back to the shared case checks (src/verify/smoke/cases.ts).

import { extname } from 'node:path';
import type { Input, Predictor } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { Examples } from '../smoke/examples.js';
import { COG_API_ROUTES, type CaseRequest, type CogApiAnswer } from '../smoke/cases.js';
import { startWorkerd } from './workerd.js';
import type { WranglerConfig } from './wrangler.js';

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.txt': 'text/plain', '.wav': 'audio/wav', '.json': 'application/json' };

/** The request body's `input`: values as they are, files as data URIs (Cog downloads either). */
export function requestInput(examples: Examples): Record<string, unknown> {
  const input: Record<string, unknown> = { ...examples.values };
  for (const [name, f] of Object.entries(examples.files)) {
    input[name] = `data:${MIME[extname(f.path)] ?? 'application/octet-stream'};base64,${f.data.toString('base64')}`;
  }
  return input;
}

function unwrapKind(i: Input): string {
  let t = i.type;
  while (t.kind === 'optional') t = t.inner;
  return t.kind;
}

/** One input with a value of the wrong JSON type, which Cog's schema refuses; none when there are no inputs. */
export function invalidInput(p: Predictor, valid: Record<string, unknown>): { input: Record<string, unknown>; why: string } | undefined {
  const target = p.inputs.find((i) => i.default === 'required') ?? p.inputs[0];
  if (!target) return undefined;
  const kind = unwrapKind(target);
  const wrong = kind === 'str' || kind === 'path' || kind === 'file' || kind === 'secret' ? 12345 : kind === 'list' || kind === 'dict' ? 'not-a-collection' : ['not', 'a', 'scalar'];
  return { input: { ...valid, [target.name]: wrong }, why: `${target.name} = ${JSON.stringify(wrong)} (a ${kind} input)` };
}

async function postPrediction(url: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${url}/predictions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  if (r instanceof Error) return { status: 0, body: `no answer: ${r.message}` };
  const text = await r.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* kept as text */ }
  return { status: r.status, body };
}

const short = (v: unknown): string => { const s = JSON.stringify(v) ?? 'undefined'; return s.length > 300 ? `${s.slice(0, 300)}...` : s; };
const outputOf = (b: unknown): unknown => (b && typeof b === 'object' ? (b as { output?: unknown }).output : undefined);
const statusOf = (b: unknown): unknown => (b && typeof b === 'object' ? (b as { status?: unknown }).status : undefined);

export interface WorkerSmokeResult {
  findings: Finding[];
  direct?: unknown;
  worker?: unknown;
  rejected?: { status: number; body: unknown };
  /** The test cases' raw answers through the Worker. */
  answers?: CogApiAnswer[];
}

export async function smokeThroughWorker(o: { nodeModules: string; entry: string; config: WranglerConfig; serverUrl: string; predictor: Predictor; examples: Examples; cases?: CaseRequest[] }): Promise<WorkerSmokeResult> {
  const input = requestInput(o.examples);
  const direct = await postPrediction(o.serverUrl, input);
  if (direct.status !== 200 || statusOf(direct.body) !== 'succeeded') {
    return { findings: [finding('CM523', `Cog's server, called directly with ${short(input)}, answered ${direct.status} ${short(direct.body)}`)] };
  }
  let worker: Awaited<ReturnType<typeof startWorkerd>>;
  try {
    worker = await startWorkerd({ nodeModules: o.nodeModules, entry: o.entry, config: o.config, serverUrl: o.serverUrl });
  } catch (e) {
    return { findings: [finding('CM538', `the Worker did not start on workerd: ${String((e as Error).message ?? e).slice(0, 500)}`, { file: 'worker/src/index.ts' })], direct: outputOf(direct.body) };
  }
  try {
    const through = await worker.request('POST', '/predictions', { input }).catch((e: unknown) => ({ status: 0, text: `the request failed: ${String((e as Error).message ?? e)}` }));
    let body: unknown = through.text;
    try { body = JSON.parse(through.text); } catch { /* kept as text */ }
    const findings: Finding[] = [];
    const same = through.status === 200 && statusOf(body) === 'succeeded' && JSON.stringify(outputOf(body)) === JSON.stringify(outputOf(direct.body));
    if (!same) {
      findings.push(finding('CM538', `through the Worker: ${through.status} ${short(body)}; Cog's server directly: output ${short(outputOf(direct.body))}`, { file: 'worker/src/index.ts' }));
    }
    const bad = invalidInput(o.predictor, input);
    let rejected: WorkerSmokeResult['rejected'];
    if (bad) {
      const r = await worker.request('POST', '/predictions', { input: bad.input }).catch((e: unknown) => ({ status: 0, text: `the request failed: ${String((e as Error).message ?? e)}` }));
      let rb: unknown = r.text;
      try { rb = JSON.parse(r.text); } catch { /* kept as text */ }
      rejected = { status: r.status, body: rb };
      if (r.status !== 422) findings.push(finding('CM539', `${bad.why}: the Worker answered ${r.status} ${short(rb)}, not 422`, { file: 'worker/src/index.ts' }));
      // The Worker must refuse what Cog refuses: the same input sent to Cog's server directly.
      const cog = await postPrediction(o.serverUrl, bad.input);
      if (cog.status !== 422) findings.push(finding('CM539', `${bad.why}: Cog's server answered ${cog.status}, not 422, so the invalid-input check proves nothing`, { file: 'worker/src/index.ts' }));
    }
    const answers: CogApiAnswer[] = [];
    for (const c of o.cases ?? []) {
      const a = await worker.request('POST', COG_API_ROUTES[c.role] ?? '/predictions', { input: c.inputs }).catch((e: unknown) => ({ status: 0, text: `the request failed: ${String((e as Error).message ?? e)}` }));
      answers.push({ id: c.id, ...a });
    }
    return { findings, direct: outputOf(direct.body), worker: outputOf(body), ...(rejected ? { rejected } : {}), ...(o.cases?.length ? { answers } : {}) };
  } finally {
    await worker.close().catch(() => undefined);
  }
}
