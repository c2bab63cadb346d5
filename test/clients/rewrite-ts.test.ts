// Before/after cases of the TypeScript/JavaScript rewriter, one behaviour each.

import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/clients/models.js';
import { rewriteTsSource } from '../../src/clients/ts/rewrite.js';
import type { ClientTarget } from '../../src/clients/types.js';

function rewrite(text: string, to: ClientTarget = 'fal', specs = ['acme/llm=acme/llm-fal'], file = 'app.ts') {
  const models = specs.map((s) => {
    const r = parseModelSpec(s, to);
    if (!r.ok) throw new Error(r.error);
    return r.mapping;
  });
  const r = rewriteTsSource(text, file, { to, models });
  return { after: r.after, codes: r.findings.map((f) => f.code) };
}

const HEAD = 'import Replicate from "replicate";\nconst replicate = new Replicate();\n';

describe('TypeScript rewrites', () => {
  it('leaves a file without a named model byte-identical', () => {
    const text = 'import Replicate from "replicate";\r\nconst r = new Replicate();\r\nexport const f = () => r.run("other/model", { input: {} });\r\n';
    expect(rewrite(text).after).toBe(text);
  });

  it('keeps CRLF line ends and non-ASCII text around the call', () => {
    const text = `${HEAD.replace(/\n/g, '\r\n')}// ü 😀\r\nexport const f = async () => await replicate.run("acme/llm", { input: { prompt: "é" } });\r\n`;
    const { after } = rewrite(text);
    expect(after).toContain('// ü 😀\r\nexport const f = async () => (await fal.subscribe("acme/llm-fal", { input: { prompt: "é" } })).data.output;\r\n');
    expect(after).not.toMatch(/[^\r]\n/);
  });

  it('a call that is not awaited reads the output in .then', () => {
    const { after } = rewrite(`${HEAD}export const f = () => replicate.run("acme/llm", { input: {} });\n`);
    expect(after).toContain('fal.subscribe("acme/llm-fal", { input: {} }).then((result) => result.data.output)');
  });

  it('a version pin matches only that version', () => {
    const text = `${HEAD}export const a = () => replicate.run("acme/llm:abc", { input: {} });\nexport const b = () => replicate.run("acme/llm:def", { input: {} });\n`;
    const r = rewrite(text, 'fal', ['acme/llm:abc=acme/llm-fal']);
    expect(r.after).toContain('fal.subscribe("acme/llm-fal"');
    expect(r.after).toContain('replicate.run("acme/llm:def"');
    expect(r.codes).toContain('CM711');
    expect(r.codes).toContain('CM717');
    // Both clients live side by side while a call remains.
    expect(r.after).toContain('import Replicate from "replicate";\nimport { fal } from "@fal-ai/client";');
    expect(r.after).toContain('const replicate = new Replicate();\nfal.config({ credentials: process.env.FAL_KEY });');
  });

  it('a progress callback or spread options leave the call unchanged (CM713)', () => {
    const text = `${HEAD}export const a = () => replicate.run("acme/llm", { input: {} }, (p) => console.log(p));\nexport const b = (o: object) => replicate.run("acme/llm", { ...o, input: {} });\n`;
    const r = rewrite(text);
    expect(r.after).toBe(text);
    expect(r.codes.filter((c) => c === 'CM713')).toHaveLength(2);
  });

  it('predictions.cancel becomes fal.queue.cancel on the one model the file names', () => {
    const start = 'export async function start() {\n  const p = await replicate.predictions.create({ model: "acme/llm", input: {} });\n  return p.id;\n}\n';
    const { after } = rewrite(`${HEAD}export async function stop(id: string) {\n  await replicate.predictions.cancel(id);\n}\n${start}`);
    expect(after).toContain('  await fal.queue.cancel("acme/llm-fal", { requestId: id });\n');
    // Alone, the cancel does not say which model it is for: unchanged.
    const alone = `${HEAD}export async function stop(id: string) {\n  await replicate.predictions.cancel(id);\n}\n`;
    expect(rewrite(alone).after).toBe(alone);
    expect(rewrite(alone).codes).toEqual(['CM714']);
  });

  it('issue 14: predictions.get becomes the Replicate-shaped prediction from fal.queue.status/result, on the one model the file names', () => {
    const start = 'export async function start() {\n  const p = await replicate.predictions.create({ model: "acme/llm", input: {} });\n  return p.id;\n}\n';
    const { after, codes } = rewrite(`${HEAD}export async function poll(id: string) {\n  const p = await replicate.predictions.get(id);\n  return p.status;\n}\n${start}`);
    expect(after).toContain('  const p = await replicateStylePrediction("acme/llm-fal", id);\n');
    expect(after).toContain('await fal.queue.status(appId, { requestId, logs: true })');
    expect(after).toContain('await fal.queue.result(appId, { requestId })');
    expect(codes).toEqual(['CM733']);
    const alone = `${HEAD}export async function poll(id: string) {\n  return (await replicate.predictions.get(id)).status;\n}\n`;
    expect(rewrite(alone)).toEqual({ after: alone, codes: ['CM714'] });
  });

  it('issue 14: replicate.wait on a rewritten create waits on fal\'s queue; on anything else it stays (CM714)', () => {
    const text = `${HEAD}export async function go() {\n  const p = await replicate.predictions.create({ model: "acme/llm", input: {} });\n  const done = await replicate.wait(p);\n  return done.output;\n}\n`;
    const { after } = rewrite(text);
    expect(after).toContain('  const p = await fal.queue.submit("acme/llm-fal", { input: {} });\n  const done = await replicateStyleWait("acme/llm-fal", p.request_id);\n');
    expect(after).toContain('await fal.queue.subscribeToStatus(appId, { requestId, mode: "polling" });');
    const other = `${HEAD}export async function go(p: any) {\n  await replicate.run("acme/llm", { input: {} });\n  return replicate.wait(p);\n}\n`;
    const r = rewrite(other);
    expect(r.after).not.toContain('replicateStyleWait');
    expect(r.codes).toContain('CM714');
  });

  it('a prediction used beyond its id stays (CM715)', () => {
    const text = `${HEAD}export async function go() {\n  const p = await replicate.predictions.create({ model: "acme/llm", input: {} });\n  return p;\n}\n`;
    const r = rewrite(text);
    expect(r.after).toBe(text);
    expect(r.codes).toEqual(['CM715']);
  });

  it('a const model id in the same file is followed', () => {
    const { after } = rewrite(`${HEAD}const MODEL = "acme/llm";\nexport const f = async () => await replicate.run(MODEL, { input: {} });\n`);
    expect(after).toContain('await fal.subscribe("acme/llm-fal", { input: {} })');
  });

  it('keeps single quotes where the file uses them', () => {
    const { after } = rewrite("import Replicate from 'replicate';\nconst replicate = new Replicate();\nexport const f = async () => await replicate.run('acme/llm', { input: {} });\n", 'fal', ['acme/llm=acme/llm-fal'], 'a.js');
    expect(after).toContain("import { fal } from '@fal-ai/client';");
    expect(after).toContain("fal.subscribe('acme/llm-fal'");
  });

  it('Modal with app/Class reads the endpoint URL from an environment variable (CM732)', () => {
    const r = rewrite(`${HEAD}export const f = async () => await replicate.run("acme/llm", { input: { prompt: "x" } });\n`, 'modal', ['acme/llm=llm-app/Predictor']);
    expect(r.after).toContain('await predictOnModal(process.env.LLM_APP_URL, { prompt: "x" })');
    expect(r.after).not.toContain('replicate');
    expect(r.codes).toContain('CM732');
  });

  it('a rewrite of rewritten code is the same text', () => {
    const once = rewrite(`${HEAD}export async function* f() { for await (const e of replicate.stream("acme/llm", { input: {} })) yield e.data; }\n`).after;
    expect(rewrite(once).after).toBe(once);
  });
});
