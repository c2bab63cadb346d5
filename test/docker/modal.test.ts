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
import { convertFixture, removeWork, requireEngine } from './helpers.js';

let engine: Engine;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  engine = await requireEngine();
  before = await snapshot(engine);
});

// The engine is shared (other suites may run beside this one): only this file's own images, tagged
// cog-migrate-verify/modal-*, are removed (their untagged layers go with them), and only
// containers of those images must be gone.
const OURS = 'cog-migrate-verify/modal-';
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

/** One verification per fixture, shared by the cases that look at it. */
function smoke(name: string): Promise<VerifyResult> {
  let r = results.get(name);
  if (!r) {
    const { outDir, ir } = convertFixture(name, modalTarget);
    r = verify(outDir, { level: 'smoke', ir, keepImage: true, tag: `cog-migrate-verify/modal-${name}:test` });
    results.set(name, r);
  }
  return r;
}

// async-concatenate-iterator-concurrent-decorator: the async BaseRunner importing `streaming` from cog (issue 15).
const SMOKE = ['minimal-string-predictor', 'path-in-path-out-pillow-grayscale', 'output-iterator-str', 'output-basemodel-class', 'path-in-path-out-text-transform', 'output-concatenate-iterator-tokens', 'async-concatenate-iterator-concurrent-decorator'];

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
    const image = await engine.getImage('cog-migrate-verify/modal-minimal-string-predictor:test').history();
    const commands = image.map((l: { CreatedBy: string }) => l.CreatedBy).join('\n');
    expect(commands).toContain("uv pip install --python $(command -v python) --compile-bytecode 'fastapi[standard]==");
    expect(commands).toMatch(/uv pip install --python \$\(command -v python\) modal==\d/);
  });
});
