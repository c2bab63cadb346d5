// Annotations -> IR types, however the names were imported.

import { describe, expect, it } from 'vitest';
import type { IrType } from '../../../../src/ir/types.js';
import { extract, predictorOf } from './helpers.js';

function typeOf(annotation: string, prelude = 'from cog import BasePredictor, Path, File, Secret\nfrom typing import List, Optional, Any, Union, Dict\n'): { type: IrType; codes: string[] } {
  const e = extract(`${prelude}\nclass Predictor(BasePredictor):\n    def predict(self, x: ${annotation}) -> str:\n        return ""\n`);
  return { type: predictorOf(e).inputs[0]!.type, codes: e.codes };
}

describe('types', () => {
  it('reads the primitives without findings', () => {
    for (const [ann, kind] of [['str', 'str'], ['int', 'int'], ['float', 'float'], ['bool', 'bool'], ['dict', 'dict'], ['Any', 'any']] as const) {
      expect(typeOf(ann)).toEqual({ type: { kind }, codes: [] });
    }
  });

  it('reads Cog file types', () => {
    expect(typeOf('Path').type).toEqual({ kind: 'path' });
    expect(typeOf('File').type).toEqual({ kind: 'file' });
    expect(typeOf('Secret').type).toEqual({ kind: 'secret' });
  });

  it('reads lists in every spelling', () => {
    for (const ann of ['List[Path]', 'list[Path]', 'typing.List[Path]']) {
      expect(typeOf(ann, 'import typing\nfrom typing import List\nfrom cog import BasePredictor, Path\n')).toEqual({ type: { kind: 'list', items: { kind: 'path' } }, codes: [] });
    }
  });

  it('reads Optional in every spelling', () => {
    for (const ann of ['Optional[str]', 'str | None', 'None | str', 'Union[str, None]', 'typing.Optional[str]', '"str | None"']) {
      expect(typeOf(ann, 'import typing\nfrom typing import Optional, Union\nfrom cog import BasePredictor\n')).toEqual({ type: { kind: 'optional', inner: { kind: 'str' } }, codes: [] });
    }
  });

  it('reads PEP 604 unions of generics (tree-sitter union_type)', () => {
    expect(typeOf('list[Path] | None')).toEqual({ type: { kind: 'optional', inner: { kind: 'list', items: { kind: 'path' } } }, codes: [] });
  });

  it('reads nested generics', () => {
    expect(typeOf('Optional[List[int]]').type).toEqual({ kind: 'optional', inner: { kind: 'list', items: { kind: 'int' } } });
    expect(typeOf('Dict[str, int]').type).toEqual({ kind: 'dict', values: { kind: 'int' } });
    expect(typeOf('dict').type).toEqual({ kind: 'dict' });
  });

  it('reads aliased Cog imports', () => {
    expect(typeOf('CogPath', 'from cog import BasePredictor, Path as CogPath\n').type).toEqual({ kind: 'path' });
    expect(typeOf('cog.Path', 'import cog\nfrom cog import BasePredictor\n').type).toEqual({ kind: 'path' });
    expect(typeOf('c.Secret', 'import cog as c\nfrom cog import BasePredictor\n').type).toEqual({ kind: 'secret' });
    expect(typeOf('Path', 'from cog import BasePredictor\nfrom cog.types import Path\n').type).toEqual({ kind: 'path' });
    expect(typeOf('t.List[str]', 'import typing as t\nfrom cog import BasePredictor\n').type).toEqual({ kind: 'list', items: { kind: 'str' } });
  });

  it('reads pathlib.Path as a path', () => {
    expect(typeOf('Path', 'from pathlib import Path\nfrom cog import BasePredictor\n')).toEqual({ type: { kind: 'path' }, codes: [] });
  });

  it('reads string (forward-reference) annotations', () => {
    expect(typeOf('"Optional[Path]"')).toEqual({ type: { kind: 'optional', inner: { kind: 'path' } }, codes: [] });
  });

  it('reads a module-level type alias', () => {
    expect(typeOf('Images', 'from cog import BasePredictor, Path\nfrom typing import List\nImages = List[Path]\n').type).toEqual({ kind: 'list', items: { kind: 'path' } });
  });

  it('reads an unknown type as Any and warns CM209', () => {
    const r = typeOf('np.ndarray', 'import numpy as np\nfrom cog import BasePredictor\n');
    expect(r).toEqual({ type: { kind: 'any' }, codes: ['CM209'] });
  });

  it('reads an unimported name as Any and warns CM209', () => {
    expect(typeOf('Image', 'from cog import BasePredictor\n').codes).toEqual(['CM209']);
  });

  it('reads a Union of several types as Any and warns CM209', () => {
    expect(typeOf('Union[str, int]')).toEqual({ type: { kind: 'any' }, codes: ['CM209'] });
  });
});

describe('types through star imports', () => {
  it('reads Cog names brought in by `from cog import *`', () => {
    const e = typeOf('Path', 'from cog import *\nfrom typing import *\n');
    expect(e).toEqual({ type: { kind: 'path' }, codes: [] });
    expect(typeOf('Optional[Path]', 'from cog import *\nfrom typing import *\n').type).toEqual({ kind: 'optional', inner: { kind: 'path' } });
  });
});
