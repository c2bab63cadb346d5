import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';

const PROJECT = join(import.meta.dirname, '..', 'docker', 'projects', 'text-echo');
const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('verify', () => {
  it('static level: steps with durations, no engine needed', async () => {
    const events: string[] = [];
    const r = await verify(PROJECT, { level: 'static', sdkPython: '/nonexistent/python', onProgress: (l) => events.push(l) });
    expect(r.steps.map((s) => s.name)).toEqual(['parse', 'typecheck']);
    expect(r.steps.every((s) => s.durationMs >= 0)).toBe(true);
    expect(events).toContain('[parse] start');
  });

  it('runs the OpenAPI round-trip hook when given one', async () => {
    const r = await verify(PROJECT, { level: 'static', sdkPython: '/nonexistent/python', openApiRoundTrip: () => ({ before: { a: 1 }, after: { a: 2 } }) });
    expect(r.steps.map((s) => [s.name, s.ok])).toContainEqual(['openapi-roundtrip', false]);
    expect(r.findings.map((f) => f.code)).toContain('CM505');
  });

  it('build level without an engine: CM510, build and smoke skipped, nothing thrown', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const r = await verify(PROJECT, { level: 'smoke', sdkPython: '/nonexistent/python' });
    expect(r.findings.map((f) => f.code)).toContain('CM510');
    expect(r.steps.filter((s) => s.skipped).map((s) => s.name)).toEqual(['build', 'smoke']);
  });
});
