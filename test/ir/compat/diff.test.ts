// Every change class of `diffSchemas`, on schemas generated from real Cog predictor source (as
// `cog-migrate inspect --openapi` would serve them), so the cases exercise Cog's own schema shapes
// (choices as allOf/$ref enums, required lists, formats).
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../src/ir/compat/index.js';
import { loadSchema } from '../../../src/ir/compat/load.js';
import { tempProject } from '../../helpers/cli.js';
import type { JsonObject } from '../../../src/ir/openapi.js';

function schema(params: string, output = 'str', extra = ''): JsonObject {
  const dir = tempProject({
    'cog.yaml': `predict: "predict.py:Predictor"\n${extra ? 'train: "predict.py:train"\n' : ''}`,
    'predict.py': `from cog import BasePredictor, Input, Path\nfrom typing import Iterator, List, Optional\n\nclass Predictor(BasePredictor):\n    def predict(self${params ? ', ' + params : ''}) -> ${output}:\n        pass\n${extra}`,
  });
  const r = loadSchema(dir);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.schema;
}

function kinds(before: JsonObject, after: JsonObject): string[] {
  return diffSchemas(before, after).map((c) => `${c.breaking ? '!' : ''}${c.kind}${c.input ? `:${c.input}` : ''}`);
}

describe('diffSchemas', () => {
  it('finds nothing between identical schemas', () => {
    const s = schema('prompt: str = Input(description="p", default="x")');
    expect(diffSchemas(s, s)).toEqual([]);
  });

  describe('breaking changes', () => {
    it('a removed input', () => {
      expect(kinds(schema('a: str = "x", b: int = 1'), schema('a: str = "x"'))).toEqual(['!input-removed:b']);
    });
    it('a changed type', () => {
      expect(kinds(schema('n: int = 1'), schema('n: str = "1"'))).toEqual(['!input-type-changed:n']);
    });
    it('a changed list item type', () => {
      expect(kinds(schema('xs: List[int] = Input(default=None)'), schema('xs: List[str] = Input(default=None)'))).toEqual(['!input-type-changed:xs']);
    });
    it('a changed format (string to file)', () => {
      const c = diffSchemas(schema('image: str'), schema('image: Path'));
      expect(c.map((x) => x.kind)).toEqual(['input-format-changed']);
      expect(c[0]!.breaking).toBe(true);
    });
    it('narrowed choices', () => {
      const c = diffSchemas(schema('size: str = Input(default="s", choices=["s", "m", "l"])'), schema('size: str = Input(default="s", choices=["s", "m"])'));
      expect(c.map((x) => x.kind)).toEqual(['input-choices-removed']);
      expect(c[0]!.message).toContain('"l"');
    });
    it('choices put on a free input', () => {
      expect(kinds(schema('size: str = "s"'), schema('size: str = Input(default="s", choices=["s", "m"])'))).toEqual(['!input-type-changed:size']);
    });
    it('a minimum added or raised, a maximum added or lowered', () => {
      expect(kinds(schema('n: int = 5'), schema('n: int = Input(default=5, ge=1)'))).toEqual(['!input-minimum-added:n']);
      expect(kinds(schema('n: int = Input(default=5, ge=1)'), schema('n: int = Input(default=5, ge=2)'))).toEqual(['!input-minimum-raised:n']);
      expect(kinds(schema('n: int = 5'), schema('n: int = Input(default=5, le=10)'))).toEqual(['!input-maximum-added:n']);
      expect(kinds(schema('n: int = Input(default=5, le=10)'), schema('n: int = Input(default=5, le=8)'))).toEqual(['!input-maximum-lowered:n']);
    });
    it('tighter string length or a new pattern', () => {
      expect(kinds(schema('s: str = Input(default="ab", max_length=10)'), schema('s: str = Input(default="ab", max_length=5)'))).toEqual(['!input-length-narrowed:s']);
      expect(kinds(schema('s: str = "ab"'), schema('s: str = Input(default="ab", regex="^[a-z]+$")'))).toEqual(['!input-pattern-changed:s']);
    });
    it('a new required input', () => {
      expect(kinds(schema('a: str = "x"'), schema('a: str = "x", b: int = Input()'))).toEqual(['!input-added-required:b']);
    });
    it('an input that lost its default', () => {
      expect(kinds(schema('a: str = "x"'), schema('a: str'))).toEqual(['!input-became-required:a']);
      expect(diffSchemas(schema('a: str = "x"'), schema('a: str'))[0]!.message).toBe('input a: is now required (it had default "x")');
    });
    it('an Optional input without a default (as the cog 0.19 SDK serves it) that is no longer Optional', () => {
      // Before: "is now required (it had a default)" for an input that had none.
      const before = schema('n: Optional[int] = Input(default=None)');
      delete ((((before.components as JsonObject).schemas as JsonObject).Input as JsonObject).properties as Record<string, JsonObject>).n!.default;
      const c = diffSchemas(before, schema('n: int = Input()'));
      expect(c.map((x) => [x.kind, x.breaking, x.message])).toContainEqual(['input-became-required', true, 'input n: is now required (it was optional)']);
    });
    it('a changed output type, a changed output item type', () => {
      expect(kinds(schema('', 'str'), schema('', 'int'))).toEqual(['!output-type-changed']);
      expect(kinds(schema('', 'List[str]'), schema('', 'List[Path]'))).toEqual(['!output-type-changed']);
      expect(kinds(schema('', 'str'), schema('', 'Iterator[str]'))).toEqual(['!output-type-changed']);
    });
    it('a removed output and a mode no longer served', () => {
      const withTrain = schema('a: str = "x"', 'str', '\ndef train(n: int = 1) -> str:\n    pass\n');
      const without = schema('a: str = "x"');
      expect(kinds(withTrain, without)).toEqual(['!mode-removed']);
      const noOutput = structuredClone(without);
      delete ((noOutput.components as JsonObject).schemas as JsonObject).Output;
      expect(kinds(without, noOutput)).toEqual(['!output-removed']);
    });
  });

  describe('compatible changes', () => {
    it('a new optional input', () => {
      expect(kinds(schema('a: str = "x"'), schema('a: str = "x", seed: int = Input(default=42)'))).toEqual(['input-added-optional:seed']);
    });
    it('added choices', () => {
      expect(kinds(schema('size: str = Input(default="s", choices=["s", "m"])'), schema('size: str = Input(default="s", choices=["s", "m", "l"])'))).toEqual(['input-choices-added:size']);
    });
    it('a wider range, a removed bound, a lowered minimum', () => {
      expect(kinds(schema('n: int = Input(default=5, ge=1, le=10)'), schema('n: int = Input(default=5, ge=0, le=20)'))).toEqual(['input-range-widened:n', 'input-range-widened:n']);
      expect(kinds(schema('n: int = Input(default=5, le=10)'), schema('n: int = 5'))).toEqual(['input-range-widened:n']);
    });
    it('a changed default (cog-safe-push allows defaults to change)', () => {
      const c = diffSchemas(schema('steps: int = 30'), schema('steps: int = 50'));
      expect(c).toMatchObject([{ kind: 'input-default-changed', breaking: false, before: 30, after: 50 }]);
    });
    it('an input that gained a default', () => {
      expect(kinds(schema('a: str'), schema('a: str = "x"'))).toEqual(['input-became-optional:a']);
    });
    it('a changed description and a deprecation', () => {
      expect(kinds(schema('a: str = Input(default="x", description="old")'), schema('a: str = Input(default="x", description="new", deprecated=True)'))).toEqual(['input-description-changed:a', 'input-deprecated:a']);
    });
    it('a field added to a BaseModel output (a caller reading the old fields is not affected)', () => {
      const model = (fields: string) => `\nclass Output(BaseModel):\n${fields}`;
      const dir = (fields: string) => {
        const d = tempProject({
          'cog.yaml': 'predict: "predict.py:Predictor"\n',
          'predict.py': `from typing import Optional\nfrom cog import BasePredictor, BaseModel\n${model(fields)}\nclass Predictor(BasePredictor):\n    def predict(self) -> Output:\n        pass\n`,
        });
        const r = loadSchema(d);
        if (!r.ok) throw new Error(JSON.stringify(r.findings));
        return r.schema;
      };
      const c = diffSchemas(dir('    segments: list\n'), dir('    segments: list\n    language: Optional[str] = None\n'));
      expect(c.map((x) => [x.kind, x.breaking, x.message])).toEqual([['output-field-added', false, 'output field language is new']]);
    });
    it('a mode newly served', () => {
      expect(kinds(schema('a: str = "x"'), schema('a: str = "x"', 'str', '\ndef train(n: int = 1) -> str:\n    pass\n'))).toEqual(['mode-added']);
    });
  });

  it('lists breaking changes before compatible ones', () => {
    const c = diffSchemas(schema('a: str = "x", b: int = 1'), schema('a: str = "y", c: int = 2'));
    expect(c.map((x) => x.breaking)).toEqual([true, false, false]);
  });
});
