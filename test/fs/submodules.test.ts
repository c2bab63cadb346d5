// Files inside a git submodule that is not checked out (issue 9): the findings say so and give
// `git submodule update --init PATH`.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { submodulePaths, uncheckedSubmoduleFor } from '../../src/fs/submodules.js';
import { readCog } from '../../src/frontends/cog/index.js';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
function project(files: Record<string, string>, dirs: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'submod-'));
  made.push(root);
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}
const GITMODULES = '[submodule "x"]\n\tpath = ./vendor/lib/\n\turl = https://example.invalid/x.git\n[submodule "up"]\n\tpath = ../escape\n';

describe('submodules', () => {
  it('reads the paths of .gitmodules, normalised, never above the project', () => {
    expect(submodulePaths(project({ '.gitmodules': GITMODULES }))).toEqual(['vendor/lib']);
    expect(submodulePaths(project({}))).toEqual([]);
  });
  it('names the submodule when it is missing or empty, not when it is checked out', () => {
    expect(uncheckedSubmoduleFor(project({ '.gitmodules': GITMODULES }), 'vendor/lib/req.txt')).toBe('vendor/lib');
    expect(uncheckedSubmoduleFor(project({ '.gitmodules': GITMODULES }, ['vendor/lib']), './vendor/lib/req.txt')).toBe('vendor/lib');
    expect(uncheckedSubmoduleFor(project({ '.gitmodules': GITMODULES, 'vendor/lib/other.txt': 'x' }), 'vendor/lib/req.txt')).toBeUndefined();
    expect(uncheckedSubmoduleFor(project({ '.gitmodules': GITMODULES }), 'vendor/library.txt')).toBeUndefined();
  });
  it('a predictor file inside an unchecked submodule: CM201 with the command', () => {
    const root = project({ '.gitmodules': GITMODULES, 'cog.yaml': 'build:\n  python_version: "3.11"\npredict: "vendor/lib/predict.py:Predictor"\n' });
    const f = readCog(root).findings.find((x) => x.code === 'CM201');
    expect(f?.message).toMatch(/inside the git submodule vendor\/lib \(\.gitmodules\), which is not checked out/);
    expect(f?.hint).toBe('Fetch the submodule, then convert again: git submodule update --init vendor/lib');
  });
});
