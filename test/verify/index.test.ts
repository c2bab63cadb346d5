import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const PROJECT = join(import.meta.dirname, '..', 'docker', 'projects', 'text-echo');
const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('verify', () => {
  it('static level with the real SDK: both steps pass, and the adapter importing predict.py is not imported on the host', async () => {
    const events: string[] = [];
    const r = await verify(PROJECT, { level: 'static', sdkPython: pythonEnv('fal'), onProgress: (l) => events.push(l) });
    expect(r.steps.map((s) => [s.name, s.ok, s.skipped])).toEqual([['parse', true, undefined], ['typecheck', true, undefined]]);
    expect(r.steps.every((s) => s.durationMs >= 0)).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['CM503', 'info', 'app.py']]);
    expect(r.findings[0]?.message).toContain("imports the project's own predict");
    expect(events).toEqual(['[parse] start', '[parse] ok', '[typecheck] start', '[typecheck] ok']);
  }, 300_000);

  it('static level fails the parse step for a Python file that does not parse, at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-verify-static-'));
    cpSync(PROJECT, dir, { recursive: true });
    writeFileSync(join(dir, 'helper.py'), 'x = 1\ndef broken(:\n');
    const r = await verify(dir, { level: 'static', sdkPython: pythonEnv('fal') });
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', false], ['typecheck', true]]);
    expect(r.findings.filter((f) => f.code === 'CM501').map((f) => [f.file, f.line])).toEqual([['helper.py', 2]]);
  }, 300_000);

  it('static level fails the typecheck step for an adapter the SDK rejects on import (CM506 at its line)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-verify-static-'));
    cpSync(PROJECT, dir, { recursive: true });
    writeFileSync(join(dir, 'app.py'), 'import fal\n\n\nclass Echo(fal.App):\n    machine_type = "S"\n\n\nfal.no_such_function()\n');
    const r = await verify(dir, { level: 'static', sdkPython: pythonEnv('fal') });
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', false]]);
    expect(r.findings.filter((f) => f.code === 'CM506').map((f) => [f.file, f.line])).toEqual([['app.py', 8]]);
  }, 300_000);

  it('static level without the SDK interpreter says the import proved nothing (CM503 warning)', async () => {
    const r = await verify(PROJECT, { level: 'static', sdkPython: '/nonexistent/python' });
    expect(r.findings.filter((f) => f.code === 'CM503').map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'app.py could not be imported under the SDK: spawn /nonexistent/python ENOENT'],
    ]);
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
