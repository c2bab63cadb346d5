// The Modal target on the real engine: CPU fixtures converted with --to modal, the image their
// modal_app.py describes built (modal.Dockerfile + the uv_pip_install layer + the Modal client),
// and the smoke run: the class driven by Modal's own lifecycle functions, the @modal.asgi_app
// object served under uvicorn, POST /predictions and the @modal.method both equal to a direct call
// of the Cog predictor, an invalid input refused with Cog's 422. Five of the fixtures have the same
// modal.Dockerfile, so their image is built once and the rest reuse its layers; every image is
// removed in afterAll.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify, snapshot, newSince, type Engine, type VerifyResult } from '../../src/verify/index.js';
import { modalTarget } from '../../targets/modal/index.js';
import { convertFixture, removeWork, requireEngine, REPO, type Converted } from './helpers.js';
import { buildCogServer, comparable, fileServer, freePort, postPrediction, serveContainer, type Answer, type Running } from './cog-server.js';
import { png } from '../../src/verify/smoke/examples.js';
import { join } from 'node:path';

let engine: Engine;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  engine = await requireEngine();
  before = await snapshot(engine);
});

// The engine is shared (other suites may run beside this one): only this file's own images, tagged
// cog-migrate-modal-test/*, are removed (their untagged layers go with them), and only
// containers of those images must be gone.
// Not under cog-migrate-verify/: the fal suite's clean-up removes every image there, and suites of
// other checkouts may share this engine.
const OURS = 'cog-migrate-modal-test/';
afterAll(async () => {
  if (!engine) return;
  const fresh = await newSince(engine, before);
  const ours = fresh.images.filter((i) => i.tags.some((t) => t.startsWith(OURS)));
  for (const img of ours.sort((a, b) => b.created - a.created)) await engine.getImage(img.id).remove({ force: true }).catch(() => undefined);
  const left = await newSince(engine, before);
  removeWork();
  const ids = new Set(ours.map((i) => i.id));
  expect(left.containers.filter((c) => c.image.startsWith(OURS) || ids.has(c.image))).toEqual([]);
  expect(left.images.filter((i) => i.tags.some((t) => t.startsWith(OURS)))).toEqual([]);
});

const errors = (r: VerifyResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
const results = new Map<string, Promise<VerifyResult>>();
const conversions = new Map<string, Converted>();

function converted(name: string): Converted {
  let c = conversions.get(name);
  if (!c) {
    c = convertFixture(name, modalTarget);
    conversions.set(name, c);
  }
  return c;
}

/** One verification per fixture, shared by the cases that look at it; its image is kept. */
function smoke(name: string): Promise<VerifyResult> {
  let r = results.get(name);
  if (!r) {
    const { outDir, ir } = converted(name);
    r = verify(outDir, { level: 'smoke', ir, keepImage: true, tag: modalImage(name) });
    results.set(name, r);
  }
  return r;
}

const modalImage = (name: string) => `${OURS}${name}:test`;

// async-concatenate-iterator-concurrent-decorator: the async BaseRunner importing `streaming` from cog (issue 15).
const SMOKE = ['input-every-constraint', 'minimal-string-predictor', 'path-in-path-out-pillow-grayscale', 'output-iterator-str', 'output-basemodel-class', 'path-in-path-out-text-transform', 'output-concatenate-iterator-tokens', 'async-concatenate-iterator-concurrent-decorator'];

describe('Modal conversions of CPU fixtures: built and served as Modal would', () => {
  for (const name of SMOKE) {
    it(`${name}: builds; POST /predictions and @modal.method predict() answer as the Cog predictor; an invalid input gets 422`, async () => {
      const r = await smoke(name);
      expect(errors(r)).toEqual([]);
      expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true], ['build', true], ['smoke', true]]);
      const smoked = r.steps.find((s) => s.name === 'smoke')!.smoke!;
      expect(smoked.direct).toBeDefined();
      expect(smoked.rule).toBe('equal');
      expect(smoked.method).toEqual(smoked.direct);
      expect(smoked.invalid?.status).toBe(422);
      const detail = (smoked.invalid?.body as { detail: { loc: string[] }[] }).detail;
      expect(detail.map((d) => d.loc)).toContainEqual(['body', 'input', smoked.invalid!.input]);
    });
  }

  it('Path in, Path out: the output file (a data URL from Cog\'s API) has the bytes the direct call wrote', async () => {
    const smoked = (await smoke('path-in-path-out-pillow-grayscale')).steps.find((s) => s.name === 'smoke')!.smoke!;
    const direct = smoked.direct as { file: string; bytes: number };
    expect(direct.file).toMatch(/^[0-9a-f]{64}$/);
    expect(smoked.adapter).toEqual(direct);
  });

  it('an iterator output: Cog\'s API returns the items as a list, as the direct call yields them', async () => {
    const smoked = (await smoke('output-iterator-str')).steps.find((s) => s.name === 'smoke')!.smoke!;
    expect(smoked.direct).toEqual(['0:the', '1:quick', '2:brown', '3:fox']);
    expect(smoked.adapter).toEqual(smoked.direct);
  });

  it('the build is the image modal_app.py describes: its Dockerfile, the uv_pip_install layer, the Modal client', async () => {
    const build = (await smoke('minimal-string-predictor')).steps.find((s) => s.name === 'build')!;
    expect(build.imageSize).toBeGreaterThan(100e6);
    const image = await engine.getImage(modalImage('minimal-string-predictor')).history();
    const commands = image.map((l: { CreatedBy: string }) => l.CreatedBy).join('\n');
    expect(commands).toContain("uv pip install --python $(command -v python) --compile-bytecode 'fastapi[standard]==");
    expect(commands).toMatch(/uv pip install --python \$\(command -v python\) modal==\d/);
  });
});

// The model's own cog-safe-push cases (issue 13), sent by the smoke run to the Modal endpoint as the
// emitted tests/test_cog_http.py sends them, and checked on the host by the checkers it ships.
const CASES_FIXTURE = 'safe-push-offline-checkers-cpu';
const caseMessages = (r: VerifyResult) => r.findings.filter((f) => f.code === 'CM544').map((f) => [f.line, f.message]);

describe("the model's cog-safe-push test cases on the Modal smoke run (issue 13)", () => {
  it('exact_string, jq_query and error_contains hold through POST /predictions, the train case through POST /trainings', async () => {
    const r = await smoke(CASES_FIXTURE);
    expect(errors(r)).toEqual([]);
    const smoked = r.steps.find((s) => s.name === 'smoke')!.smoke!;
    expect(smoked.cases?.map((c) => [c.id, c.ok])).toEqual([['predict-1', true], ['predict-2', true], ['predict-3', true], ['train-1', true]]);
    // Cog's API reports the predictor's exception in the response, so error_contains sees its text (on fal it cannot).
    expect(smoked.cases?.find((c) => c.id === 'predict-3')?.error).toContain('refusing on purpose: no');
    expect(caseMessages(r)).toEqual([]);
  });

  it('a wrong expectation fails: each checker of the same run, changed in the IR, is CM544 at its line', async () => {
    await smoke(CASES_FIXTURE); // its image, kept: this run rebuilds from the layer cache
    const { outDir, ir } = converted(CASES_FIXTURE);
    const wrong = structuredClone(ir);
    const cases = wrong.safePush![0]!.predict!.testCases;
    cases[0]!.checker = { kind: 'exact_string', expected: 'echo: goodbye' } as typeof cases[0]['checker'];
    cases[1]!.checker = { kind: 'jq_query', query: '.length == 12' } as typeof cases[1]['checker'];
    cases[2]!.checker = { kind: 'error_contains', expected: 'refusing politely' } as typeof cases[2]['checker'];
    const r = await verify(outDir, { level: 'smoke', ir: wrong, keepImage: true, tag: modalImage(CASES_FIXTURE) });
    expect(caseMessages(r)).toEqual([
      [9, "test case predict-1 (exact_string) fails on the local smoke run: Expected 'echo: goodbye', got 'echo: hello'"],
      [12, `test case predict-2 (jq_query) fails on the local smoke run: jq query '.length == 12' returned False for {'text': 'hello world', 'length': 11, 'words': ['hello', 'world']}`],
      [16, expect.stringMatching(/^test case predict-3 \(error_contains\) fails on the local smoke run: Expected the error to contain 'refusing politely', got '.*refusing on purpose: no'$/)],
    ]);
  });
});

// The same requests to Cog's own server (coglet, in the fixture's unpruned `cog debug` image) and to
// the Modal endpoint (the @modal.asgi_app object of the fixture's Modal image, served as the smoke
// run serves it): status codes and bodies must match field for field but for comparable()'s list.
const PNG = png(8, 8);
const TEXT = Buffer.from('Hello World\n');
const dataUri = (mime: string, data: Buffer) => `data:${mime};base64,${data.toString('base64')}`;
type Cases = (url: (name: string) => string) => Record<string, Record<string, unknown>>;
const COMPARED: Record<string, Cases> = {
  'input-every-constraint': () => ({
    valid: { prompt: 'a cat', seed: 7, width: 512, scheduler: 'DDIM' },
    'wrong type': { prompt: 'a', seed: 1, width: 'wide' },
    'out of range': { prompt: 'a', seed: 1, strength: 1.5 },
    'missing required': { seed: 1 },
    'not one of the choices': { prompt: 'a', seed: 1, num_outputs: 3 },
    'two errors at once': { prompt: 'a', seed: 1, width: 10, strength: -1 },
  }),
  'path-in-path-out-pillow-grayscale': (url) => ({
    'file as URL': { image: url('in.png') },
    'file as data URI': { image: dataUri('image/png', PNG), invert: true, scale: 2 },
    'wrong type': { image: url('in.png'), scale: 'big' },
    'out of range': { image: url('in.png'), scale: 10 },
    'missing required': { invert: true },
    'file URL that is not there': { image: url('missing.png') },
  }),
  'path-in-path-out-text-transform': (url) => ({
    'file as URL': { document: url('doc.txt') },
    'file as data URI': { document: dataUri('text/plain', TEXT), mode: 'reverse' },
    'wrong type': { document: 12 },
    'out of range (not a choice)': { document: url('doc.txt'), mode: 'sideways' },
    'missing required': { mode: 'lower' },
  }),
};

describe("held against Cog's own server: the same requests, the same answers", () => {
  for (const [name, cases] of Object.entries(COMPARED)) {
    it(`${name}: ${Object.keys(cases(() => '')).join(', ')}`, async () => {
      expect(errors(await smoke(name))).toEqual([]); // the Modal image is built and works
      const { outDir, srcDir, ir } = converted(name);
      const cogTag = `${OURS}${name}-cog-server:test`;
      await buildCogServer(engine, srcDir, ir, cogTag);
      const files = await fileServer({ 'in.png': PNG, 'doc.txt': TEXT });
      const running: Running[] = [];
      try {
        const cogPort = await freePort();
        running.push(await serveContainer(engine, { image: cogTag, cmd: 'exec python -m cog.server.http --host 127.0.0.1', env: [`PORT=${cogPort}`], port: cogPort }));
        const modalPort = await freePort();
        running.push(await serveContainer(engine, {
          image: modalImage(name), port: modalPort,
          binds: [`${outDir}:/cog-migrate/app:ro`, `${join(REPO, 'src', 'verify', 'targets', 'modal')}:/cog-migrate/modal:ro`],
          // add_local_dir's mount at /src, then the class entered and its ASGI app served as in the smoke run.
          cmd: `mkdir -p /src && cp -a /cog-migrate/app/. /src/ && exec python /cog-migrate/modal/serve.py /src ${modalPort}`,
        }));
        const [cog, modal] = running.map((r) => r.base);
        const seen: Record<string, { cog: Answer; modal: Answer }> = {};
        for (const [label, input] of Object.entries(cases(files.url))) {
          const body = { input };
          seen[label] = { cog: comparable(await postPrediction(cog!, body)), modal: comparable(await postPrediction(modal!, body)) };
        }
        for (const [label, { cog: c, modal: m }] of Object.entries(seen)) expect(m, label).toEqual(c);
        // The cases mean what they say: the valid ones succeed, the invalid ones are Cog's 422s.
        for (const [label, { cog: c }] of Object.entries(seen)) {
          if (/valid|file as/.test(label)) expect([c.status, (c.body as { status?: string }).status], label).toEqual([200, 'succeeded']);
          else if (/not there/.test(label)) expect((c.body as { error?: string }).error, label).toMatch(/^Input validation error: 404 /);
          else expect(c.status, label).toBe(422);
        }
      } finally {
        for (const r of running) await r.stop();
        await files.close();
      }
    });
  }
});
