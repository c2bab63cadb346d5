// The versioned JSON form of the IR: stable bytes, and a reader that checks before it trusts.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { irFromJson, irToJson, NORMALISED_ROOT } from '../../src/ir/json.js';
import { inputs, ir, lit, predictor, src, t } from './helpers/ir-builder.js';

const sample = () =>
  ir({
    predict: predictor('predict', inputs(['prompt', t.str(), { description: 'P' }], ['scale', t.float(), { default: src('A * 2') }]), t.object('Out', [['x', t.list(t.path())]])),
    train: predictor('train', inputs(['steps', t.int(), { default: lit(3), choices: lit([1, 3]) }]), t.path()),
  });

describe('irToJson', () => {
  it('writes irVersion first, then keys sorted at every level, ending in a newline', () => {
    const text = irToJson(sample());
    expect(text.startsWith('{\n  "irVersion": 1,\n  "build"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const keys = Object.keys(JSON.parse(text).predictors.predict.inputs[0]);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives the same bytes whatever order the IR objects were filled in', () => {
    const a = sample();
    const b = JSON.parse(JSON.stringify(a), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v);
    expect(irToJson(b)).toBe(irToJson(a));
  });

  it('replaces the absolute project root when asked', () => {
    expect(JSON.parse(irToJson(sample(), { normaliseRoot: true })).project.root).toBe(NORMALISED_ROOT);
    expect(JSON.parse(irToJson(sample())).project.root).toBe('/tmp/model');
  });

  it('leaves out undefined fields', () => {
    const x = sample();
    x.predictors.predict!.inputs[0]!.regex = undefined;
    expect(JSON.parse(irToJson(x)).predictors.predict.inputs[0]).not.toHaveProperty('regex');
  });
});

describe('irFromJson', () => {
  it('reads back what irToJson wrote', () => {
    const result = irFromJson(irToJson(sample()));
    expect(result).toEqual({ ok: true, ir: sample() });
  });

  it('rejects another irVersion, a missing one, and text that is not JSON', () => {
    const doc = JSON.parse(irToJson(sample()));
    expect(irFromJson(JSON.stringify({ ...doc, irVersion: 2 }))).toMatchObject({ ok: false, error: expect.stringContaining('irVersion 2') });
    const { irVersion: _dropped, ...rest } = doc;
    expect(irFromJson(JSON.stringify(rest))).toEqual({ ok: false, error: 'missing irVersion' });
    expect(irFromJson('{"irVersion": 1,')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(irFromJson('[1]')).toEqual({ ok: false, error: 'IR JSON must be an object' });
  });

  it('rejects a malformed predictor, naming where', () => {
    const doc = JSON.parse(irToJson(sample()));
    doc.predictors.predict.inputs[1].type = { kind: 'tensor' };
    expect(irFromJson(JSON.stringify(doc))).toEqual({ ok: false, error: 'predictors.predict.inputs[1].type: not an IR type' });
    doc.predictors.predict.inputs[1].type = { kind: 'list' };
    expect(irFromJson(JSON.stringify(doc))).toMatchObject({ ok: false });
    delete doc.build;
    expect(irFromJson(JSON.stringify(doc))).toEqual({ ok: false, error: 'build must be an object' });
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const result = irFromJson(text);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 300 });
  });
});
