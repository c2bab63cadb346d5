// Issue 9: defaults and choices resolved across local modules (class attributes, derived
// constants, symlinked modules) and Input() returned by local helpers; and where Cog's current
// static generator reads them differently (Input.staticCog), as checked against the Go oracle.

import { describe, expect, it } from 'vitest';
import { extract, predictorOf } from './helpers.js';

function predict(params: string, prelude = ''): string {
  return `from cog import BasePredictor, Input\n${prelude}\nclass Predictor(BasePredictor):\n    def predict(self, ${params}) -> str:\n        return ""\n`;
}

describe('values across local modules', () => {
  it('reads a same-file literal as before and records nothing for static Cog', () => {
    const e = extract(predict('x: str = Input(default=X, choices=XS, description=HELP)', 'X = "a"\nXS = ["a", "b"]\nHELP = "help"'));
    const [x] = predictorOf(e).inputs;
    expect(x).toMatchObject({ default: { kind: 'literal', value: 'a' }, choices: { kind: 'literal', value: ['a', 'b'] }, description: 'help' });
    expect(x!.staticCog).toBeUndefined();
    expect(e.codes).toEqual([]);
  });

  it('resolves a class attribute of an imported class (also one built from another attribute) and says static Cog reads None (CM245, CM247)', () => {
    const e = extract(predict('style: str = Input(default=Styles.DEFAULT, description=Styles.HELP)', 'from presets import Styles'), {
      extraFiles: { 'presets.py': 'class Styles:\n    NAMES = ["a", "b"]\n    DEFAULT = NAMES[1]\n    HELP = "Style"\n' },
    });
    const [style] = predictorOf(e).inputs;
    expect(style).toMatchObject({ default: { kind: 'literal', value: 'b' }, description: 'Style', staticCog: { reads: { default: null, description: null } } });
    expect(e.codes).toEqual(['CM245', 'CM247']);
  });

  it('resolves choices from another module: class attribute, derived list, comprehension, symlinked module; static Cog refuses each (CM246)', () => {
    const e = extract(predict(
      'a: str = Input(choices=Styles.NAMES, default="a"), b: str = Input(choices=KEYS, default="x"), c: str = Input(choices=ON, default="m"), d: str = Input(choices=SIZES, default="s")',
      'import presets\nfrom presets import Styles\nfrom sizes import SIZES\nKEYS = list(presets.D.keys())\nON = [m["id"] for m in presets.MODELS if m["on"]]',
    ), {
      extraFiles: {
        'presets.py': 'class Styles:\n    NAMES = ["a", "b"]\nD = {"x": 1, "y": 2}\nMODELS = [{"id": "m", "on": True}, {"id": "k", "on": True}, {"id": "n", "on": False}]\n',
        'shared/sizes.py': 'SIZES = ["s", "l"]\n',
      },
      symlinks: { 'sizes.py': 'shared/sizes.py' },
    });
    const inputs = predictorOf(e).inputs;
    expect(inputs.map((i) => i.choices)).toEqual([['a', 'b'], ['x', 'y'], ['m', 'k'], ['s', 'l']].map((value) => ({ kind: 'literal', value })));
    expect(inputs.map((i) => i.staticCog?.refuses)).toEqual(['a', 'b', 'c', 'd'].map((n) => `parameter '${n}': choices expression cannot be statically resolved`));
    expect(e.codes).toEqual(['CM246', 'CM246', 'CM246', 'CM246']);
  });

  it('leaves a class attribute that is not literal as source text (CM205), as before', () => {
    const e = extract(predict('a: str = Input(choices=Styles.NAMES)', 'from presets import Styles'), {
      extraFiles: { 'presets.py': 'import os\nclass Styles:\n    NAMES = os.listdir("styles")\n' },
    });
    expect(predictorOf(e).inputs[0]!.choices).toEqual({ kind: 'source', text: 'Styles.NAMES' });
    expect(e.codes).toEqual(['CM205']);
  });
});

describe('Input() returned by a local helper', () => {
  it('reads a helper function of a local module, binding its parameters to the call (CM246: static Cog refuses it)', () => {
    const e = extract(predict('fmt: str = helpers.fmt(), q: int = helpers.quality(80)', 'import helpers'), {
      extraFiles: { 'helpers.py': 'from cog import Input\nFORMATS = ["png", "jpg"]\ndef fmt():\n    """Shared."""\n    return Input(choices=FORMATS, default=FORMATS[0])\ndef quality(default=90, top=100):\n    return Input(ge=1, le=top, default=default)\n' },
    });
    const [fmt, q] = predictorOf(e).inputs;
    expect(fmt).toMatchObject({ spelling: 'Input', default: { kind: 'literal', value: 'png' }, choices: { kind: 'literal', value: ['png', 'jpg'] } });
    expect(q).toMatchObject({ default: { kind: 'literal', value: 80 }, ge: 1, le: 100 });
    expect(e.codes).toEqual(['CM246', 'CM246']);
  });

  it('reads a static method of a class in the file as static Cog does: call-site default replaces, the parameter default is None to it (CM245)', () => {
    const e = extract(predict('a: int = Inputs.seed(default=42), b: str = Inputs.fmt()', 'class Inputs:\n    @staticmethod\n    def seed(default=None):\n        return Input(description="Seed", default=default)\n    @staticmethod\n    def fmt(default="png"):\n        return Input(default=default)\n'));
    const [a, b] = predictorOf(e).inputs;
    expect(a).toMatchObject({ default: { kind: 'literal', value: 42 }, description: 'Seed' });
    expect(a!.staticCog).toBeUndefined();
    expect(b).toMatchObject({ default: { kind: 'literal', value: 'png' }, staticCog: { reads: { default: null } } });
    expect(e.codes).toEqual(['CM245']);
  });

  it('does not read a helper that does more than return Input(), nor one called with *args (CM204, as before)', () => {
    const e = extract(predict('a: str = helpers.fmt(), b: str = helpers.plain(*ARGS)', 'import helpers\nARGS = []'), {
      extraFiles: { 'helpers.py': 'from cog import Input\ndef fmt():\n    x = Input(default="a")\n    return x\ndef plain():\n    return Input(default="b")\n' },
    });
    expect(predictorOf(e).inputs.map((i) => i.default)).toEqual([{ kind: 'source', text: 'helpers.fmt()' }, { kind: 'source', text: 'helpers.plain(*ARGS)' }]);
    expect(e.codes).toEqual(['CM204', 'CM204']);
  });
});

describe('choices static Cog reads fewer of', () => {
  it('says static Cog reads no enum from list(D.keys()) over a dict of classes (CM249), and keeps every key', () => {
    const e = extract(predict('s: str = Input(choices=list(S.keys()), default="a"), t: str = Input(choices=list(T.keys()), default="c")', 'from diffusers import A, B\nS = {"a": A, "b": B}\nT = {"c": 1, "d": 2}'));
    const [s, t] = predictorOf(e).inputs;
    expect(s).toMatchObject({ choices: { kind: 'literal', value: ['a', 'b'] }, staticCog: { reads: { choices: [] } } });
    expect(t!.staticCog).toBeUndefined();
    expect(e.codes).toEqual(['CM249']);
  });
});
