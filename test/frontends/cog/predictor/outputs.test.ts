// Return annotations -> output types, including BaseModel Output classes and iterators.

import { describe, expect, it } from 'vitest';
import type { IrType } from '../../../../src/ir/types.js';
import { extract, predictorOf } from './helpers.js';

const PRELUDE = `from cog import BasePredictor, BaseModel, Path, ConcatenateIterator, AsyncConcatenateIterator
from typing import Iterator, AsyncIterator, List, Optional, Any
`;

function outputOf(annotation: string, prelude = PRELUDE, isAsync = false) {
  const e = extract(`${prelude}\nclass Predictor(BasePredictor):\n    ${isAsync ? 'async ' : ''}def predict(self)${annotation ? ` -> ${annotation}` : ''}:\n        pass\n`);
  return { output: predictorOf(e).output, codes: e.codes, findings: e.findings };
}

describe('outputs', () => {
  it('reads a primitive output without findings', () => {
    expect(outputOf('str')).toMatchObject({ output: { kind: 'str' }, codes: [] });
    expect(outputOf('int').output).toEqual({ kind: 'int' });
    expect(outputOf('dict').output).toEqual({ kind: 'dict' });
  });

  it('reads Path and List[Path]', () => {
    expect(outputOf('Path').output).toEqual({ kind: 'path' });
    expect(outputOf('List[Path]').output).toEqual({ kind: 'list', items: { kind: 'path' } });
  });

  it('reads the four iterator kinds', () => {
    expect(outputOf('Iterator[Path]').output).toEqual({ kind: 'iterator', items: { kind: 'path' } });
    expect(outputOf('ConcatenateIterator[str]').output).toEqual({ kind: 'concatenateIterator', items: { kind: 'str' } });
    expect(outputOf('AsyncIterator[str]', PRELUDE, true).output).toEqual({ kind: 'asyncIterator', items: { kind: 'str' } });
    expect(outputOf('AsyncConcatenateIterator[str]', PRELUDE, true).output).toEqual({ kind: 'asyncConcatenateIterator', items: { kind: 'str' } });
  });

  it('reads typing.Iterator through collections.abc too', () => {
    expect(outputOf('Iterator[str]', 'from collections.abc import Iterator\nfrom cog import BasePredictor\n').output).toEqual({ kind: 'iterator', items: { kind: 'str' } });
  });

  it('reads a BaseModel Output class with its fields', () => {
    const r = outputOf('Output', `${PRELUDE}\nclass Output(BaseModel):\n    image: Path\n    caption: Optional[str] = None\n    scores: List[float] = []\n`);
    expect(r.codes).toEqual([]);
    const out = r.output as Extract<IrType, { kind: 'object' }>;
    expect(out.kind).toBe('object');
    expect(out.name).toBe('Output');
    expect(out.loc).toMatchObject({ file: 'predict.py', line: 4 });
    expect(out.fields.map((f) => [f.name, f.type, f.default])).toEqual([
      ['image', { kind: 'path' }, undefined],
      ['caption', { kind: 'optional', inner: { kind: 'str' } }, { kind: 'literal', value: null }],
      ['scores', { kind: 'list', items: { kind: 'float' } }, { kind: 'literal', value: [] }],
    ]);
  });

  it('reads a pydantic BaseModel Output class from a local module', () => {
    const e = extract(`
      from cog import BasePredictor
      from schema import Output
      class Predictor(BasePredictor):
          def predict(self) -> Output:
              pass
    `, { extraFiles: { 'schema.py': `from pydantic import BaseModel\nclass Output(BaseModel):\n    text: str\n` } });
    expect(predictorOf(e).output).toMatchObject({ kind: 'object', name: 'Output', fields: [{ name: 'text', type: { kind: 'str' } }], loc: { file: 'schema.py' } });
    expect(predictorOf(e).localImports).toEqual(['schema.py']);
  });

  it('reports a missing return annotation as error CM211 and reads Any', () => {
    const r = outputOf('');
    expect(r.output).toEqual({ kind: 'any' });
    expect(r.codes).toEqual(['CM211']);
  });

  it('reports an Optional output as error CM222', () => {
    expect(outputOf('Optional[str]').codes).toEqual(['CM222']);
  });

  it('reports a ConcatenateIterator of int as error CM222', () => {
    expect(outputOf('ConcatenateIterator[int]').codes).toEqual(['CM222']);
  });

  it('reads a class that is not a BaseModel as Any and warns CM209', () => {
    const r = outputOf('Thing', `${PRELUDE}\nclass Thing:\n    pass\n`);
    expect(r).toMatchObject({ output: { kind: 'any' }, codes: ['CM209'] });
  });
});

describe('Output class fields', () => {
  it('names a field as Python does: NFKC-normalised (issue 18)', () => {
    const e = extract(`
      from cog import BaseModel, BasePredictor
      class Output(BaseModel):
          \uff54ext: str
      class Predictor(BasePredictor):
          def predict(self) -> Output:
              return Output(text="")
    `);
    expect(predictorOf(e).output).toMatchObject({ kind: 'object', fields: [{ name: 'text' }] });
  });

  it('warns CM226 for an Output field without annotation and leaves it out', () => {
    const e = extract(`
      from cog import BasePredictor, BaseModel
      class Output(BaseModel):
          text: str
          extra = 3
      class Predictor(BasePredictor):
          def predict(self) -> Output:
              pass
    `);
    expect(e.codes).toEqual(['CM226']);
    expect(predictorOf(e).output).toMatchObject({ kind: 'object', fields: [{ name: 'text' }] });
  });

  it('puts inherited fields first', () => {
    const e = extract(`
      from cog import BasePredictor, BaseModel
      class Base(BaseModel):
          a: int
      class Output(Base):
          b: str
      class Predictor(BasePredictor):
          def predict(self) -> Output:
              pass
    `);
    expect((predictorOf(e).output as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual(['a', 'b']);
  });
});

describe('iterator outputs without an item type', () => {
  it('reports a bare Iterator as error CM222', () => {
    const e = extract(`
      from typing import Iterator
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self) -> Iterator:
              yield 1
    `);
    expect(e.codes).toEqual(['CM222']);
    expect(predictorOf(e).output).toEqual({ kind: 'iterator', items: { kind: 'any' } });
  });
});

describe('recursive output models', () => {
  it('reads a model that refers to itself without overflowing, the recursive field as Any with CM209', () => {
    const e = extract(`
      from typing import List
      from cog import BasePredictor, BaseModel
      class Node(BaseModel):
          name: str
          children: List["Node"]
      class Predictor(BasePredictor):
          def predict(self) -> Node:
              return Node(name="x", children=[])
    `);
    const out = predictorOf(e).output;
    expect(out).toMatchObject({ kind: 'object', name: 'Node', fields: [{ name: 'name', type: { kind: 'str' } }, { name: 'children', type: { kind: 'list', items: { kind: 'any' } } }] });
    expect(e.codes).toContain('CM209');
    expect(e.codes).not.toContain('CM901');
  });
});
