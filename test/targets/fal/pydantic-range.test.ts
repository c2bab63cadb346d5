// Issue 16: the pydantic range every fal image installs last is the pinned fal's own, read from
// the installed package's metadata (Requires-Dist), within pydantic 2 (the generated app uses its
// API). No cap of our own: fal adds the local pydantic version to the environment itself.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { runPython } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const needs = JSON.parse(readFileSync(join(ROOT, 'src', 'dockerfile', 'data', 'target-needs.json'), 'utf8')) as { fal: { pipLast: string[] } };

/** `pydantic>=2.N[,<upper]` from fal's requirement: the lowest 2.x it does not exclude. */
function expectedRange(requirement: string): string {
  const spec = requirement.replace(/^pydantic\s*/, '').split(',').map((s) => s.trim()).filter(Boolean);
  const excluded = new Set(spec.filter((s) => /^!=2\.\d+\.\*$/.test(s)).map((s) => Number(/^!=2\.(\d+)/.exec(s)![1])));
  const lower = spec.filter((s) => s.startsWith('>='));
  const upper = spec.filter((s) => s.startsWith('<'));
  expect(spec.filter((s) => !/^!=2\.\d+\.\*$/.test(s) && !s.startsWith('>=') && !s.startsWith('<')), 'a form this test does not read').toEqual([]);
  let minor = 0;
  while (excluded.has(minor)) minor++;
  const floor = lower.length > 0 ? lower[0]!.slice(2) : `2.${minor}`;
  return [`pydantic>=${floor}`, ...upper].join(',');
}

let requirement: string;
beforeAll(() => {
  const python = pythonEnv('fal');
  const script = 'import importlib.metadata as m, json\nprint(json.dumps([r for r in m.requires("fal") if r.startswith("pydantic") and ";" not in r]))';
  const reqs = JSON.parse(runPython(python, ['-I', '-c', script])) as string[];
  expect(reqs).toHaveLength(1);
  requirement = reqs[0]!;
});

describe('the pydantic range in fal images', () => {
  it("is the installed fal's own requirement, with no upper bound of ours", () => {
    const pydantic = needs.fal.pipLast.find((p) => p.startsWith('pydantic'));
    expect(pydantic).toBe(expectedRange(requirement));
    expect(needs.fal.pipLast.slice(-3)).toEqual([pydantic, 'protobuf', 'boto3']);
  });

  // A container app (system packages): a pip-only build takes fal's managed environment, where fal
  // adds the local pydantic version itself (runtime-form.ts).
  it('is what an emitted app.py installs, last', () => {
    const app = readFileSync(join(ROOT, 'fixtures', 'all-build-keys', 'expected', 'fal', 'app.py'), 'utf8');
    const pip = app.split('\n').filter((l) => l.includes('pip install')).at(-1);
    expect(pip).toContain(`'${expectedRange(requirement)}' protobuf boto3`);
  });
});
