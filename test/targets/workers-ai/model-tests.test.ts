// The Cloudflare output's carried-over model tests (tests/: cases.json + the vitest file from
// runtime/model_tests/vitest): they type-check with their own tsconfig, and run with vitest
// against a Worker URL. Against a local stand-in on 127.0.0.1, a case per checker passes and a
// wrong expectation of each kind fails; match_prompt (a person's judgement) and a train case the
// Worker does not route are skipped.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/index.js';
import { png } from '../../../src/verify/smoke/examples.js';
import { workersAiTarget } from '../../../targets/workers-ai/index.js';
import { FIXTURES } from '../../helpers/fixtures.js';

const REPO = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'workers-model-tests-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The emitted tests/ folder of a fixture's BYO output, with node_modules linked. */
function emittedTests(fixture: string): string {
  const result = convert(join(FIXTURES, fixture, 'input'), workersAiTarget, { mode: 'byo' });
  if (result.status !== 'converted') throw new Error(`${fixture} did not convert`);
  const dir = join(work, fixture);
  const tests = result.files.filter((f) => f.path.startsWith('tests/'));
  for (const f of tests) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), 'content' in f ? f.content : readFileSync(f.copyFrom));
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'tests', 'node_modules'), 'dir');
  return join(dir, 'tests');
}

const image = `data:image/png;base64,${png(8, 8).toString('base64')}`;
const otherImage = `data:image/png;base64,${png(8, 4).toString('base64')}`;

/** Answers POST /predictions like the deployed Worker, by the prompt; POST /trainings is 404. */
function answer(input: { prompt?: string }): unknown {
  switch (input.prompt) {
    case 'hello': return { status: 'succeeded', output: 'hello world' };
    case 'json': return { status: 'succeeded', output: { weights: 'https://example.com/w.tar' } };
    case 'image': return { status: 'succeeded', output: [image] };
    default: return { status: 'failed', error: 'cannot identify image file' };
  }
}

const CASES = [
  ['exact-ok', 'predict', { prompt: 'hello' }, { kind: 'exact_string', expected: 'hello world' }],
  ['exact-wrong', 'predict', { prompt: 'hello' }, { kind: 'exact_string', expected: 'hello there' }],
  ['error-ok', 'predict', { prompt: 'broken' }, { kind: 'error_contains', expected: 'cannot identify' }],
  ['error-wrong', 'predict', { prompt: 'hello' }, { kind: 'error_contains', expected: 'cannot identify' }],
  ['jq-ok', 'predict', { prompt: 'json' }, { kind: 'jq_query', query: '.weights | endswith(".tar")' }],
  ['jq-wrong', 'predict', { prompt: 'json' }, { kind: 'jq_query', query: '.weights | endswith(".zip")' }],
  ['url-ok', 'predict', { prompt: 'image' }, { kind: 'match_url', url: image }],
  ['url-wrong', 'predict', { prompt: 'image' }, { kind: 'match_url', url: otherImage }],
  ['succeeds-ok', 'predict', { prompt: 'hello' }, { kind: 'succeeds' }],
  ['prompt', 'predict', { prompt: 'image' }, { kind: 'match_prompt', prompt: 'a gradient' }],
  ['train', 'train', { prompt: 'hello' }, { kind: 'succeeds' }],
] as const;

describe('workers-ai: the model tests carried from cog-safe-push', () => {
  it('are emitted as tests/ (cases.json, model.test.ts, package.json, tsconfig.json) and type-check', () => {
    const tests = emittedTests('safe-push-all-checkers');
    const cases = JSON.parse(readFileSync(join(tests, 'cases.json'), 'utf8')) as { urlEnv: string; cases: unknown[] };
    expect(cases.urlEnv).toBe('WORKER_URL');
    expect(cases.cases.length).toBeGreaterThanOrEqual(7);
    execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', join(tests, 'tsconfig.json')], { cwd: tests, encoding: 'utf8' });
  }, 120_000);

  it('run against a Worker URL: each checker passes, and fails on a wrong expectation', async () => {
    const tests = emittedTests('safe-push-variants');
    writeFileSync(join(tests, 'cases.json'), JSON.stringify({
      app: 'm', urlEnv: 'WORKER_URL',
      cases: CASES.map(([id, role, inputs, checker]) => ({ id, variant: null, role, inputs, checker, timeout: 30, source: `cases:${id}` })),
    }));
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => {
        if (req.url !== '/predictions') { res.statusCode = 404; res.end('Not found'); return; }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer((JSON.parse(body) as { input: { prompt?: string } }).input)));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const report = join(work, 'report.json');
    try {
      await new Promise<void>((ok) => {
        const child = spawn(process.execPath, [join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', tests, '--reporter=json', `--outputFile=${report}`], { cwd: tests, env: { ...process.env, WORKER_URL: url }, stdio: 'ignore' });
        child.on('exit', () => ok());
      });
    } finally {
      server.close();
    }
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: { title: string; status: string }[] }[] }).testResults.flatMap((t) => t.assertionResults);
    const status = Object.fromEntries(results.map((r) => [r.title.split(' ')[0], r.status]));
    expect(status).toEqual({
      'exact-ok': 'passed', 'exact-wrong': 'failed',
      'error-ok': 'passed', 'error-wrong': 'failed',
      'jq-ok': 'passed', 'jq-wrong': 'failed',
      'url-ok': 'passed', 'url-wrong': 'failed',
      'succeeds-ok': 'passed',
      prompt: 'skipped', train: 'skipped',
      set: 'skipped',
    });
  }, 180_000);
});
