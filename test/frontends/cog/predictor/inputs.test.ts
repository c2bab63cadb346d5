// Inputs: every Input() keyword, plain defaults, required parameters, constants resolved
// statically, and Cog's own rejections as errors.

import { describe, expect, it } from 'vitest';
import { extract, predictorOf } from './helpers.js';

/** A predictor whose predict() has the given parameter list, plus optional module-level code. */
function withParams(params: string, prelude = ''): string {
  return `from cog import BasePredictor, Input, Path, File, Secret\nfrom typing import List, Optional, Any\n${prelude}\nclass Predictor(BasePredictor):\n    def predict(self, ${params}) -> str:\n        return ""\n`;
}

function inputsOf(params: string, prelude = '') {
  const e = extract(withParams(params, prelude));
  return { inputs: predictorOf(e).inputs, codes: e.codes, findings: e.findings };
}

describe('inputs', () => {
  it('reads no inputs from predict(self) and reports nothing', () => {
    const e = extract(`
      from cog import BasePredictor
      class Predictor(BasePredictor):
          def predict(self) -> str:
              return ""
    `);
    expect(predictorOf(e).inputs).toEqual([]);
    expect(e.codes).toEqual([]);
  });

  it('reads every Input() keyword', () => {
    const { inputs, codes } = inputsOf(`prompt: str = Input(default="a cat", description="What to draw", min_length=1, max_length=200, regex="^[a-z ]+$", deprecated=True)`);
    expect(codes).toEqual([]);
    expect(inputs[0]).toEqual({
      name: 'prompt', type: { kind: 'str' }, default: { kind: 'literal', value: 'a cat' }, description: 'What to draw',
      minLength: 1, maxLength: 200, regex: '^[a-z ]+$', deprecated: true, order: 0, spelling: 'Input',
      loc: { file: 'predict.py', line: 5, column: 23 },
    });
  });

  it('names a parameter as Python does: NFKC-normalised (issue 18: fullwidth letters)', () => {
    const { inputs, codes } = inputsOf('\uff50\uff52ompt: str = Input(default="x"), seed: int = 1');
    expect(codes).toEqual([]);
    expect(inputs.map((i) => i.name)).toEqual(['prompt', 'seed']);
  });

  it('reads two spellings of one NFKC name as one parameter given twice (CM216), as Python does', () => {
    expect(inputsOf('prompt: str, \uff50rompt: str').codes).toContain('CM216');
  });

  it('reads ge, le and choices', () => {
    const { inputs, codes } = inputsOf(`steps: int = Input(default=50, ge=1, le=500), sampler: str = Input(default="ddim", choices=["ddim", "k_euler"])`);
    expect(codes).toEqual([]);
    expect(inputs[0]).toMatchObject({ name: 'steps', ge: 1, le: 500, default: { kind: 'literal', value: 50 }, order: 0 });
    expect(inputs[1]).toMatchObject({ name: 'sampler', choices: { kind: 'literal', value: ['ddim', 'k_euler'] }, order: 1 });
  });

  it('treats a parameter without default, and Input() without default, as required', () => {
    const { inputs } = inputsOf(`image: Path, mask: Path = Input(description="m"), other: Path = Input(..., description="o")`);
    expect(inputs.map((i) => i.default)).toEqual(['required', 'required', 'required']);
    expect(inputs.map((i) => i.spelling)).toEqual(['plain', 'Input', 'Input']);
  });

  it('reads a positional default in Input()', () => {
    const { inputs } = inputsOf(`n: int = Input(3, description="n")`);
    expect(inputs[0]!.default).toEqual({ kind: 'literal', value: 3 });
  });

  it('reads None defaults as a null literal', () => {
    const { inputs } = inputsOf(`seed: int = Input(default=None), mask: Path = None`);
    expect(inputs.map((i) => i.default)).toEqual([{ kind: 'literal', value: null }, { kind: 'literal', value: null }]);
  });

  it('reads plain literal defaults of every kind', () => {
    const { inputs, codes } = inputsOf(`a: str = 'x', b: int = -3, c: float = 0.5, d: bool = False, e: List[int] = [1, 2], f: dict = {"k": "v"}`);
    expect(codes).toEqual([]);
    expect(inputs.map((i) => i.default)).toEqual([
      { kind: 'literal', value: 'x' }, { kind: 'literal', value: -3 }, { kind: 'literal', value: 0.5 },
      { kind: 'literal', value: false }, { kind: 'literal', value: [1, 2] }, { kind: 'literal', value: { k: 'v' } },
    ]);
  });

  it('resolves module-level constants used as defaults and choices', () => {
    const { inputs, codes } = inputsOf(
      `steps: int = Input(default=DEFAULT, ge=MIN), model: str = Input(default=MODELS[0], choices=MODELS), size: int = Input(default=SIZES[-1], choices=SIZES)`,
      `DEFAULT = 7\nMIN = -1\nMODELS = ["a", "b"]\nSIZES = (256, 512)\n`,
    );
    // Issue 9: static Cog reads ge only as a number literal and a subscript default as None.
    expect(codes).toEqual(['CM247', 'CM245', 'CM245']);
    expect(inputs[0]).toMatchObject({ default: { kind: 'literal', value: 7 }, ge: -1 });
    expect(inputs[1]).toMatchObject({ default: { kind: 'literal', value: 'a' }, choices: { kind: 'literal', value: ['a', 'b'] } });
    expect(inputs[2]).toMatchObject({ default: { kind: 'literal', value: 512 }, choices: { kind: 'literal', value: [256, 512] } });
  });

  it('folds simple concatenations and arithmetic of constants', () => {
    const { inputs, codes } = inputsOf(
      `prompt: str = Input(default=PREFIX + "cat", description="a " "b"), n: int = Input(default=BASE * 2 - 1), models: str = Input(default="x", choices=LEFT + ["x"])`,
      `PREFIX = "a photo of a "\nBASE = 4\nLEFT = ["y"]\n`,
    );
    // Issue 9: static Cog reads a folded default as None (its `+` is for choices lists only).
    expect(codes).toEqual(['CM245', 'CM245']);
    expect(inputs[0]).toMatchObject({ default: { kind: 'literal', value: 'a photo of a cat' }, description: 'a b' });
    expect(inputs[1]!.default).toEqual({ kind: 'literal', value: 7 });
    expect(inputs[2]!.choices).toEqual({ kind: 'literal', value: ['y', 'x'] });
  });

  it('reads choices from list(DICT.keys()) of a constant dict', () => {
    const { inputs, codes } = inputsOf(`m: str = Input(default="a", choices=list(MODELS.keys()))`, `MODELS = {"a": 1, "b": 2}\n`);
    expect(codes).toEqual([]);
    expect(inputs[0]!.choices).toEqual({ kind: 'literal', value: ['a', 'b'] });
  });

  it('reads choices from the literal keys of a dict whose values are not literal', () => {
    const { inputs, codes } = inputsOf(`s: str = Input(default="ddim", choices=list(SCHEDULERS.keys())), t: str = Input(default="ddim", choices=sorted(SCHEDULERS))`, `SCHEDULERS = {"ddim": make_ddim, "euler": object()}\n`);
    // Issue 9: static Cog reads no key of list(D.keys()) here (values not literal), refuses sorted(D).
    expect(codes).toEqual(['CM249', 'CM246']);
    expect(inputs.map((i) => i.choices)).toEqual([{ kind: 'literal', value: ['ddim', 'euler'] }, { kind: 'literal', value: ['ddim', 'euler'] }]);
  });

  it('resolves constants imported from a local module', () => {
    const e = extract(withParams(`m: str = Input(default=config.DEFAULT, choices=CHOICES)`, `from consts import CHOICES\nimport config\n`), {
      extraFiles: { 'consts.py': `CHOICES = ["p", "q"]\n`, 'config.py': `DEFAULT = "p"\n` },
    });
    // Issue 9: static Cog follows no import; it refuses the choices (and so the whole input).
    expect(e.codes).toEqual(['CM246']);
    expect(predictorOf(e).inputs[0]).toMatchObject({ default: { kind: 'literal', value: 'p' }, choices: { kind: 'literal', value: ['p', 'q'] } });
  });

  it('keeps a non-literal default as source text and warns CM204', () => {
    const { inputs, codes, findings } = inputsOf(`seed: int = Input(default=random.randint(0, 9))`, `import random\n`);
    expect(inputs[0]!.default).toEqual({ kind: 'source', text: 'random.randint(0, 9)' });
    expect(codes).toEqual(['CM204']);
    expect(findings[0]).toMatchObject({ severity: 'warning', file: 'predict.py', line: 6 });
  });

  it('keeps a constant from a third-party module as source text and warns CM204', () => {
    const { inputs, codes } = inputsOf(`n: int = Input(default=torch.cuda.device_count())`, `import torch\n`);
    expect(inputs[0]!.default).toMatchObject({ kind: 'source' });
    expect(codes).toEqual(['CM204']);
  });

  it('keeps non-literal choices as source text and warns CM205', () => {
    const { inputs, codes } = inputsOf(`m: str = Input(default="a", choices=get_models())`, `def get_models():\n    return ["a", "b"]\n`);
    expect(inputs[0]!.choices).toEqual({ kind: 'source', text: 'get_models()' });
    expect(codes).toEqual(['CM205']);
  });

  it('leaves out a non-literal description and warns CM217', () => {
    const { inputs, codes } = inputsOf(`m: str = Input(description=make_doc())`);
    expect(inputs[0]!.description).toBeUndefined();
    expect(codes).toEqual(['CM217']);
  });

  it('reports an unknown Input() keyword as error CM212', () => {
    const { codes, findings } = inputsOf(`m: str = Input(default="a", help="old style")`);
    expect(codes).toEqual(['CM212']);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toContain('help');
  });

  it('reports choices with fewer than two items as error CM213', () => {
    const { codes } = inputsOf(`m: str = Input(default="a", choices=["a"])`);
    expect(codes).toEqual(['CM213']);
  });

  it('reports choices on a bool input as error CM214', () => {
    const { codes } = inputsOf(`flag: bool = Input(default=True, choices=[True, False])`);
    expect(codes).toEqual(['CM214']);
  });

  it('reports choices on a float input as error CM214', () => {
    const { codes } = inputsOf(`x: float = Input(default=0.5, choices=[0.5, 1.5])`);
    expect(codes).toEqual(['CM214']);
  });

  it('reports choices of the wrong type as error CM223', () => {
    const { codes } = inputsOf(`x: int = Input(default=1, choices=[1, "two"])`);
    expect(codes).toEqual(['CM223']);
  });

  it('reports ge/le on a str input and min_length on an int as error CM215', () => {
    const { codes } = inputsOf(`a: str = Input(ge=1), b: int = Input(min_length=2), c: int = Input(regex="x")`);
    expect(codes).toEqual(['CM215', 'CM215', 'CM215']);
  });

  it('reports choices together with ge as error CM215', () => {
    const { codes } = inputsOf(`a: int = Input(default=1, choices=[1, 2], ge=0)`);
    expect(codes).toEqual(['CM215']);
  });

  it('reports a default outside ge/le as error CM221', () => {
    const { codes } = inputsOf(`a: int = Input(default=0, ge=1), b: float = Input(default=2.5, le=1)`);
    expect(codes).toEqual(['CM221', 'CM221']);
  });

  it('reports a default that is not one of the choices as error CM227', () => {
    const { codes, findings } = inputsOf(`a: str = Input(default="c", choices=["a", "b"]), b: List[str] = Input(default=["a", "z"], choices=["a", "b"])`);
    expect(codes).toEqual(['CM227', 'CM227']);
    expect(findings[1]!.message).toContain('"z"');
  });

  it('says where a constant leads when it is not a literal', () => {
    const e = extract(withParams(`d: str = Input(default=settings.CACHE_DIR)`, `from lib import settings\n`), { extraFiles: { 'lib/settings.py': 'import os\nCACHE_DIR = os.environ.get("X", "/c")\n' } });
    expect(e.codes).toEqual(['CM204']);
    expect(e.findings[0]!.message).toContain('settings.CACHE_DIR is defined as `os.environ.get("X", "/c")`');
  });

  it('accepts choices on a list of str', () => {
    const { codes } = inputsOf(`tags: List[str] = Input(default=["a"], choices=["a", "b"])`);
    expect(codes).toEqual([]);
  });

  it('reports a parameter without annotation as error CM210 and reads it as Any', () => {
    const { inputs, codes } = inputsOf(`x, y=3`);
    expect(codes).toEqual(['CM210', 'CM210']);
    expect(inputs.map((i) => i.type.kind)).toEqual(['any', 'any']);
    expect(inputs[1]!.default).toEqual({ kind: 'literal', value: 3 });
  });

  it('reports *args, **kwargs and keyword-only parameters as error CM216', () => {
    const { inputs, codes } = inputsOf(`a: int, *args, b: int = 1, **kwargs`);
    expect(codes).toEqual(['CM216', 'CM216', 'CM216']);
    expect(inputs.map((i) => i.name)).toEqual(['a']);
  });

  it('numbers order by signature position and points loc at each parameter name', () => {
    const e = extract(`
      from cog import BasePredictor, Input
      class Predictor(BasePredictor):
          def predict(
              self,
              first: str,
              second: int = Input(default=1),
          ) -> str:
              return first
    `);
    const inputs = predictorOf(e).inputs;
    expect(inputs.map((i) => [i.name, i.order, i.loc.line, i.loc.column])).toEqual([['first', 0, 5, 9], ['second', 1, 6, 9]]);
  });

  it('reads an Input() shared through a class attribute', () => {
    const e = extract(withParams(`prompt: str = Shared.prompt, seed: int = Shared.seed`, `class Shared:\n    prompt = Input(description="The prompt", default="a cat")\n    seed = Input(default=SEED, ge=0)\nSEED = 42\n`));
    expect(e.codes).toEqual([]);
    expect(predictorOf(e).inputs).toMatchObject([
      { name: 'prompt', spelling: 'Input', description: 'The prompt', default: { kind: 'literal', value: 'a cat' } },
      { name: 'seed', spelling: 'Input', ge: 0, default: { kind: 'literal', value: 42 } },
    ]);
  });

  it('reads Input through `import cog` and an alias', () => {
    const e = extract(`
      import cog
      from cog import Input as I
      class Predictor(cog.BasePredictor):
          def predict(self, a: str = cog.Input(description="x"), b: int = I(default=2)) -> str:
              return a
    `);
    // Issue 9: static Cog knows `Input` and names imported as it, not `cog.Input(...)`.
    expect(e.codes).toEqual(['CM246']);
    expect(predictorOf(e).inputs.map((i) => i.spelling)).toEqual(['Input', 'Input']);
  });

  it('decodes escapes, quotes, raw strings and unicode in descriptions', () => {
    const e = extract(String.raw`
      from cog import BasePredictor, Input
      class Predictor(BasePredictor):
          def predict(self, a: str = Input(description="say \"hi\"\n\té \u00e9 \U0001F600 \x41"), b: str = Input(description=r"C:\path\n"), c: str = Input(description='''multi
      line'''), d: str = Input(description=f"{{x}}")) -> str:
              return a
    `);
    // Issue 9: static Cog reads no f-string description.
    expect(e.codes).toEqual(['CM247']);
    expect(predictorOf(e).inputs.map((i) => i.description)).toEqual(['say "hi"\n\té é 😀 A', 'C:\\path\\n', 'multi\nline', '{x}']);
  });

  it('keeps an f-string default with interpolation as source and warns CM204', () => {
    const { inputs, codes } = inputsOf(`a: str = Input(default=f"x{Y}")`, `Y = 1\n`);
    expect(inputs[0]!.default).toEqual({ kind: 'source', text: 'f"x{Y}"' });
    expect(codes).toEqual(['CM204']);
  });

  it('reads an input annotated with a Secret and a File', () => {
    const { inputs } = inputsOf(`token: Secret = Input(description="t"), f: File = None`);
    expect(inputs.map((i) => i.type)).toEqual([{ kind: 'secret' }, { kind: 'file' }]);
  });
});

describe('duplicate parameters (review D8)', () => {
  it('refuses a predict() that names a parameter twice (CM216), as Python does', () => {
    const e = extract(`
      from cog import BasePredictor, Input
      class Predictor(BasePredictor):
          def predict(self, x: str = Input(default="a"), x: int = 1) -> str:
              return ""
    `);
    expect(e.findings).toMatchObject([{ code: 'CM216', severity: 'error', line: 3, column: 52 }]);
    expect(predictorOf(e).inputs.map((i) => i.name)).toEqual(['x']);
  });
});
