// The `cog` compatibility package against the real Cog SDKs from PyPI (issue 15): it provides
// every public name of the `cog` module of each Cog generation cog-migrate reads, and each of
// them imports. A predictor importing a name it lacks gets CM030 at the import line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COG_COMPAT_NAMES } from '../../src/runtime/index.js';
import { cogCompatDir } from '../helpers/cog-compat.js';
import { unprovidedCogNames } from '../../src/convert/cog-imports.js';
import { pythonEnv } from '../helpers/python-env.js';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

/** Cog generations read, each with the pinned SDK that defines its `cog` module. */
const GENERATIONS = [
  { name: 'cog 0.19.3 (BasePredictor, the last SDK that builds its own schema)', env: 'cog' },
  { name: 'cog 0.22.0 (the pinned Cog release: BaseRunner, run:, @streaming, @concurrent)', env: 'cog-0.22' },
];
/** The pre-1.0 APIs predate the PyPI package: cog.Predictor with @cog.input, and the spring-2021
 * pre-release's cog.Model with run() (fixtures/yaml-2021-prerelease-format). */
const PRE_1_0 = ['Predictor', 'Model', 'input'];

const publicNames = (python: string, cwd?: string): string[] =>
  JSON.parse(execFileSync(python, ['-I', '-c', 'import cog, json; print(json.dumps(sorted(cog.__all__)))'], { encoding: 'utf8', ...(cwd ? { cwd } : {}) })) as string[];

let compatDir: string;
let compatPython: string;
beforeAll(() => {
  compatPython = pythonEnv('fal');
  compatDir = cogCompatDir();
}, 900_000);

/** Runs Python with only the compatibility package importable as `cog`. */
const compat = (code: string): string =>
  execFileSync(compatPython, ['-I', '-c', `import sys; sys.path.insert(0, ${JSON.stringify(compatDir)})\n${code}`], { encoding: 'utf8' }).trim();

describe('the compatibility package covers the Cog SDK', () => {
  for (const g of GENERATIONS) {
    it(`has every public name of ${g.name}`, () => {
      const real = publicNames(pythonEnv(g.env));
      expect(real.length).toBeGreaterThan(10);
      const ours = JSON.parse(compat('import cog, json; print(json.dumps(sorted(cog.__all__)))')) as string[];
      expect(real.filter((n) => !ours.includes(n)), `missing from runtime/cog`).toEqual([]);
    }, 900_000);
  }
  it('lists exactly its __all__ in COG_COMPAT_NAMES, the pre-1.0 names included, and every one imports', () => {
    const ours = JSON.parse(compat('import cog, json; print(json.dumps(sorted(cog.__all__)))')) as string[];
    expect(ours).toEqual([...COG_COMPAT_NAMES].sort());
    for (const n of PRE_1_0) expect(ours).toContain(n);
    const names = ours.filter((n) => n !== '__version__');
    expect(compat(`import warnings\nwarnings.simplefilter("error")\nfrom cog import ${names.join(', ')}\nfrom cog.types import Path, URLFile, Secret\nprint("ok")`)).toBe('ok');
  });
  it('the current-Cog decorators behave as Cog: @streaming, @concurrent(max=) on async only', () => {
    expect(compat(String.raw`
from cog import BaseRunner, streaming, concurrent, Opaque, FieldInfo
class R(BaseRunner):
    @streaming
    @concurrent(max=4)
    async def run(self, x: int = 1) -> int:
        return x
print(R.run.__cog_concurrent_max__, repr(Opaque), isinstance(FieldInfo(1), FieldInfo))
try:
    concurrent(max=2)(lambda: 1)
except TypeError as e:
    print("TypeError")`)).toBe('4 cog.Opaque True\nTypeError');
  });
});

describe('a predictor importing a name the package lacks (CM030)', () => {
  it('finds from-imports (aliased, parenthesised, from cog.types) and cog.X after import cog, at their lines', () => {
    const src = ['from cog import BasePredictor, Input', 'from cog import (', '    Path,', '    server as s,', ')', 'from cog.types import NotAType', 'import cog', 'x = cog.streaming', 'y = cog.nonexistent', 'z = other.cog.x'].join('\n');
    expect(unprovidedCogNames(src)).toEqual([
      { name: 'server', line: 4, column: 5 },
      { name: 'NotAType', line: 6, column: 23 },
      { name: 'cog.nonexistent', line: 9, column: 9 },
    ]);
    expect(unprovidedCogNames('from cog import BaseRunner, streaming, concurrent, Opaque, URLFile, FieldInfo\n')).toEqual([]);
    expect(unprovidedCogNames('import numpy as cog\ncog.array\n')).toEqual([]);
  });
  it('a conversion of such a predictor fails with CM030 at the import line, not later with ImportError', async () => {
    const dir = tempProject({
      'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n',
      'predict.py': MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input\nfrom helpers import shout'),
      'helpers.py': 'from cog import emit_metric, no_such_name\n\ndef shout(s):\n    return s.upper()\n',
    });
    const r = await cli(dir, '--to', 'fal', '--out', join(mkdtempSync(join(tmpdir(), 'cogm-cm030-')), 'o'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/helpers\.py:1:30: error CM030: helpers\.py imports no_such_name from cog/);
  });
  it('a predictor using only names the package has converts', async () => {
    const dir = tempProject({
      'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n',
      'predict.py': MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input, streaming, URLFile'),
    });
    const r = await cli(dir, '--to', 'fal', '--out', join(mkdtempSync(join(tmpdir(), 'cogm-cm030-')), 'o'));
    expect(r.stderr).not.toContain('CM030');
    expect(r.code).toBe(0);
  });
});
