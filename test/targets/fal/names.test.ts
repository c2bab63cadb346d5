// The name tables of targets/fal/names.ts held against the real interpreter and SDK, and every
// golden fal app.py checked with Python's ast: no model field takes a name evaluated beside it,
// and every name app.py evaluates at module or class level is one the tables reserve.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { APP_NAMES, MODEL_ATTRIBUTES, PYTHON_BUILTINS, TYPING_NAMES, pythonName } from '../../../targets/fal/names.js';
import { appAst } from './ast-checks.js';
import { runPython } from './harness.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

let python: string;
beforeAll(() => { python = pythonEnv('fal'); });

function pythonList(code: string): string[] {
  return JSON.parse(runPython(python, ['-I', '-c', `import json\n${code}`])) as string[];
}

describe('fal name tables', () => {
  it("list every public builtin of the SDK venv's Python", () => {
    const names = pythonList('import builtins; print(json.dumps([n for n in dir(builtins) if not n.startswith("_")]))');
    expect(names.filter((n) => !PYTHON_BUILTINS.includes(n))).toEqual([]);
    expect(names.length).toBeGreaterThan(140);
  });

  it('list every name of typing.__all__', () => {
    expect(pythonList('import typing; print(json.dumps(typing.__all__))').filter((n) => !TYPING_NAMES.includes(n))).toEqual([]);
  });

  it("list every public attribute of fal's FalBaseModel (model_* is refused by prefix)", () => {
    const names = pythonList('from fal.toolkit import FalBaseModel; print(json.dumps([n for n in dir(FalBaseModel) if not n.startswith("_")]))');
    expect(names.filter((n) => !n.startsWith('model_') && !MODEL_ATTRIBUTES.includes(n))).toEqual([]);
  });

  it('normalise a name as Python does (NFKC)', () => {
    expect(pythonName('\uff50rompt')).toBe('prompt');
    expect(pythonList('ns = {}\nexec("\\uff50rompt = 1", ns)\nprint(json.dumps([k for k in ns if k != "__builtins__"]))')).toEqual(['prompt']);
  });
});

describe('every golden fal app.py', () => {
  const apps = readdirSync(FIXTURES)
    .map((c) => join(FIXTURES, c, 'expected', 'fal', 'app.py'))
    .filter((p) => existsSync(p));

  it('has no model field that shadows a name evaluated at module or class level, and evaluates only reserved names there', () => {
    expect(apps.length).toBeGreaterThan(20);
    const reserved = new Set([...PYTHON_BUILTINS, ...TYPING_NAMES, ...APP_NAMES]);
    const results = appAst(python, apps);
    for (const [path, ast] of Object.entries(results)) {
      expect(ast.shadowing, path).toEqual([]);
      const unknown = ast.scopeLoads.filter((n) => !reserved.has(n) && !ast.classes.includes(n) && !n.startsWith('_'));
      expect(unknown, path).toEqual([]);
    }
  });
});
