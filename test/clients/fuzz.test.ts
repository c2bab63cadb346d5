// Property tests: on any text the rewriters never throw; code that names no --model comes back
// byte-identical; whatever they write parses and is a fixed point of a second run.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/clients/models.js';
import { rewritePySource } from '../../src/clients/python/rewrite.js';
import { parseTs } from '../../src/clients/ts/source.js';
import { rewriteTsSource } from '../../src/clients/ts/rewrite.js';
import { parsePython } from '../../src/python/parse.js';

const models = (to: 'fal' | 'modal') => [parseModelSpec(to === 'fal' ? 'acme/llm=acme/llm-fal' : 'acme/llm=llm/Predictor', to)].map((r) => (r.ok ? r.mapping : undefined)!);

const TS_BODY = [
  '  const out = await replicate.run("acme/llm", { input: { prompt: p } });', '  const t = replicate.run("acme/llm", { input: { prompt: p }, wait: { mode: "poll" } });',
  '  const u = await replicate.run("x/y", { input: {} });', '  // replicate.run("acme/llm")', '  const s = `acme/llm ${1}`;',
  '  for await (const e of replicate.stream("acme/llm", { input: {} })) console.log(e);',
  '  const pr = await replicate.predictions.create({ model: "acme/llm", input: {}, webhook: "https://h" }); console.log(pr.id);',
  '  await replicate.run(id, { input });', '  await replicate.predictions.cancel(id);', '  const v = await replicate.run("acme/llm", { ...input, input });',
];
const PY_BODY = [
  '    out = replicate.run("acme/llm", input={"prompt": p})', '    x = client.run("acme/llm", input={})  # c', '    # replicate.run("acme/llm")',
  '    y = replicate.run("x/y", input={})', '    for e in replicate.stream("acme/llm", input={}):\n        print(e)',
  '    pr = replicate.predictions.create(model="acme/llm", input={}, webhook="https://h")\n    print(pr.id)', '    z = replicate.run(p, input={})', '    pass',
];
const GARBAGE = fc.oneof(fc.constantFrom('{', '(', '"', '  é 😀', ''), fc.string({ maxLength: 8 }));

/** A file with the import and client, a function of random statements, sometimes a broken line. */
const tsFile = fc.tuple(fc.array(fc.constantFrom(...TS_BODY), { maxLength: 6 }), fc.option(GARBAGE, { freq: 4 })).map(([body, junk]) =>
  ['import Replicate from "replicate";', 'const replicate = new Replicate();', 'export async function f(p: string, id: string, input: object) {', ...body, '}', junk ?? ''].join('\n') + '\n');
const pyFile = fc.tuple(fc.array(fc.constantFrom(...PY_BODY), { maxLength: 6 }), fc.option(GARBAGE, { freq: 4 })).map(([body, junk]) =>
  ['import replicate', 'client = replicate.Client()', '', 'def f(p):', ...body, '    return None', '', junk ?? ''].join('\n') + '\n');
const lines = (kind: 'ts' | 'py') => (kind === 'ts' ? tsFile : pyFile);

describe('clients rewriters on arbitrary input', () => {
  it('TypeScript: never throws; output parses whenever it changed; a second run is a fixed point', () => {
    let changed = 0;
    fc.assert(fc.property(lines('ts'), fc.constantFrom('fal', 'modal') as fc.Arbitrary<'fal' | 'modal'>, (text, to) => {
      const once = rewriteTsSource(text, 'x.ts', { to, models: models(to) });
      if (once.after !== text) {
        changed++;
        expect(parseTs(once.after, 'x.ts').ok).toBe(true);
        expect(rewriteTsSource(once.after, 'x.ts', { to, models: models(to) }).after).toBe(once.after);
      }
    }), { numRuns: 150 });
    // The generator must reach real rewrites, or the property proves nothing.
    expect(changed).toBeGreaterThan(5);
  });

  it('Python: never throws; output parses whenever it changed; a second run is a fixed point', () => {
    let changed = 0;
    fc.assert(fc.property(lines('py'), fc.constantFrom('fal', 'modal') as fc.Arbitrary<'fal' | 'modal'>, (text, to) => {
      const once = rewritePySource(text, 'x.py', { to, models: models(to) });
      if (once.after !== text) {
        changed++;
        expect(parsePython(once.after, { full: true }).syntaxError).toBeUndefined();
        expect(rewritePySource(once.after, 'x.py', { to, models: models(to) }).after).toBe(once.after);
      }
    }), { numRuns: 150 });
    // The generator must reach real rewrites, or the property proves nothing.
    expect(changed).toBeGreaterThan(5);
  });

  it('code that names no --model is byte-identical, in both languages', () => {
    const none = [parseModelSpec('nobody/nothing=n/n', 'fal')].map((r) => (r.ok ? r.mapping : undefined)!);
    fc.assert(fc.property(lines('ts'), lines('py'), (ts, py) => {
      expect(rewriteTsSource(ts, 'x.ts', { to: 'fal', models: none }).after).toBe(ts);
      expect(rewritePySource(py, 'x.py', { to: 'fal', models: none }).after).toBe(py);
    }), { numRuns: 100 });
  });
});
