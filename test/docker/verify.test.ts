// Verification against the real Docker engine (scripts/docker-engine.sh starts it): real fal
// conversions of CPU fixtures are built and smoke-run on fal's own runtime (the fal SDK pinned in
// test/python-env/fal.txt installed into the built image, the app served by fal's FastAPI
// application on 127.0.0.1), compared with a direct call of the Cog predictor; a broken
// requirement fails with a clear finding and leaves nothing behind. Images are kept between
// cases so that layers shared by every fal image (curl, pydantic) are built once, and all of them
// are removed in afterAll (the fal wheelhouse image, cog-migrate-smoke/fal-wheels, is a cache
// kept on the engine).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.js';
import { verify, snapshot, newSince, type Engine, type VerifyResult } from '../../src/verify/index.js';
import { knownFailure } from '../known-failures.js';
import { convertFixture, removeWork, requireEngine, PROJECTS } from './helpers.js';

let engine: Engine;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  engine = await requireEngine();
  before = await snapshot(engine);
});

afterAll(async () => {
  if (!engine) return;
  // Remove the images this suite kept (their untagged parent layers go with them) and prove none
  // is left. Only ours: the engine may be shared with other suites' builds.
  for (const tag of kept) await engine.getImage(tag).remove({ force: true }).catch(() => undefined);
  const left = await newSince(engine, before);
  removeWork();
  expect(left.containers.filter((c) => [...kept].some((t) => c.image.startsWith(t)))).toEqual([]);
  expect(left.images.filter((i) => i.tags.some((t) => kept.has(t) || (t.endsWith('-fal-runtime') && [...kept].some((k) => t.startsWith(k)))))).toEqual([]);
});

/** Tags of the images kept between cases (removed in afterAll). */
const kept = new Set<string>();
const keep = (tag: string): string => { kept.add(tag); return tag; };

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const errors = (r: VerifyResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
const stepOk = (r: VerifyResult, name: string) => r.steps.find((s) => s.name === name)?.ok;

/** One verification per fixture and level: the cases that look closer at a run share it. */
const runs = new Map<string, Promise<VerifyResult>>();
function verifyFixture(name: string, level: 'build' | 'smoke'): Promise<VerifyResult> {
  const key = `${name}:${level}`;
  if (!runs.has(key)) runs.set(key, (async () => {
    const { outDir, ir } = convertFixture(name);
    const lines: string[] = [];
    const r = await verify(outDir, { level, ir, keepImage: true, tag: keep(`cog-migrate-verify/${name}:test`), onProgress: (l) => lines.push(l) });
    expect(lines.some((l) => l.startsWith('[build] Step 1/'))).toBe(true); // progress was streamed
    return r;
  })());
  return runs.get(key)!;
}

// Smoke: Path in + Path out, an iterator, plain strings, a BaseModel output, tokens, and the
// async BaseRunner that imports `streaming` from cog; predict() and train() with test cases.
const SMOKE = ['path-in-path-out-pillow-grayscale', 'output-iterator-str', 'path-in-path-out-text-transform', 'minimal-string-predictor', 'output-basemodel-class', 'output-concatenate-iterator-tokens', 'async-concatenate-iterator-concurrent-decorator'];
// Build only: more CPU fixtures, with numpy and other requirements.
const BUILD = ['function-predictor', 'output-dict-and-primitives'];
const smokeOf = (r: VerifyResult) => r.steps.find((s) => s.name === 'smoke')!.smoke!;

describe('fal conversions of CPU fixtures on the real engine, smoke-run on fal 1.83.0', () => {
  for (const name of SMOKE) {
    it(`${name}: builds, fal serves it, rejects a wrongly typed input with 422, and answers as the Cog predictor does`, async () => {
      const r = await verifyFixture(name, 'smoke');
      expect(errors(r)).toEqual([]);
      expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
      const build = r.steps.find((s) => s.name === 'build')!;
      expect(build.imageSize).toBeGreaterThan(100e6);
      expect(build.durationMs).toBeGreaterThan(0);
      const smoke = smokeOf(r);
      expect(smoke.direct).toBeDefined();
      expect(smoke.runtime).toEqual({ platform: 'fal', sdk: '1.83.0', application: 'App(_allow_init=True)._build_app() under uvicorn' });
      expect(smoke.requests?.[0]).toMatchObject({ role: 'predict', endpoint: '/', status: 200 });
      // fal's own request validation (FastAPI + the adapter's pydantic model), not ours.
      expect(smoke.invalid).toMatchObject({ endpoint: '/', status: 422 });
      expect((smoke.invalid!.detail as { loc: string[] }[])[0]!.loc).toEqual(['body', smoke.invalid!.input]);
      // The OpenAPI fal serves names the adapter's endpoints.
      expect(Object.keys((smoke.openapi as { paths: object }).paths)).toContain('/');
    });
  }

  // Every fixture above is pip-only, so it takes fal's managed environment (runtime-form.ts),
  // which verify builds as its equivalent Dockerfile; --container gives the custom container.
  it('minimal-string-predictor with --container: the pruned Dockerfile builds and fal serves it the same', async () => {
    const { outDir, ir } = convertFixture('minimal-string-predictor', undefined, { container: true }, 'minimal-string-predictor-container');
    const r = await verify(outDir, { level: 'smoke', ir, keepImage: true, tag: keep('cog-migrate-verify/minimal-string-predictor-container:test') });
    expect(errors(r)).toEqual([]);
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
    expect(smokeOf(r).requests?.[0]).toMatchObject({ role: 'predict', endpoint: '/', status: 200 });
    const managed = smokeOf(await verifyFixture('minimal-string-predictor', 'smoke'));
    expect(smokeOf(r).adapter).toEqual(managed.adapter);
  });

  for (const name of BUILD) {
    it(`${name}: builds`, async () => {
      const r = await verifyFixture(name, 'build');
      expect(errors(r)).toEqual([]);
      expect(stepOk(r, 'build')).toBe(true);
    });
  }

  it('Path in, Path out: the file goes in as a data URI, comes back from fal in memory with the same bytes', async () => {
    const r = await verifyFixture('path-in-path-out-pillow-grayscale', 'smoke');
    const smoke = smokeOf(r);
    const direct = smoke.direct as { file: string; bytes: number };
    expect(direct.file).toMatch(/^[0-9a-f]{64}$/);
    expect(smoke.adapter).toEqual({ output: direct });
    // fal 1.83.0 needs pillow>=13 on Python 3.11: installing it replaced the model's pin.
    expect(r.findings.find((f) => f.code === 'CM547')?.message).toContain('pillow 10.4.0 -> 13.0.0');
  });

  it('an iterator output: POST / returns the items, and the last /stream event equals it', async () => {
    const r = await verifyFixture('output-iterator-str', 'smoke');
    const smoke = smokeOf(r);
    expect(smoke.direct).toEqual(['0:the', '1:quick', '2:brown', '3:fox']);
    expect(smoke.streamEvents).toBe(4);
    expect(smoke.requests?.map((q) => q.endpoint)).toEqual(['/', '/stream']);
  });

  it('an async BaseRunner importing `streaming` from cog streams on fal as it runs under Cog', async () => {
    const r = await verifyFixture('async-concatenate-iterator-concurrent-decorator', 'smoke');
    const smoke = smokeOf(r);
    expect(smoke.direct).toEqual(['Say something', ' streamed', ' one', ' word', ' at', ' a', ' time']);
    expect(smoke.streamEvents).toBe(7);
  });

  it('plain-torch-cpu is a known failure with its reason (torch is not built here)', () => {
    expect(knownFailure('docker/verify', 'plain-torch-cpu')?.reason).toMatch(/CUDA/);
  });
});

describe("the model's cog-safe-push test cases run through fal on the smoke run (issue 13)", () => {
  it('predict() and train() answer as Cog does; exact_string, jq_query and error_contains hold', async () => {
    const r = await verifyFixture('safe-push-offline-checkers-cpu', 'smoke');
    const smoke = smokeOf(r);
    expect(smoke.requests?.map((q) => [q.role, q.endpoint, q.status])).toEqual([['predict', '/', 200], ['train', '/train', 200]]);
    expect(smoke.roles?.['train']).toMatchObject({ rule: 'equal', direct: { summary: 'run trained for 2 steps', steps: 2 } });
    expect(smoke.cases?.map((c) => [c.id, c.ok])).toEqual([['predict-1', true], ['predict-2', true], ['predict-3', true], ['train-1', true]]);
    // A raising predictor answers Cog's error text through fal's AppException (docs/targets/fal.md, "Errors").
    expect(r.findings.filter((f) => f.code === 'CM544')).toEqual([]);
  });

  it('a wrong expectation fails: exact_string, jq_query and error_contains cases of the same run, changed in the IR', async () => {
    const { outDir, ir } = convertFixture('safe-push-offline-checkers-cpu');
    const cases = ir.safePush![0]!.predict!.testCases;
    cases[0]!.checker = { kind: 'exact_string', expected: 'echo: goodbye' } as typeof cases[0]['checker'];
    cases[1]!.checker = { kind: 'jq_query', query: '.length == 12' } as typeof cases[1]['checker'];
    cases[2]!.checker = { kind: 'error_contains', expected: 'refusing by accident' } as typeof cases[2]['checker'];
    const r = await verify(outDir, { level: 'smoke', ir, keepImage: true, tag: keep('cog-migrate-verify/safe-push-offline-checkers-cpu:test') });
    expect(r.findings.filter((f) => f.code === 'CM544').map((f) => f.message)).toEqual([
      "test case predict-1 (exact_string) fails on the local smoke run: Expected 'echo: goodbye', got 'echo: hello'",
      `test case predict-2 (jq_query) fails on the local smoke run: jq query '.length == 12' returned False for {'text': 'hello world', 'length': 11, 'words': ['hello', 'world']}`,
      "test case predict-3 (error_contains) fails on the local smoke run: Expected the error to contain 'refusing by accident', got 'HTTP 500: Prediction failed: Prediction failed: ValueError: refusing on purpose: no'",
    ]);
  });
});

describe('failures are clear and leave nothing behind', () => {
  it('a requirement that does not exist fails the build with CM513 quoting the step and pip', async () => {
    const { outDir, ir } = convertFixture('broken-requirement-build-fails');
    const snap = await snapshot(engine);
    const r = await verify(outDir, { level: 'smoke', ir });
    expect(codes(r.findings.filter((f) => f.severity === 'error'))).toEqual(['CM513']);
    const msg = r.findings.find((f) => f.code === 'CM513')!.message;
    expect(msg).toMatch(/at "Step \d+\/\d+ : RUN .*pip install/);
    expect(msg).toContain('No matching distribution found for this-package-does-not-exist-cogm==1.0');
    expect(r.steps.find((s) => s.name === 'smoke')?.skipped).toBe('the build failed');
    const left = await newSince(engine, snap);
    expect(left.containers).toEqual([]);
    expect(left.images).toEqual([]);
  });

  it('a hand-written output with a broken requirement behaves the same (no IR needed for a build)', async () => {
    const snap = await snapshot(engine);
    const r = await verify(join(PROJECTS, 'broken-requirement'), { level: 'build' });
    expect(r.findings.find((f) => f.code === 'CM513')?.message).toContain('cog-migrate-no-such-package-zz9');
    const left = await newSince(engine, snap);
    expect([left.containers, left.images]).toEqual([[], []]);
  });

  it('a build over its time budget is aborted with CM514 and leaves nothing behind', async () => {
    const snap = await snapshot(engine);
    const r = await verify(join(PROJECTS, 'slow-build'), { level: 'build', timeoutMs: 10_000 });
    expect(codes(r.findings.filter((f) => f.severity === 'error'))).toEqual(['CM514']);
    expect(r.findings.find((f) => f.code === 'CM514')?.message).toContain('RUN sleep 120');
    const left = await newSince(engine, snap);
    expect([left.containers, left.images]).toEqual([[], []]);
  });

  it('a smoke run over its time budget is stopped with CM525 and its container removed', async () => {
    const snap = await snapshot(engine);
    const r = await verify(join(PROJECTS, 'slow-setup'), { level: 'smoke', smokeTimeoutMs: 15_000 });
    expect(codes(r.findings.filter((f) => f.severity === 'error'))).toEqual(['CM525']);
    const left = await newSince(engine, snap);
    expect([left.containers, left.images]).toEqual([[], []]);
  });
});

describe('substituted bases, inputs from the schema, --example', () => {
  it('a CUDA base that is not available offline is substituted through BASE_IMAGE (CM511)', async () => {
    const r = await verify(join(PROJECTS, 'text-echo'), { level: 'smoke' });
    expect(errors(r)).toEqual([]);
    const sub = r.findings.find((f) => f.code === 'CM511');
    expect(sub?.message).toContain('nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04');
    expect(sub?.message).toContain('BASE_IMAGE=python:3.11-slim');
    expect(await engine.getImage('nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04').inspect().then(() => true, () => false)).toBe(false);
  });

  it('without the IR, the smoke run derives inputs from the adapter schema and finds the predictor in migration.json', async () => {
    const { outDir } = convertFixture('path-in-path-out-text-transform');
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag: keep('cog-migrate-verify/no-ir:test') });
    expect(errors(r)).toEqual([]);
    expect(stepOk(r, 'smoke')).toBe(true);
  });

  it('--example input.json is used for both calls', async () => {
    const { outDir, ir } = convertFixture('minimal-string-predictor');
    const example = join(outDir, '..', 'minimal-example.json');
    writeFileSync(example, JSON.stringify({ text: 'from an example file' }));
    const r = await verify(outDir, { level: 'smoke', ir, example, keepImage: true, tag: keep('cog-migrate-verify/minimal-string-predictor:test') });
    expect(errors(r)).toEqual([]);
    expect(r.steps.find((s) => s.name === 'smoke')?.smoke?.direct).toBe('hello from an example file');
  });
});
