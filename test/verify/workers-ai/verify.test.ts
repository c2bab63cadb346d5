// verify() on a workers-ai output, without Docker: the output is recognised by its
// worker/wrangler.jsonc, the static level runs the Worker checks (tsc, wrangler's config reader,
// the dry-run bundle), and the build level without an engine is skipped with CM510.
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/verify/index.js';
import { convertForWorkers, type WorkersOutput } from './helpers.js';

const outputs: WorkersOutput[] = [];
afterAll(() => { for (const o of outputs) o.remove(); });

describe('verify of a workers-ai output', () => {
  it('static, Containers: parse and the Worker checks; the detail says what was not checked', async () => {
    const o = convertForWorkers('output-basemodel-class', 'containers');
    outputs.push(o);
    const r = await verify(o.outDir, { level: 'static' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true]]);
    expect(r.steps[1]!.detail).toContain('buildx');
  }, 120_000);

  it('build without an engine: CM510, build and smoke skipped, the static steps still ran', async () => {
    const o = convertForWorkers('minimal-string-predictor', 'byo');
    outputs.push(o);
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    try {
      const r = await verify(o.outDir, { level: 'smoke' });
      expect(r.findings.map((f) => f.code)).toContain('CM510');
      expect(r.steps.map((s) => [s.name, s.ok, s.skipped ?? null])).toEqual([['parse', true, null], ['typecheck', true, null], ['build', false, 'no Docker engine'], ['smoke', false, 'no Docker engine']]);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST; else process.env.DOCKER_HOST = saved;
    }
  }, 120_000);
});
