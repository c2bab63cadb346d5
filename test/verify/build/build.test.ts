// buildOutput against a scripted stand-in for the engine (no Docker): what the engine's event
// stream says decides success, and a failed build removes exactly what it created (issue 18: a
// stream that reports an error without an image is a failure, CM513).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutput, type BuildOptions } from '../../../src/verify/build/build.js';
import type { BuildEvent } from '../../../src/verify/build/build-log.js';
import type { Engine } from '../../../src/verify/build/engine.js';

interface Script {
  events: BuildEvent[];
  /** What followProgress reports when the stream ends. */
  end?: Error;
  /** Never end until aborted (a hung build). */
  hang?: boolean;
  /** Containers and images that appear on the engine during the build. */
  creates?: { containers?: string[]; images?: string[] };
}

/** A stand-in engine: the images named in `have` exist; the build plays `script`. */
function fakeEngine(script: Script, have: Record<string, { Id: string; Size: number }> = { 'python:3.11-slim': { Id: 'sha256:base', Size: 1 } }) {
  const images = new Map(Object.entries(have));
  const containers = new Set<string>(['preexisting-container']);
  const imageIds = new Set<string>(['sha256:preexisting']);
  const removed: string[] = [];
  const buildCalls: Record<string, unknown>[] = [];
  const engine = {
    getImage: (ref: string) => ({
      inspect: async () => {
        const i = images.get(ref);
        if (!i) throw new Error(`no such image ${ref}`);
        return i;
      },
      tag: async ({ repo, tag }: { repo: string; tag: string }) => { images.set(`${repo}:${tag}`, images.get(ref)!); },
      remove: async () => {
        removed.push(`image ${ref}`);
        images.delete(ref);
        imageIds.delete(ref);
      },
    }),
    getContainer: (id: string) => ({ remove: async () => { removed.push(`container ${id}`); containers.delete(id); } }),
    listContainers: async () => [...containers].map((Id) => ({ Id, Image: 'x' })),
    listImages: async () => [...imageIds].map((Id) => ({ Id, RepoTags: [], Created: 1 })),
    buildImage: async (_context: unknown, opts: Record<string, unknown>) => {
      buildCalls.push(opts);
      for (const c of script.creates?.containers ?? []) containers.add(c);
      for (const i of script.creates?.images ?? []) imageIds.add(i);
      return { signal: opts.abortSignal as AbortSignal };
    },
    modem: {
      followProgress: (stream: { signal: AbortSignal }, done: (err: Error | null) => void, onEvent: (ev: BuildEvent) => void) => {
        for (const ev of script.events) onEvent(ev);
        if (script.hang) stream.signal.addEventListener('abort', () => done(new Error('aborted')));
        else done(script.end ?? null);
      },
    },
  };
  return { engine: engine as unknown as Engine, images, removed, buildCalls };
}

function output(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogm-build-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\nRUN echo hi\n');
  return dir;
}

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ tag: 'cogm-test:1', timeoutMs: 30_000, ...extra });
const stream = (text: string): BuildEvent[] => text.split(/(?<=\n)/).map((s) => ({ stream: s }));
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('buildOutput: the event stream decides', () => {
  it('succeeds when the stream names the image, and reports the engine\'s id and size', async () => {
    const fake = fakeEngine({ events: [...stream('Step 1/2 : FROM python:3.11-slim\n ---> 1234567890ab\nStep 2/2 : RUN echo hi\n'), { aux: { ID: 'sha256:built' } }] });
    fake.images.set('cogm-test:1', { Id: 'sha256:built', Size: 42 });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r).toMatchObject({ ok: true, imageId: 'sha256:built', size: 42 });
    expect(r.findings).toEqual([]);
    expect(fake.removed).toEqual([]);
  });

  it('fails (CM513) when the stream reports an error and no image, quoting the error', async () => {
    const fake = fakeEngine({ events: [...stream('Step 1/2 : FROM python:3.11-slim\nStep 2/2 : RUN pip install nope==1\nERROR: No matching distribution found for nope==1\n'),
      { error: 'returned a non-zero code: 1', errorDetail: { code: 1, message: "The command '/bin/sh -c pip install nope==1' returned a non-zero code: 1" } }] });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(r.imageId).toBeUndefined();
    expect(codes(r)).toEqual(['CM513']);
    expect(r.findings[0]!.message).toContain('at "Step 2/2 : RUN pip install nope==1"');
    expect(r.findings[0]!.message).toContain('returned a non-zero code: 1');
    expect(r.findings[0]!.message).toContain('ERROR: No matching distribution found for nope==1');
  });

  it('fails when the stream reports an error even though an image id was announced', async () => {
    const fake = fakeEngine({ events: [{ aux: { ID: 'sha256:partial' } }, { error: 'failed to export image', errorDetail: { message: 'failed to export image' } }] });
    fake.images.set('cogm-test:1', { Id: 'sha256:partial', Size: 1 });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['CM513']);
    expect(r.findings[0]!.message).toContain('failed to export image');
  });

  it('fails when the stream ends with neither error nor image', async () => {
    const fake = fakeEngine({ events: stream('Step 1/1 : FROM python:3.11-slim\n') });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.message).toContain('the engine reported no image');
  });

  it('fails when the engine connection breaks, even after an image id', async () => {
    const fake = fakeEngine({ events: [{ aux: { ID: 'sha256:x' } }], end: new Error('socket hang up') });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.message).toContain('socket hang up');
  });

  it('a build that does not finish in time is aborted (CM514) and cleaned up', async () => {
    const fake = fakeEngine({ events: stream('Step 1/2 : FROM python:3.11-slim\nStep 2/2 : RUN sleep 1000\n ---> Running in abcdef123456\n'), hang: true,
      creates: { containers: ['abcdef123456789'] } });
    const r = await buildOutput(fake.engine, output(), opts({ timeoutMs: 50 }));
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['CM514']);
    expect(r.findings[0]!.message).toContain('it was at "Step 2/2 : RUN sleep 1000"');
    expect(fake.removed).toEqual(['container abcdef123456789']);
  });
});

describe('buildOutput: what it asks of the engine', () => {
  it('host network, never a pull, intermediate containers removed, labelled', async () => {
    const fake = fakeEngine({ events: [{ aux: { ID: 'sha256:built' } }] });
    fake.images.set('cogm-test:1', { Id: 'sha256:built', Size: 1 });
    await buildOutput(fake.engine, output(), opts({ buildArgs: { A: '1' } }));
    expect(fake.buildCalls).toHaveLength(1);
    expect(fake.buildCalls[0]).toMatchObject({ t: 'cogm-test:1', networkmode: 'host', pull: false, forcerm: true, rm: true, buildargs: { A: '1' }, labels: { 'cog-migrate.verify': '1' } });
    expect(fake.buildCalls[0]!.nocache).toBeUndefined();
  });

  it('never builds when a base is missing and so is the substitute (CM512)', async () => {
    const fake = fakeEngine({ events: [] }, {});
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['CM512']);
    expect(fake.buildCalls).toEqual([]);
  });

  it('a failed build removes the containers and layers it announced, and nothing else', async () => {
    const fake = fakeEngine({
      events: [...stream('Step 1/2 : FROM python:3.11-slim\n ---> Running in c0ffee000001\n ---> feed00000001\nStep 2/2 : RUN false\n ---> Running in c0ffee000002\n'),
        { error: 'non-zero code: 1', errorDetail: { message: "The command '/bin/sh -c false' returned a non-zero code: 1" } }],
      creates: { containers: ['c0ffee000001aaaa', 'c0ffee000002bbbb', 'someone-elses'], images: ['sha256:feed00000001cccc', 'sha256:not-ours'] },
    });
    const r = await buildOutput(fake.engine, output(), opts());
    expect(r.ok).toBe(false);
    expect(fake.removed.sort()).toEqual(['container c0ffee000001aaaa', 'container c0ffee000002bbbb', 'image sha256:feed00000001cccc']);
    expect(codes(r)).toEqual(['CM513']);
  });

  it('with no Dockerfile in the folder, says so (CM516) and builds nothing', async () => {
    const fake = fakeEngine({ events: [] });
    const r = await buildOutput(fake.engine, mkdtempSync(join(tmpdir(), 'cogm-empty-')), opts());
    expect(codes(r)).toEqual(['CM516']);
    expect(fake.buildCalls).toEqual([]);
  });
});
