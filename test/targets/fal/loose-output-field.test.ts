// QA P7 (cog-whisper-diarization): with `segments: list` in an otherwise typed Output class, CM410
// said the whole output "has no precise type" and pointed at `class Predictor`. It names the loose
// field and points at the field's line; a loose output that is not inside a class keeps the
// predictor-level message.

import { describe, expect, it } from 'vitest';
import { emitFal } from '../../../targets/fal/index.js';
import type { IrType, ObjectField } from '../../../src/ir/types.js';
import type { Finding } from '../../../src/findings/types.js';
import { cogIR, fakeDockerfile, loc, predictor } from './ir-builders.js';

const field = (name: string, type: IrType, line: number): ObjectField => ({ name, type, loc: loc('predict.py', line, 5) });
const cm410 = (output: IrType): Finding[] =>
  emitFal(cogIR({ predict: predictor({ output }) }), {}, { dockerfile: fakeDockerfile }).findings.filter((f) => f.code === 'CM410');

describe('CM410 for a loose field of a typed output model', () => {
  it('names the field and points at its line, not at the predictor class', () => {
    const found = cm410({
      kind: 'object', name: 'Output', loc: loc('predict.py', 17, 7),
      fields: [
        field('segments', { kind: 'list', items: { kind: 'any' } }, 18),
        field('language', { kind: 'optional', inner: { kind: 'str' } }, 19),
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'predict.py', line: 18, column: 5, severity: 'warning', target: 'fal' });
    expect(found[0]!.message).toBe('predict output field "segments" of Output has no precise type; fal returns that field as untyped JSON');
    expect(found[0]!.message).not.toMatch(/output of predict\.py:Predictor has no precise type/);
    expect(found[0]!.hint).toContain('Output.segments');
  });

  it('points at the innermost field of a nested class, once however often the class is used, and at each loose field', () => {
    const speaker: IrType = {
      kind: 'object', name: 'Speaker', loc: loc('predict.py', 3, 7),
      fields: [field('name', { kind: 'str' }, 4), field('extra', { kind: 'any' }, 5)],
    };
    const found = cm410({
      kind: 'object', name: 'Output', loc: loc('predict.py', 8, 7),
      fields: [
        field('main', speaker, 9),
        field('others', { kind: 'list', items: speaker }, 10),
        field('raw', { kind: 'optional', inner: { kind: 'any' } }, 11),
      ],
    });
    expect(found.map((f) => [f.line, f.message.split(' has ')[0]])).toEqual([
      [5, 'predict output field "extra" of Speaker'],
      [11, 'predict output field "raw" of Output'],
    ]);
  });

  it('keeps the predictor-level finding for a loose output outside any class, and none for a precise one', () => {
    const found = cm410({ kind: 'list', items: { kind: 'any' } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 4, message: 'predict output of predict.py:Predictor has no precise type; fal returns it as untyped JSON' });
    expect(cm410({ kind: 'object', name: 'Output', loc: loc('predict.py', 8, 7), fields: [field('text', { kind: 'str' }, 9)] })).toEqual([]);
  });

  it('marks the Output mapping row partial with CM410', () => {
    const r = emitFal(cogIR({ predict: predictor({ output: { kind: 'object', name: 'Output', loc: loc('predict.py', 8, 7), fields: [field('segments', { kind: 'any' }, 9)] } }) }), {}, { dockerfile: fakeDockerfile });
    expect(r.mapping.find((m) => m.concept === 'Output')).toMatchObject({ status: 'partial', code: 'CM410' });
  });
});
