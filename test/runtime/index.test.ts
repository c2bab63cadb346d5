// The shipped runtime as files (src/runtime) and the `cog` compatibility package: a Cog-style
// predictor imports and runs with it.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { COG_COMPAT_NAMES, RUNTIME_DEPENDENCIES, allRuntimeFiles, cogCompatFiles, runtimeClosure, runtimeDir, runtimeFiles, type RuntimeModule } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';
import { cogCompatDir } from '../helpers/cog-compat.js';

let dir: string;
let python: string;

beforeAll(() => {
  python = pythonEnv('fal');
  dir = cogCompatDir();
});

const run = (code: string) => execFileSync(python, ['-c', code], { cwd: dir, encoding: 'utf8' }).trim();

describe('runtime files', () => {
  it('places the cog package under a folder when asked, and is the same every call', () => {
    expect(cogCompatFiles('out/').map((f) => f.path)).toEqual(['out/cog/__init__.py', 'out/cog/types.py']);
    expect(cogCompatFiles()).toEqual(cogCompatFiles());
    expect(cogCompatFiles()[0]!.text).toBe(readFileSync(join(runtimeDir(), 'cog/__init__.py'), 'utf8'));
  });

  it('gives a module with the modules it imports, and the package __init__', () => {
    expect(runtimeClosure(['http'])).toEqual(['loading', 'inputs', 'outputs', 'logs', 'metrics', 'failures', 'validation', 'predictions', 'service', 'http']);
    expect(runtimeFiles(['loading']).map((f) => f.path)).toEqual(['cog_migrate_runtime/__init__.py', 'cog_migrate_runtime/loading.py']);
    expect(runtimeFiles([])).toEqual([]);
  });

  it('lists every module file runtime/ has, with the package imports each really makes', () => {
    const dir = join(runtimeDir(), 'cog_migrate_runtime');
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.py') && f !== '__init__.py').map((f) => f.slice(0, -3)).sort();
    expect(onDisk).toEqual(Object.keys(RUNTIME_DEPENDENCIES).sort());
    for (const m of onDisk as RuntimeModule[]) {
      const text = readFileSync(join(dir, `${m}.py`), 'utf8');
      const imported = new Set<string>();
      for (const match of text.matchAll(/^from \.(\w*) import ([\w, ]+)$/gm)) {
        if (match[1]) imported.add(match[1]);
        else for (const name of match[2]!.split(',')) imported.add(name.trim());
      }
      expect([...imported].sort(), m).toEqual([...RUNTIME_DEPENDENCIES[m]].sort());
    }
    expect(allRuntimeFiles().length).toBe(onDisk.length + 3);
  });
});

describe('cog compatibility package', () => {
  it('provides every name it lists, from cog and from cog.types', () => {
    const names = JSON.parse(run('import cog, json; print(json.dumps(sorted(cog.__all__)))')) as string[];
    expect(names).toEqual([...COG_COMPAT_NAMES].sort());
    expect(run('from cog.types import Path, Secret, Input; print("ok")')).toBe('ok');
  });

  it('makes Input() return its default, so a signature default is the real value', () => {
    const out = run(String.raw`
from cog import BasePredictor, Input, Path, Secret
class P(BasePredictor):
    def predict(self, n: int = Input(default=3, ge=1), s: Secret = Input(default=None)) -> int:
        return n * 2
print(P().predict(), repr(Input(description="x")), repr(Secret("k")), Secret("k").get_secret_value())`);
    expect(out).toBe('6 <required> Secret(**********) k');
  });

  it('supports Path, BaseModel outputs, iterators, metrics and the pre-1.0 API', () => {
    const out = run(String.raw`
import cog, pathlib
from cog import BaseModel, ConcatenateIterator, Path, current_scope, emit_metric
class Out(BaseModel):
    file: Path
    n: int
o = Out(file=Path("/tmp/x"), n=1)
token = cog._current_scope.set(cog.Scope())  # what an adapter does per request
emit_metric("tokens", 3); current_scope().record_metric("tokens", 2, mode="incr")
tokens = current_scope().metrics["tokens"]
cog._current_scope.reset(token)
class Legacy(cog.Predictor):
    @cog.input("x", type=int, default=1)
    def predict(self, x):
        return x
print(isinstance(o.file, pathlib.Path), o.n, tokens, Legacy().predict(x=5), ConcatenateIterator[str].__name__)`);
    expect(out).toBe('True 1 5 5 ConcatenateIterator');
  });
});
