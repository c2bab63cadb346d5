// The workers-ai target on the real engine, lean: three CPU fixtures (Path in / Path out, an
// iterator, a BaseModel output) and the async BaseRunner with @streaming and @concurrent (issue
// 15: it pins sdk_version 0.22.0, the first release with `concurrent`) through the Containers
// form, and one CPU fixture forced to BYO.
// Each image's own Cog server answers on 127.0.0.1 and the generated Worker, bundled by wrangler
// and run on workerd (Miniflare), is in front of it; the shared smoke driver, in a further
// container of the same image, sends one prediction through the Worker, calls the Cog predictor
// directly with the same inputs and compares (files by content); the same request sent to Cog's
// server behind the Worker must agree too; an invalid input comes back 422 through the Worker,
// and Cog's server refuses it as well. Two runs change one side and see the comparison fail.
// The Containers images share every layer but the last (python:3.11-slim, tini, the pinned cog).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify, type VerifyResult } from '../../src/verify/index.js';
import type { WorkersAiMode } from '../../targets/workers-ai/index.js';
import { convertForWorkers, type WorkersOutput } from '../verify/workers-ai/helpers.js';
import { taggedImageSuite } from './helpers.js';

// The images are kept so the Containers builds share layers; the suite removes them at the end.
const TAG = 'cog-migrate-verify/workers-ai-test';
taggedImageSuite(TAG, 'test/docker/workers-ai.test.ts');
afterAll(() => { for (const o of outputs) o.remove(); });

const outputs: WorkersOutput[] = [];
function output(fixture: string, mode: WorkersAiMode): string {
  const o = convertForWorkers(fixture, mode);
  outputs.push(o);
  return o.outDir;
}

const errors = (r: VerifyResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
const smoke = (r: VerifyResult) => r.steps.find((s) => s.name === 'smoke');

describe('workers-ai on the real engine: the Worker on workerd in front of Cog\'s server, compared with the direct call', () => {
  for (const fixture of ['path-in-path-out-text-transform', 'output-iterator-str', 'output-basemodel-class', 'async-concatenate-iterator-concurrent-decorator']) {
    it(`${fixture} (Containers): builds, and the Worker returns what the Cog predictor returns when called directly`, async () => {
      const r = await verify(output(fixture, 'containers'), { level: 'smoke', keepImage: true, tag: `${TAG}:${fixture}` });
      expect(errors(r)).toEqual([]);
      expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
      const s = smoke(r)!.smoke!;
      expect(s.runtime).toMatchObject({ platform: 'workers-ai', sdk: expect.stringMatching(/^0\.22\.0/), application: expect.stringMatching(/^the Worker on workerd \(Miniflare \d+\.\d+.*container runtime stood in.*python -m cog\.server\.http/) });
      expect(s.direct).not.toBeUndefined();
      expect(s.adapter).toEqual(s.direct);
      expect(s.rule).toBe('equal');
      expect(s.requests).toEqual([expect.objectContaining({ role: 'predict', endpoint: '/predictions', status: 200 })]);
      expect(s.reference).toEqual([{ role: 'predict', endpoint: '/predictions', status: 200 }]);
      expect(s.invalid).toMatchObject({ endpoint: '/predictions', status: 422, reference_status: 422 });
      expect((s.openapi as { paths?: Record<string, unknown> }).paths, 'GET /openapi.json through the Worker').toHaveProperty('/predictions');
      expect(smoke(r)!.detail).toContain('an invalid input got 422');
    });
  }

  const byo = () => output('minimal-string-predictor', 'byo');
  const byoTag = `${TAG}:minimal-string-predictor-byo`;
  it('minimal-string-predictor (BYO): the cog debug image of the Cog project serves the Worker through the AI binding stand-in', async () => {
    const r = await verify(byo(), { level: 'smoke', keepImage: true, tag: byoTag });
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toContain('CM511'); // r8.im/cog-base is private: built on python:3.11-slim
    expect(r.steps.find((s) => s.name === 'build')?.detail).toContain('the cog debug image');
    const s = smoke(r)!.smoke!;
    expect(s).toMatchObject({ adapter: 'hello a photo of a cat', direct: 'hello a photo of a cat', rule: 'equal', reference: [{ role: 'predict', status: 200 }] });
    expect(s.runtime?.['application']).toContain('Workers AI binding stood in');
    expect(s.runtime?.['sdk'], "the emitted cog.yaml's sdk_version, the release CM031 checked").toBe('0.22.0');
    // The Worker's own input check answers 422 (Cog's server is not reached); Cog refuses it too.
    expect(s.invalid).toMatchObject({ input: 'text', sent: 12345, status: 422, reference_status: 422 });
    expect((s.openapi as { paths?: Record<string, unknown> }).paths, "Cog's schema: the BYO Worker serves none").toHaveProperty('/predictions');
  });

  it('a Worker that changes the output fails the comparison with the direct call (CM524 at the Worker)', async () => {
    const outDir = byo();
    const file = join(outDir, 'worker', 'src', 'index.ts');
    const source = readFileSync(file, 'utf8');
    const answer = 'return Response.json({ status: "succeeded", output });';
    expect(source).toContain(answer);
    writeFileSync(file, source.replace(answer, 'return Response.json({ status: "succeeded", output: `${String(output)}!` });'));
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag: byoTag });
    expect(r.findings.filter((f) => f.code === 'CM524').map((f) => [f.file, f.message])).toEqual([
      ['worker/src/index.ts', 'RuntimeError: predict: the platform and the Cog predictor returned different results: the platform returned "hello a photo of a cat!" but the Cog predictor returned "hello a photo of a cat"'],
    ]);
  });

  it("a predictor that answers the direct call differently from Cog's server fails the comparison, though the Worker and Cog's server agree", async () => {
    const outDir = byo();
    const file = join(outDir, 'predict.py');
    const source = readFileSync(file, 'utf8');
    const answer = '        return f"{self.greeting} {text}"';
    expect(source).toContain(answer);
    // Only the driver's container (the direct call) has this variable; Cog's server's has not.
    writeFileSync(file, `import os\n${source.replace(answer, `        if os.environ.get("COG_MIGRATE_SMOKE_ROOT"):\n            return "called directly"\n${answer}`)}`);
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag: byoTag });
    expect(errors(r)).toEqual([expect.stringMatching(/^CM524 RuntimeError: predict: the platform and the Cog predictor returned different results: the platform returned "hello a photo of a cat" but the Cog predictor returned "called directly"$/)]);
  });
});

// The model's own cog-safe-push cases (issue 13), sent through the Worker as the emitted
// tests/model.test.ts sends them and checked on the host by the shared checkers. The image shares
// every layer but the last with the Containers images above.
describe("the model's cog-safe-push test cases through the Worker on the smoke run (issue 13)", () => {
  const fixture = 'safe-push-offline-checkers-cpu';
  const tag = `${TAG}:${fixture}`;
  const caseMessages = (r: VerifyResult) => r.findings.filter((f) => f.code === 'CM544').map((f) => [f.line, f.message]);
  let outDir: string;

  it('exact_string, jq_query and error_contains hold; the train case is left to the deployed tests (the Worker forwards predictions only)', async () => {
    outDir = output(fixture, 'containers');
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag });
    expect(errors(r)).toEqual([]);
    expect(smoke(r)?.smoke?.cases?.map((c) => [c.id, c.ok])).toEqual([['predict-1', true], ['predict-2', true], ['predict-3', true]]);
    expect(r.findings.filter((f) => f.code === 'CM545').map((f) => [f.line, f.message])).toEqual([[24, 'test case train-1 is not run locally: the app does not route /trainings']]);
  });

  it('a wrong expectation fails: each checker, changed in the output\'s tests/cases.json, is CM544 at its line', async () => {
    const file = join(outDir, 'tests', 'cases.json');
    const suite = JSON.parse(readFileSync(file, 'utf8')) as { cases: { checker: Record<string, string> }[] };
    suite.cases[0]!.checker = { kind: 'exact_string', expected: 'echo: goodbye' };
    suite.cases[1]!.checker = { kind: 'jq_query', query: '.length == 12' };
    suite.cases[2]!.checker = { kind: 'error_contains', expected: 'refusing politely' };
    writeFileSync(file, JSON.stringify(suite));
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag });
    expect(caseMessages(r)).toEqual([
      [9, "test case predict-1 (exact_string) fails on the local smoke run: Expected 'echo: goodbye', got 'echo: hello'"],
      [12, `test case predict-2 (jq_query) fails on the local smoke run: jq query '.length == 12' returned False for {'text': 'hello world', 'length': 11, 'words': ['hello', 'world']}`],
      [16, expect.stringMatching(/^test case predict-3 \(error_contains\) fails on the local smoke run: Expected the error to contain 'refusing politely', got '.*refusing on purpose: no'$/)],
    ]);
  });
});
