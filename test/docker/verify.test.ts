// Verification against the real Docker engine (scripts/docker-engine.sh starts it): real fal
// conversions of CPU fixtures are built and smoke-run; a broken requirement fails with a clear
// finding and leaves nothing behind. Images are kept between cases so that layers shared by
// every fal image (curl, pydantic) are built once, and all of them are removed in afterAll.

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
  // Remove the kept images (children first) and prove nothing of ours is left.
  for (let pass = 0; pass < 3; pass++) {
    const fresh = await newSince(engine, before);
    const ours = fresh.images.filter((i) => i.tags.some((t) => t.startsWith('cog-migrate-verify/')) || i.tags.length === 0);
    if (ours.length === 0) break;
    for (const img of ours.sort((a, b) => b.created - a.created)) await engine.getImage(img.id).remove({ force: true }).catch(() => undefined);
  }
  const left = await newSince(engine, before);
  removeWork();
  expect(left.containers).toEqual([]);
  expect(left.images.filter((i) => i.tags.some((t) => t.startsWith('cog-migrate-verify/')))).toEqual([]);
});

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const errors = (r: VerifyResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
const stepOk = (r: VerifyResult, name: string) => r.steps.find((s) => s.name === name)?.ok;

async function verifyFixture(name: string, level: 'build' | 'smoke'): Promise<VerifyResult> {
  const { outDir, ir } = convertFixture(name);
  const lines: string[] = [];
  const r = await verify(outDir, { level, ir, keepImage: true, tag: `cog-migrate-verify/${name}:test`, onProgress: (l) => lines.push(l) });
  expect(lines.some((l) => l.startsWith('[build] Step 1/'))).toBe(true); // progress was streamed
  return r;
}

// Smoke: Path in + Path out, an iterator, plain strings, a BaseModel output.
const SMOKE = ['path-in-path-out-pillow-grayscale', 'output-iterator-str', 'path-in-path-out-text-transform', 'minimal-string-predictor', 'output-basemodel-class', 'output-concatenate-iterator-tokens'];
// Build only: more CPU fixtures, with numpy and other requirements.
const BUILD = ['function-predictor', 'output-dict-and-primitives'];

describe('fal conversions of CPU fixtures on the real engine', () => {
  for (const name of SMOKE) {
    it(`${name}: builds, and the adapter answers as the Cog predictor does`, async () => {
      const r = await verifyFixture(name, 'smoke');
      expect(errors(r)).toEqual([]);
      expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
      const build = r.steps.find((s) => s.name === 'build')!;
      expect(build.imageSize).toBeGreaterThan(100e6);
      expect(build.durationMs).toBeGreaterThan(0);
      const smoke = r.steps.find((s) => s.name === 'smoke')!;
      expect(smoke.smoke?.direct).toBeDefined();
    });
  }

  for (const name of BUILD) {
    it(`${name}: builds`, async () => {
      const r = await verifyFixture(name, 'build');
      expect(errors(r)).toEqual([]);
      expect(stepOk(r, 'build')).toBe(true);
    });
  }

  it('Path in, Path out: the output file has the same bytes through both calls', async () => {
    const r = await verifyFixture('path-in-path-out-pillow-grayscale', 'smoke');
    const smoke = r.steps.find((s) => s.name === 'smoke')!.smoke!;
    const direct = smoke.direct as { file: string; bytes: number };
    expect(direct.file).toMatch(/^[0-9a-f]{64}$/);
    expect(smoke.adapter).toEqual({ output: direct });
  });

  it('an iterator output: POST / returns the items, and the last /stream event equals it', async () => {
    const r = await verifyFixture('output-iterator-str', 'smoke');
    const smoke = r.steps.find((s) => s.name === 'smoke')!.smoke!;
    expect(smoke.direct).toEqual(['0:the', '1:quick', '2:brown', '3:fox']);
    expect(smoke.streamEvents).toBe(4);
  });

  it('plain-torch-cpu is a known failure with its reason (torch is not built here)', () => {
    expect(knownFailure('docker/verify', 'plain-torch-cpu')?.reason).toMatch(/CUDA/);
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
    const r = await verify(outDir, { level: 'smoke', keepImage: true, tag: 'cog-migrate-verify/no-ir:test' });
    expect(errors(r)).toEqual([]);
    expect(stepOk(r, 'smoke')).toBe(true);
  });

  it('--example input.json is used for both calls', async () => {
    const { outDir, ir } = convertFixture('minimal-string-predictor');
    const example = join(outDir, '..', 'minimal-example.json');
    writeFileSync(example, JSON.stringify({ text: 'from an example file' }));
    const r = await verify(outDir, { level: 'smoke', ir, example, keepImage: true, tag: 'cog-migrate-verify/minimal-string-predictor:test' });
    expect(errors(r)).toEqual([]);
    expect(r.steps.find((s) => s.name === 'smoke')?.smoke?.direct).toBe('hello from an example file');
  });
});
