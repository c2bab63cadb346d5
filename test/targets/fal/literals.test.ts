// Values from the user's files come out of app.py as Python literals that evaluate to exactly
// those values: Python's own ast parses the emitted file and literal_eval reads them back.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitFal } from '../../../targets/fal/index.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { runPython, writeEmitted } from './harness.js';
import { cogIR, fakeDockerfile, input, predictor } from './ir-builders.js';

const NASTY = [
  'triple """double""" and \'\'\'single\'\'\' quotes',
  'back\\slash \\n \\" and a trailing backslash \\',
  'non-ASCII: Grüße, 日本語, emoji 🦙, RTL ‏שלום‏',
  'handlebars {{prompt}} and }} and {{{raw}}} and {{> partial}}',
  'line one\nline two\r\n\ttabbed \u2028 separator \u0000 nul',
  '# not a comment") ; import os; os.system("echo pwned") #',
];

const ir = cogIR({
  name: 'evil"\nimport os  # {{name}}',
  predict: predictor({
    ref: 'predict.py:Predictor',
    inputs: [
      ...NASTY.map((d, i) => input(`text${i}`, { kind: 'str' }, { description: d, default: { kind: 'literal', value: d } })),
      input('class', { kind: 'str' }, { spelling: 'decorator', description: 'a keyword as an input name', default: { kind: 'literal', value: 'k' } }),
      input('json', { kind: 'str' }, { description: 'shadows BaseModel.json' }),
      input('model_name', { kind: 'str' }, { description: 'protected namespace' }),
      input('choice', { kind: 'str' }, { choices: { kind: 'literal', value: NASTY.slice(0, 4) }, default: { kind: 'literal', value: NASTY[0]! } }),
      input('pattern', { kind: 'str' }, { regex: '^[\\w"\']+\\\\$', default: { kind: 'literal', value: 'a\\' } }),
      input('scale', { kind: 'float' }, { default: { kind: 'literal', value: 2 }, ge: -1.5, le: 1e21 }),
      input('tags', { kind: 'list', items: { kind: 'str' } }, { default: { kind: 'literal', value: ['a"b', '{{c}}'] } }),
    ],
    output: {
      kind: 'object', name: 'Result', loc: { file: 'predict.py', line: 3, column: 1 },
      fields: [
        { name: 'from', type: { kind: 'str' }, loc: { file: 'predict.py', line: 4, column: 1 } },
        { name: 'value', type: { kind: 'int' }, loc: { file: 'predict.py', line: 5, column: 1 } },
      ],
    },
  }),
});

const EXTRACT = String.raw`
import ast, json, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
out = {"fields": {}, "classes": {}, "arguments": [], "assign": {}}
for node in tree.body:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        try:
            out["assign"][node.targets[0].id] = ast.literal_eval(node.value)
        except ValueError:
            pass
    if isinstance(node, ast.ClassDef):
        fields = {}
        for item in node.body:
            if isinstance(item, ast.Assign) and isinstance(item.targets[0], ast.Name):
                try:
                    fields[item.targets[0].id] = {"value": ast.literal_eval(item.value)}
                except ValueError:
                    pass
            if isinstance(item, ast.AnnAssign):
                entry = {"annotation": ast.unparse(item.annotation)}
                if isinstance(item.value, ast.Call):
                    entry["kwargs"] = {k.arg: ast.literal_eval(k.value) for k in item.value.keywords if k.arg != "json_schema_extra"}
                literal = item.annotation
                if isinstance(literal, ast.Subscript) and ast.unparse(literal.value) == "Literal":
                    entry["literal"] = list(ast.literal_eval(literal.slice))
                fields[item.target.id] = entry
        out["classes"][node.name] = fields
    if isinstance(node, ast.FunctionDef) and node.name == "_predict_arguments":
        for stmt in ast.walk(node):
            if isinstance(stmt, ast.Dict):
                out["arguments"] = [ast.literal_eval(k) for k in stmt.keys]
print(json.dumps(out))
`;

let parsed: any;
let text: string;
let python: string;
let file: string;

beforeAll(() => {
  const result = emitFal(ir, {}, { dockerfile: fakeDockerfile });
  text = result.files.find((f) => f.path === 'app.py')!.text;
  python = pythonEnv('fal');
  const dir = mkdtempSync(join(tmpdir(), 'fal-literals-'));
  writeEmitted(result, dir);
  file = join(dir, 'app.py');
  parsed = JSON.parse(runPython(python, ['-c', EXTRACT, file]));
});

describe('user values in app.py', () => {
  it('parses as Python and keeps every description and default exactly', () => {
    const fields = parsed.classes.Input;
    NASTY.forEach((d, i) => {
      expect(fields[`text${i}`].kwargs).toEqual({ default: d, description: d });
    });
  });

  it('renames keyword and reserved input names in Python but keeps them in the API and in predict() arguments', () => {
    const fields = parsed.classes.Input;
    expect(fields['class_'].kwargs).toMatchObject({ alias: 'class', default: 'k' });
    expect(fields['json_'].kwargs).toMatchObject({ alias: 'json' });
    expect(fields['field_model_name'].kwargs).toMatchObject({ alias: 'model_name' });
    expect(parsed.classes.Input.FIELD_ORDERS.value).toEqual(ir.predictors.predict!.inputs.map((i) => i.name));
    expect(parsed.arguments).toEqual(ir.predictors.predict!.inputs.map((i) => i.name));
  });

  it('turns choices into a Literal of the exact strings, and keeps regex, bounds and list defaults', () => {
    const fields = parsed.classes.Input;
    expect(fields['choice'].literal).toEqual(NASTY.slice(0, 4));
    expect(fields['pattern'].kwargs).toEqual({ default: 'a\\', pattern: '^[\\w"\']+\\\\$' });
    expect(fields['scale'].kwargs).toEqual({ default: 2, ge: -1.5, le: 1e21 });
    expect(text).toContain('default=2.0');
    expect(fields['tags'].kwargs).toEqual({ default: ['a"b', '{{c}}'] });
  });

  it('keeps the project name inside comments and the app_name literal, never as code', () => {
    expect(parsed.classes.EvilImportOsName.app_name.value).toBe('evil-import-os-name');
    expect(text).not.toMatch(/^import os  #/m);
    expect(text.split('\n')[0]).toBe('# fal app for the Cog project evil"\\nimport os  # {{name}}, generated by cog-migrate.');
    for (const line of text.split('\n').filter((l) => l.includes('evil"'))) expect(line.trimStart().startsWith('#')).toBe(true);
  });

  it('keeps output field names that are keywords through an alias', () => {
    expect(parsed.classes.Output['from_'].kwargs).toEqual({ alias: 'from' });
    expect(text).toContain('Output.model_validate({"from": getattr(result, "from"), "value": result.value})');
  });

  it('imports under the real fal SDK, whose schema shows the original names and values', () => {
    const script = String.raw`
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
schema = m.EvilImportOsName.build_metadata()["openapi"]["components"]["schemas"]["Input"]
print(json.dumps({k: v.get("description") for k, v in schema["properties"].items()}))`;
    const described = JSON.parse(runPython(python, ['-c', script, file])) as Record<string, string | null>;
    expect(Object.keys(described)).toEqual(ir.predictors.predict!.inputs.map((i) => i.name));
    NASTY.forEach((d, i) => expect(described[`text${i}`]).toBe(d));
  });
});
