// `batch --verify build` on the real engine (issue 11): two CPU fixtures and one whose requirement
// does not exist go through the CLI as a CI job runs it. The good ones are built and stay
// `converted` with a passing build step; the broken one is `verify-failed` with CM513, the others
// untouched; JUnit and the exit code follow; no image or container of the run is left behind.
// report.json is the same bytes on a second run (build times and image ids are in
// verify-timings.json, not in the report a reviewer diffs).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSince, snapshot, type Engine } from '../../src/verify/index.js';
import { cli } from '../helpers/cli.js';
import { freshOut, modelTree, readReport } from '../helpers/batch.js';
import { REPO, requireEngine } from './helpers.js';

let engine: Engine;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  engine = await requireEngine();
  before = await snapshot(engine);
});

afterAll(async () => {
  if (!engine) return;
  const left = await newSince(engine, before);
  // Only what this run makes (batch tags its images cog-migrate-verify/<target folder>:<random>),
  // so that a build of another suite on the same engine does not count.
  const ours = (ref: string) => ref.startsWith('cog-migrate-verify/fal:');
  expect(left.images.filter((i) => i.tags.some(ours))).toEqual([]);
  expect(left.containers.filter((c) => ours(c.image))).toEqual([]);
});

describe('batch --verify build', () => {
  it('builds every converted model; a failed build is its own row', async () => {
    const root = modelTree({});
    for (const [model, fixture] of [['echo', 'minimal-string-predictor'], ['text', 'path-in-path-out-text-transform'], ['broken', 'broken-requirement-build-fails']] as const) {
      cpSync(join(REPO, 'fixtures', fixture, 'input'), join(root, model), { recursive: true });
    }
    const out = freshOut();
    const r = await cli('batch', root, '--to', 'fal', '--out', out, '--verify', 'build', '--jobs', '1', '--fail-on', 'error');
    const report = readReport(out);
    const row = (id: string) => report.models.find((m) => m.id === id)!.rows[0]!;
    for (const id of ['echo', 'text']) {
      expect(row(id).status, id).toBe('converted');
      expect(row(id).verify!.steps.map((s) => [s.name, s.ok]), id).toEqual([['parse', true], ['typecheck', true], ['build', true]]);
      expect(row(id).verify!.steps.find((s) => s.name === 'build')!.imageSize, id).toBeGreaterThan(100e6);
    }
    expect(row('broken').status).toBe('verify-failed');
    const built = row('broken').findings.find((f) => f.code === 'CM513');
    expect(built?.message).toContain('No matching distribution found for this-package-does-not-exist-cogm==1.0');
    // A verification error is an error finding: exit 1 under --fail-on error.
    expect(r.code).toBe(1);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase[^>]*name="broken[^"]*"[^>]*>\s*<failure/);
    const first = readFileSync(join(out, 'report.json'), 'utf8');
    expect(first).not.toMatch(/imageId|built in/);
    const timings = JSON.parse(readFileSync(join(out, 'verify-timings.json'), 'utf8')) as { rows: { model: string; steps: { name: string; imageId?: string }[] }[] };
    for (const id of ['echo', 'text']) expect(timings.rows.find((t) => t.model === id)!.steps.find((s) => s.name === 'build')!.imageId, id).toMatch(/^sha256:/);
    // The second run builds from the engine's cache; its images get new ids, its report does not change.
    await cli('batch', root, '--to', 'fal', '--out', out, '--force', '--verify', 'build', '--jobs', '1', '--fail-on', 'error');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(first);
  }, 1_800_000);
});
