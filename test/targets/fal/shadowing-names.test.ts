// Issue 18, "a field name that shadows a name the app uses": a Cog input or output field named
// like a builtin, a typing name, a name app.py imports or a generated class, with a string default
// that is Python code. Before the fix `str: str = "<code>"` made a later annotation `str` that
// string, which pydantic evaluated (ran) as a forward reference on import. Now every field's
// identifier is free (the user's name is its alias), the app imports under the real fal SDK with
// no side effect, the schema keeps the user's names, and user text is only in string constants.

import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { cli, tempProject } from '../../helpers/cli.js';
import { pyStr } from '../../../src/quote/index.js';
import { checkSdkImport } from '../../../src/verify/static/index.js';
import { APP_NAMES, MODEL_ATTRIBUTES, PYTHON_BUILTINS, TYPING_NAMES, fieldNames, isFreeFieldName } from '../../../targets/fal/names.js';
import { appAst } from './ast-checks.js';
import { runPython } from './harness.js';

const KEYWORDS = new Set(['None', 'True', 'False']);
const GENERATED = ['Input', 'Output', 'TrainInput', 'TrainOutput', 'OutputInner', 'OutputResult', 'Model', 'Field', 'FileField', 'Optional', 'List', 'Literal', 'Any', 'File', 'Image'];
/** Every name app.py may use, as a Cog parameter / class field name. */
const NAMES = [...new Set([...PYTHON_BUILTINS, ...TYPING_NAMES, ...MODEL_ATTRIBUTES, ...APP_NAMES, ...GENERATED])].filter((n) => !KEYWORDS.has(n));
/** `model_config` in a Cog output class is its pydantic configuration, not a field. */
const OUTPUT_NAMES = NAMES.filter((n) => n !== 'model_config');
const OUTPUT_FIELDS = [...OUTPUT_NAMES, 'tags', 'maybe', 'inner'];

let python: string;
let out: string;
let marker: string;
let app: string;

function predictPy(payload: string): string {
  const lit = pyStr(payload);
  return [
    'from typing import List, Optional',
    'from cog import BaseModel, BasePredictor, Input',
    '',
    '',
    'class Inner(BaseModel):',
    `    value: str = ${lit}`,
    '',
    '',
    'class Result(BaseModel):',
    ...OUTPUT_NAMES.map((n) => `    ${n}: str = ${lit}`),
    '    tags: List[str] = []',
    '    maybe: Optional[int] = None',
    '    inner: Optional[Inner] = None',
    '',
    '',
    'class Predictor(BasePredictor):',
    '    def predict(',
    '        self,',
    // Fullwidth letters: Python reads this parameter as `prompt` (NFKC).
    `        \uff50\uff52ompt: str = Input(default=${lit}),`,
    ...NAMES.map((n) => `        ${n}: str = Input(default=${lit}, description=${lit}, choices=[${lit}, "b"]),`),
    '    ) -> Result:',
    '        return Result()',
    '',
  ].join('\n');
}

beforeAll(async () => {
  python = pythonEnv('fal');
  marker = join(mkdtempSync(join(tmpdir(), 'cm-shadow-')), 'PWNED_MARKER');
  const payload = `__import__('pathlib').Path(${JSON.stringify(marker)}).write_text('ran')`;
  const project = tempProject({ 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', 'predict.py': predictPy(payload) });
  out = join(mkdtempSync(join(tmpdir(), 'cm-shadow-out-')), 'model-fal');
  const r = await cli(project, '--to', 'fal', '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  app = readFileSync(join(out, 'app.py'), 'utf8');
}, 300_000);

describe('fal field names that are names app.py uses (issue 18)', () => {
  it('the case as reported: an output field `str` with code as its default does not run on import', async () => {
    const mark = join(mkdtempSync(join(tmpdir(), 'cm-shadow-min-')), 'PWNED_MARKER');
    const payload = pyStr(`__import__('pathlib').Path(${JSON.stringify(mark)}).write_text('ran')`);
    const project = tempProject({
      'cog.yaml': 'predict: "predict.py:Predictor"\n',
      'predict.py': `from cog import BaseModel, BasePredictor\n\n\nclass Result(BaseModel):\n    str: str = ${payload}\n    y: str = "y"\n\n\nclass Predictor(BasePredictor):\n    def predict(self, Field: str = "f") -> Result:\n        return Result()\n`,
    });
    const dir = join(mkdtempSync(join(tmpdir(), 'cm-shadow-min-out-')), 'out');
    expect((await cli(project, '--to', 'fal', '--out', dir)).code).toBe(0);
    expect(await checkSdkImport(dir, 'app.py', python)).toEqual([]);
    expect(existsSync(mark)).toBe(false);
  }, 120_000);

  it('gives every such name a free identifier and keeps the name as the alias', () => {
    // `Model` is this app's class name (the project folder is called model).
    const named = fieldNames(NAMES.map((name) => ({ name })), new Set(['Model']));
    for (const { field, names } of named) {
      expect(names.alias, field.name).toBe(field.name);
      expect(isFreeFieldName(names.ident, new Set(['Model'])), names.ident).toBe(true);
    }
    expect(new Set(named.map((n) => n.names.ident)).size).toBe(NAMES.length);
    expect(fieldNames([{ name: 'str' }, { name: 'str_' }]).map((n) => n.names)).toEqual([{ ident: 'str_2', alias: 'str' }, { ident: 'str_' }]);
    expect(fieldNames([{ name: 'prompt' }], new Set(['prompt'])).map((n) => n.names)).toEqual([{ ident: 'prompt_', alias: 'prompt' }]);
    expect(fieldNames([{ name: 'OutputFoo' }, { name: 'model_x' }, { name: '2x' }, { name: 'a-b' }]).map((n) => n.names.ident))
      .toEqual(['field_OutputFoo', 'field_model_x', 'field_2x', 'a_b']);
  });

  it('emits user text only inside string constants, and no field shadows a name evaluated beside it', () => {
    const ast = appAst(python, [join(out, 'app.py')])[join(out, 'app.py')]!;
    expect(ast.code).not.toContain('PWNED_MARKER');
    expect(ast.code).not.toContain('__import__');
    expect(app).toContain('PWNED_MARKER');
    expect(ast.shadowing).toEqual([]);
    expect(ast.fields).toContain('str_');
    expect(ast.fields).not.toContain('str');
    expect(app).toContain('str_: str = Field(default="__import__(');
  });

  it('imports under the real fal SDK (the verify step) with no side effect', async () => {
    expect(await checkSdkImport(out, 'app.py', python)).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it("keeps the user's names in the OpenAPI schema and the serialised output, Python's NFKC name for the fullwidth one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-shadow-import-'));
    // The generated files only: app.py and the shared adapter package it imports.
    copyFileSync(join(out, 'app.py'), join(dir, 'app.py'));
    cpSync(join(out, 'cog_migrate_runtime'), join(dir, 'cog_migrate_runtime'), { recursive: true });
    const script = String.raw`
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
openapi = module.Model.build_metadata()["openapi"]
schemas = openapi["components"]["schemas"]
names = json.loads(sys.argv[2])
value = module.Output.model_validate({n: "v" for n in names if n != "model_config"})
inputs = module.Input.model_validate({n: "b" for n in names})
print(json.dumps({
    "input": list(schemas["Input"]["properties"]),
    "output": list(schemas["Output"]["properties"]),
    "dumped": list(value.model_dump(by_alias=True)),
    "json": list(json.loads(value.model_dump_json(by_alias=True))),
    "str_input": inputs.str_,
}))
`;
    const r = JSON.parse(runPython(python, ['-I', '-c', script, join(dir, 'app.py'), JSON.stringify(NAMES)], {}, dir)) as Record<string, unknown>;
    expect(r['input']).toEqual(['prompt', ...NAMES]);
    expect(r['output']).toEqual(OUTPUT_FIELDS);
    expect(r['dumped']).toEqual(OUTPUT_FIELDS);
    expect(r['json']).toEqual(OUTPUT_FIELDS);
    expect(r['str_input']).toBe('b');
    expect(existsSync(marker)).toBe(false);
    // predict() gets its parameters under the names Python gave them.
    expect(app).toContain('"prompt": input.prompt,');
    expect(app).toContain('"str": input.str_,');
  }, 120_000);
});
