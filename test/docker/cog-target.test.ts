// The cog target on the real engine (issue 15): CPU fixtures converted with --to cog, the output's
// `cog debug` image built as `cog build` would (local bases, host network, never a pull), and the
// smoke run on Cog's own HTTP server in that image: one POST /predictions with schema-derived
// inputs through the server, the same inputs given to the Cog predictor directly in the same
// image, both results equal; an input of the wrong type refused with Cog's own 422. Path in /
// Path out, an iterator, a BaseModel output, the async BaseRunner with @streaming and
// @concurrent, and predict + train with the model's cog-safe-push cases. The images share their base, uv and cog layers; every image is removed in afterAll.

import { afterAll, describe, expect, it } from 'vitest';
import { verify, type VerifyResult } from '../../src/verify/index.js';
import { cogTarget } from '../../targets/cog/index.js';
import { convert } from '../../src/convert/index.js';
import { writeOutput } from '../../src/fs/write-output.js';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertFixture, removeWork, taggedImageSuite } from './helpers.js';

// Not under cog-migrate-verify/ (the fal suite removes every image there); only this file's own.
const TAG = 'cog-migrate-cog-target-test/smoke';
taggedImageSuite(TAG, 'test/docker/cog-target.test.ts');
afterAll(() => removeWork());

const errors = (r: VerifyResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
const smokeOf = (r: VerifyResult) => r.steps.find((s) => s.name === 'smoke')?.smoke;

async function smoke(fixture: string): Promise<VerifyResult> {
  const { outDir, ir } = convertFixture(fixture, cogTarget);
  return verify(outDir, { level: 'smoke', ir, keepImage: true, tag: `${TAG}:${fixture}` });
}

describe("the cog target on the real engine: Cog's own server in the project's cog debug image", () => {
  it('path-in-path-out-text-transform: a file in and a file out, equal by content; an invalid input gets Cog\'s 422', async () => {
    const r = await smoke('path-in-path-out-text-transform');
    expect(errors(r)).toEqual([]);
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
    expect(r.findings.map((f) => f.code)).toContain('CM511'); // r8.im/cog-base is private: built on python:3.11-slim
    const s = smokeOf(r)!;
    // cog.yaml names no sdk_version: the emitted one pins the release CM031 checked, and the image runs it.
    expect(s.runtime).toMatchObject({ platform: 'cog', sdk: '0.22.0' });
    expect(s.requests).toEqual([expect.objectContaining({ role: 'predict', endpoint: '/predictions', status: 200 })]);
    expect(s.adapter).toEqual(s.direct);
    expect(s.direct).toMatchObject({ file: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(s.invalid).toMatchObject({ endpoint: '/predictions', input: 'document', sent: 12345, status: 422 });
    expect(JSON.stringify(s.invalid!.detail), "Cog's own validation names the input").toContain('document');
    expect((s.openapi as { paths?: Record<string, unknown> }).paths).toHaveProperty('/predictions');
  });

  for (const [fixture, direct] of [
    ['output-iterator-str', ['0:the', '1:quick', '2:brown', '3:fox']],
    ['async-concatenate-iterator-concurrent-decorator', ['Say something', ' streamed', ' one', ' word', ' at', ' a', ' time']],
  ] as const) {
    it(`${fixture}: the iterator's items through Cog's server equal the predictor's`, async () => {
      const r = await smoke(fixture);
      expect(errors(r)).toEqual([]);
      const s = smokeOf(r)!;
      expect(s.direct).toEqual(direct);
      expect(s.adapter).toEqual(direct);
      expect(s.invalid).toMatchObject({ status: 422 });
    });
  }

  it("safe-push-offline-checkers-cpu: predict() and train(), each on a Cog server of its own (train mode), and the model's test cases hold", async () => {
    const r = await smoke('safe-push-offline-checkers-cpu');
    expect(errors(r)).toEqual([]);
    const s = smokeOf(r)!;
    expect(s.requests?.map((q) => [q.role, q.endpoint, q.status])).toEqual([['predict', '/predictions', 200], ['train', '/trainings', 200]]);
    expect(s.roles?.['train']?.adapter).toEqual(s.roles?.['train']?.direct);
    expect(s.cases?.length).toBeGreaterThan(0);
    expect(s.cases?.filter((c) => !c.ok)).toEqual([]);
  });

  it('output-basemodel-class: the model\'s fields, its Path field by content', async () => {
    const r = await smoke('output-basemodel-class');
    expect(errors(r)).toEqual([]);
    const s = smokeOf(r)!;
    expect(s.rule).toBe('equal');
    expect(s.direct).toMatchObject({ label: 'question', is_question: true, report: { file: expect.any(String) } });
    expect(s.invalid).toMatchObject({ status: 422 });
  });

  it('a fal app converted to Cog (fixtures-fal/cpu-pydantic-request-model) serves on Cog\'s server: the pydantic it imports is declared (CM443)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cog-migrate-fal-to-cog-'));
    try {
      cpSync(resolve(import.meta.dirname, '../../fixtures-fal/cpu-pydantic-request-model/input'), join(work, 'src'), { recursive: true });
      const result = convert(join(work, 'src', 'app.py'), cogTarget, cogTarget.parseOptions({}));
      expect(result.status).toBe('converted');
      if (result.status !== 'converted') return;
      expect(result.findings.map((f) => f.code)).toContain('CM443');
      const outDir = join(work, 'out');
      expect(writeOutput(outDir, result.files, { force: true }).ok).toBe(true);
      const r = await verify(outDir, { level: 'smoke', ir: result.ir, keepImage: true, tag: `${TAG}:fal-app` });
      expect(errors(r)).toEqual([]);
      const s = smokeOf(r)!;
      expect(s.adapter).toEqual(s.direct);
      expect(s.invalid).toMatchObject({ status: 422 });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
