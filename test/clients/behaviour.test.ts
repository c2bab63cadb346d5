// Behaviour: the fixture module as written, run against a local stand-in of Replicate's API, and
// its fal rewrite (the golden, which the golden suite proves is what the tool writes), run
// against a local stand-in of fal's queue API, give the caller results of the same shape: the
// same URL string, token list, streamed text and job id. Both stand-ins are on 127.0.0.1.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_FIXTURES } from './cases.js';
import { cogHttpStandIn, falStandIn, replicateStandIn, routedFetch, type ModelAnswer, type StandIn } from './standins.js';

const CASE = join(CLIENT_FIXTURES, 'typescript-module');
const IMAGE = 'https://files.example.test/gray.png';
const GALLERY = ['https://files.example.test/g0.png', 'https://files.example.test/g1.png'];
const fileObject = (url: string) => ({ url, content_type: 'image/png', file_name: url.split('/').at(-1), file_size: 1234 });

const MODELS: Record<string, ModelAnswer> = {
  'acme/grayscale': { output: IMAGE, falOutput: { output: fileObject(IMAGE) } },
  'acme/tokens': { output: ['Hel', 'lo', ' world'], falOutput: { output: ['Hel', 'lo', ' world'] } },
  'acme/gallery': { output: GALLERY, falOutput: { output: GALLERY.map(fileObject) } },
};

interface Caller {
  grayscale(image: string): Promise<unknown>;
  answer(prompt: string): Promise<unknown>;
  answerLive(prompt: string, print: (piece: string) => void): Promise<void>;
  queueGallery(prompt: string): Promise<string>;
}

async function exercise(m: Caller) {
  let live = '';
  await m.answerLive('hi', (piece) => (live += piece));
  return {
    grayscale: await m.grayscale('https://files.example.test/in.png'),
    answer: await m.answer('hi'),
    live,
    job: await m.queueGallery('two cats'),
  };
}

describe('a rewritten TS caller against stand-ins of the fal queue API and of the Modal app\'s Cog endpoint', () => {
  let replicate: StandIn;
  let fal: StandIn;
  let modal: StandIn;
  const realFetch = globalThis.fetch;
  const saved = { ...process.env };

  beforeAll(async () => {
    replicate = await replicateStandIn(MODELS, ['job-1', 'job-2', 'job-3', 'job-4']);
    fal = await falStandIn(MODELS, ['job-1', 'job-2', 'job-3']);
    modal = await cogHttpStandIn({ 'acme--grayscale-web.modal.run': MODELS['acme/grayscale']!, 'acme--tokens-web.modal.run': MODELS['acme/tokens']! });
    process.env.REPLICATE_API_TOKEN = 'r8_test';
    process.env.FAL_KEY = 'fal_test';
    // Both clients take the global fetch when they are configured, at import.
    globalThis.fetch = routedFetch(replicate, fal, realFetch, modal);
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    process.env = saved;
    await Promise.all([replicate?.close(), fal?.close(), modal?.close()]);
  });

  it('gets results of the same shape as the original got from Replicate', async () => {
    const original = await exercise((await import(join(CASE, 'input/src/models.ts'))) as Caller);
    const rewritten = await exercise((await import(join(CASE, 'expected/fal/src/models.ts'))) as Caller);
    expect(original).toEqual({ grayscale: IMAGE, answer: ['Hel', 'lo', ' world'], live: 'Hello world', job: 'job-4' });
    expect(rewritten).toEqual({ ...original, job: 'job-3' });
    expect(typeof rewritten.job).toBe(typeof original.job);

    // Each side talked to its own API only, as documented: the fal side through the queue
    // (submit, status, result), its stream on fal.run/{app}/stream, the webhook as fal_webhook.
    expect(replicate.requests.every((r) => r.path.startsWith('/v1/'))).toBe(true);
    const falPaths = fal.requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    expect(falPaths).toContain('POST /queue.fal.run/acme/grayscale');
    expect(falPaths).toContain('GET /queue.fal.run/acme/grayscale/requests/job-1/status');
    expect(falPaths).toContain('GET /queue.fal.run/acme/grayscale/requests/job-1');
    expect(falPaths).toContain('POST /fal.run/acme/tokens/stream');
    const submit = fal.requests.find((r) => r.path.startsWith('/queue.fal.run/acme/gallery'))!;
    expect(new URL(submit.path, 'http://x').searchParams.get('fal_webhook')).toBe('https://api.example.com/hooks/gallery');
    expect(submit.body).toEqual({ prompt: 'two cats', num_outputs: 2 });
    const create = replicate.requests.find((r) => r.path === '/v1/models/acme/gallery/predictions')!;
    expect(create.body).toEqual({ input: { prompt: 'two cats', num_outputs: 2 }, webhook: 'https://api.example.com/hooks/gallery' });
  }, 60_000);

  it('the Modal rewrite gets the same results from the Cog-compatible endpoint (calls it cannot move stay on Replicate)', async () => {
    const original = await exercise((await import(join(CASE, 'input/src/models.ts'))) as Caller);
    const rewritten = await exercise((await import(join(CASE, 'expected/modal/src/models.ts'))) as Caller);
    expect(rewritten).toEqual({ ...original, job: expect.any(String) });
    const bodies = modal.requests.map((r) => [r.path, r.body]);
    expect(bodies).toEqual([
      ['/acme--grayscale-web.modal.run/predictions', { input: { image: 'https://files.example.test/in.png', invert: true } }],
      ['/acme--tokens-web.modal.run/predictions', { input: { prompt: 'hi', max_new_tokens: 16 } }],
    ]);
  }, 60_000);
});
