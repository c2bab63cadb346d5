// The model's own test cases (cog-safe-push) as smoke inputs: the cases whose checker needs no
// network or person (exact_string, error_contains, jq_query, and cases without a checker) run
// through the platform in the smoke container; their outputs come back as data and are checked
// on the host by the same checkers the emitted tests ship (runtime/model_tests/checks.py).
// Target-generic: any target whose output has the cases (IR or tests/cases.json) uses them.
// fal's driver reads each answer as fal_client does (served.case_output); the targets that speak
// Cog's HTTP API (Modal's web endpoint, the Cloudflare Worker) hand back the raw answers, read
// here once (cogApiResults) as their emitted tests read them (runtime/model_tests/test_cog_http.py
// and vitest/model.test.ts, `run`).

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { CogIR } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { readJsonFile } from '../../fs/bounded-read.js';
import { offlineCases, testSuite, type TestCaseData, type TestSuiteData } from '../../model-tests/index.js';
import { packageRoot, verifyAsset } from '../assets.js';
import { sdkPython } from '../static/pyright.js';
import type { CaseResult } from './run.js';

export interface SmokeCases {
  run: TestCaseData[];
  /** CM545 for each case left to the deployed model's tests. */
  findings: Finding[];
}

const isUrl = (v: unknown): boolean => typeof v === 'string' && /^https?:\/\//i.test(v);
const needsNetwork = (c: TestCaseData): boolean => Object.values(c.inputs).some((v) => isUrl(v) || (Array.isArray(v) && v.some(isUrl)));

function locOf(c: TestCaseData): { file: string; line?: number } {
  const m = /^(.*):(\d+)$/.exec(c.source);
  return m ? { file: m[1]!, line: Number(m[2]) } : { file: c.source };
}

/** The cases a local smoke run can check, from the IR or else from the output's tests/cases.json. */
export function smokeCases(outDir: string, ir?: CogIR): SmokeCases {
  const suite = ir ? testSuite(ir, 'model') : (readJsonFile(join(outDir, 'tests', 'cases.json')) as TestSuiteData | undefined);
  if (!suite || !Array.isArray(suite.cases)) return { run: [], findings: [] };
  const offline = new Set(offlineCases(suite));
  const run: TestCaseData[] = [];
  const findings: Finding[] = [];
  for (const c of suite.cases) {
    const why = !offline.has(c) ? `its ${c.checker.kind} checker needs ${c.checker.kind === 'match_prompt' ? 'a person' : 'the network'}`
      : needsNetwork(c) ? 'an input is an http(s) URL (the smoke run is offline)' : undefined;
    if (why) findings.push(finding('CM545', `test case ${c.id} is not run locally: ${why}`, locOf(c)));
    else run.push(c);
  }
  return { run, findings };
}

/** What a smoke run sends for one case. */
export interface CaseRequest {
  id: string;
  role: string;
  inputs: Record<string, unknown>;
  timeout: number;
}

export function caseRequests(cases: readonly TestCaseData[]): CaseRequest[] {
  return cases.map((c) => ({ id: c.id, role: c.role, inputs: c.inputs, timeout: c.timeout }));
}

/** Cog's HTTP API route of a role, as the emitted tests post to it. */
export const COG_API_ROUTES: Readonly<Record<string, string>> = { predict: '/predictions', train: '/trainings' };

/** One case's answer from Cog's HTTP API: status and body text, as the platform sent them. */
export interface CogApiAnswer {
  id: string;
  status: number;
  text: string;
}

/**
 * The outputs of cases sent to Cog's HTTP API, read as the emitted tests read them: a non-2xx
 * answer is an error with its body (Cog's 422 detail is what error_contains may expect), a
 * prediction that did not succeed is its `error`, else its `output`. A train case answered 404
 * is not routed (the Worker forwards predictions only): CM545, as the emitted test skips it.
 */
export function cogApiResults(cases: readonly TestCaseData[], answers: readonly CogApiAnswer[]): { results: CaseResult[]; findings: Finding[] } {
  const results: CaseResult[] = [];
  const findings: Finding[] = [];
  for (const a of answers) {
    const c = cases.find((x) => x.id === a.id);
    if (c?.role === 'train' && a.status === 404) {
      findings.push(finding('CM545', `test case ${a.id} is not run locally: the app does not route ${COG_API_ROUTES['train']}`, locOf(c)));
      continue;
    }
    if (a.status < 200 || a.status >= 300) {
      results.push({ id: a.id, output: null, error: a.text, status: a.status });
      continue;
    }
    let body: { status?: unknown; output?: unknown; error?: unknown } | undefined;
    try { body = JSON.parse(a.text) as typeof body; } catch { body = undefined; }
    if (!body || typeof body !== 'object') results.push({ id: a.id, output: null, error: `not a prediction response: ${a.text.slice(0, 200)}`, status: a.status });
    else if (body.status === 'succeeded') results.push({ id: a.id, output: body.output ?? null, error: null, status: a.status });
    else results.push({ id: a.id, output: null, error: pythonStr(body.error), status: a.status });
  }
  return { results, findings };
}

/** Python's str() of a JSON value, as the emitted pytest file applies it to Cog's `error`. */
function pythonStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export interface CaseVerdicts {
  findings: Finding[];
  /** Case id -> whether its checker held. */
  passed: Map<string, boolean>;
}

/** Checks the outputs the smoke run returned; one CM544 per case whose checker fails. */
export async function checkCases(cases: TestCaseData[], results: CaseResult[] | undefined): Promise<CaseVerdicts> {
  const passed = new Map<string, boolean>();
  const none = (f: Finding[]): CaseVerdicts => ({ findings: f, passed });
  if (cases.length === 0) return none([]);
  if (!results) return none([finding('CM546', 'the smoke run returned no test case results')]);
  const env = await sdkPython('model-tests');
  if (!env.python) return none([finding('CM546', `the test cases were run but not checked: ${env.problem}`)]);
  const byId = new Map(results.map((r) => [r.id, r]));
  const input = cases.map((c) => ({ id: c.id, checker: c.checker, output: byId.get(c.id)?.output ?? null, error: byId.get(c.id) ? byId.get(c.id)!.error : 'no result' }));
  const checked = await new Promise<{ verdicts?: { id: string; ok: boolean | null; message: string }[]; problem?: string }>((resolve) => {
    const child = execFile(env.python!, ['-I', '-B', verifyAsset('smoke/check_cases.py'), join(packageRoot(), 'runtime', 'model_tests')],
      { timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) { resolve({ problem: (stderr || err.message).trim().split('\n').slice(-3).join(' ') }); return; }
        try { resolve({ verdicts: JSON.parse(stdout) as { id: string; ok: boolean | null; message: string }[] }); } catch { resolve({ problem: stdout.slice(0, 300) }); }
      });
    child.stdin?.end(JSON.stringify(input));
  });
  if (!checked.verdicts) return none([finding('CM546', `the test cases' checkers did not run: ${checked.problem}`)]);
  const findings: Finding[] = [];
  for (const v of checked.verdicts) {
    const c = cases.find((x) => x.id === v.id)!;
    passed.set(c.id, v.ok !== false);
    if (v.ok === false) findings.push(finding('CM544', `test case ${c.id} (${c.checker.kind}) fails on the local smoke run: ${v.message}`, locOf(c)));
  }
  return { findings, passed };
}

/** One case in the smoke step's record: what came back and whether its checker held. */
export type CaseRecord = CaseResult & { ok: boolean };

/**
 * Judges what a smoke run returned for the cases, from any target: the driver's results, or raw
 * answers of Cog's HTTP API. Findings (CM544 per failing case) and the step's record.
 */
export async function judgeCases(cases: TestCaseData[], returned: { cases?: CaseResult[]; answers?: CogApiAnswer[] } | undefined): Promise<{ findings: Finding[]; record?: CaseRecord[] }> {
  if (cases.length === 0) return { findings: [] };
  const fromApi = returned?.answers ? cogApiResults(cases, returned.answers) : undefined;
  const results = returned?.cases ?? fromApi?.results;
  const answered = fromApi ? cases.filter((c) => fromApi.results.some((r) => r.id === c.id)) : cases;
  const checked = await checkCases(answered, results);
  const record = results?.map((c) => ({ ...c, ok: checked.passed.get(c.id) ?? false }));
  return { findings: [...fromApi?.findings ?? [], ...checked.findings], ...(record ? { record } : {}) };
}
