// The workers-ai target on the real engine, lean: three CPU fixtures (Path in / Path out, an
// iterator, a BaseModel output) and the async BaseRunner with @streaming and @concurrent (issue
// 15: it pins sdk_version 0.22.0, the first release with `concurrent`) through the Containers
// form, and one CPU fixture forced to BYO.
// Each image's own Cog server answers on 127.0.0.1 and the generated Worker, bundled by wrangler
// and run on workerd (Miniflare), forwards one prediction to it: the output through the Worker
// equals Cog's server called directly, and an invalid input comes back 422 through the Worker.
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

describe('workers-ai on the real engine: Cog server in the image, the Worker on workerd', () => {
  for (const fixture of ['path-in-path-out-text-transform', 'output-iterator-str', 'output-basemodel-class', 'async-concatenate-iterator-concurrent-decorator']) {
    it(`${fixture} (Containers): builds, and the Worker returns what Cog's server returns`, async () => {
      const r = await verify(output(fixture, 'containers'), { level: 'smoke', keepImage: true, tag: `${TAG}:${fixture}` });
      expect(errors(r)).toEqual([]);
      expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
      const s = smoke(r)!;
      expect(s.smoke?.adapter).toEqual(s.smoke?.direct);
      expect(s.smoke?.direct).not.toBeUndefined();
      expect(s.detail).toContain('an invalid input got 422 through the Worker');
    });
  }

  it('minimal-string-predictor (BYO): the cog debug image of the Cog project serves the Worker through the AI binding stand-in', async () => {
    const r = await verify(output('minimal-string-predictor', 'byo'), { level: 'smoke', keepImage: true, tag: `${TAG}:minimal-string-predictor-byo` });
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toContain('CM511'); // r8.im/cog-base is private: built on python:3.11-slim
    expect(r.steps.find((s) => s.name === 'build')?.detail).toContain('the cog debug image');
    expect(smoke(r)?.smoke).toMatchObject({ adapter: 'hello a photo of a cat', direct: 'hello a photo of a cat' });
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
