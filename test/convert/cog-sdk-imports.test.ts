// A predictor run by the real Cog SDK (workers-ai, cog) against the release its image installs:
// a name that release lacks is CM031 at the import line (issue 15: `cog.concurrent` with
// sdk_version 0.21.0 made Cog's server fail in the container). The data per release comes from
// the real wheels (scripts/cog-sdk-names.py); the pinned SDKs' own `cog` modules hold it true.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sdkNames from '../../src/dockerfile/data/cog-sdk-names.json' with { type: 'json' };
import { installedSdkRelease, sdkImportFindings, sdkModuleNames } from '../../src/convert/cog-sdk-imports.js';
import { readCog } from '../../src/frontends/cog/index.js';
import { pythonEnv } from '../helpers/python-env.js';
import { cli, MINIMAL_PREDICTOR, tempProject } from '../helpers/cli.js';

const project = (yaml: string, predict: string, more: Record<string, string> = {}) => tempProject({ 'cog.yaml': yaml, 'predict.py': predict, ...more });
const findingsOf = (dir: string) => sdkImportFindings(readCog(dir).ir!);
const CONCURRENT = MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input, streaming, concurrent');

describe('the release an image installs', () => {
  it('is build.sdk_version, else the pinned release; unknown releases are not checked', () => {
    const at = (v?: string) => installedSdkRelease(readCog(project(`build:\n  python_version: "3.11"\n${v ? `  sdk_version: "${v}"\n` : ''}predict: "predict.py:Predictor"\n`, MINIMAL_PREDICTOR)).ir!);
    expect(at('0.21.0')).toEqual({ release: '0.21.0', why: 'build.sdk_version' });
    expect(at('0.19')?.release).toBe('0.19.0');
    expect(at()?.release).toBe('0.22.0');
    expect(at('0.99.0')).toBeUndefined();
    expect(at('0.22.0a1')).toBeUndefined();
  });
});

describe('CM031', () => {
  it('names each import the pinned release lacks, at its line, with the first release that has it', () => {
    const dir = project('build:\n  python_version: "3.11"\n  sdk_version: "0.20.0"\npredict: "predict.py:Predictor"\n', CONCURRENT);
    const found = findingsOf(dir);
    expect(found.map((f) => [f.code, f.severity, f.file, f.line, f.column])).toEqual([
      ['CM031', 'error', 'predict.py', 1, 39],
      ['CM031', 'error', 'predict.py', 1, 50],
    ]);
    expect(found[0]!.message).toBe("predict.py imports streaming from cog, which cog 0.20.0 (build.sdk_version) does not have: Cog's server would fail to load the predictor");
    expect(found[0]!.hint).toMatch(/Cog 0\.21\.0 is the first release that has it: set build\.sdk_version to "0\.21\.0"/);
    expect(found[1]!.hint).toMatch(/Cog 0\.22\.0 is the first release/);
  });
  it('finds cog.X after `import cog` in a local module the predictor imports, and a name no release has', () => {
    const dir = project('build:\n  python_version: "3.11"\n  sdk_version: "0.21.0"\npredict: "predict.py:Predictor"\n',
      MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input\nfrom helpers import shout'),
      { 'helpers.py': 'import cog\n\n@cog.concurrent(max=2)\nasync def shout(s):\n    return s\n\nfrom cog import no_such_name\n' });
    const found = findingsOf(dir);
    expect(found.map((f) => [f.file, f.line, f.message.split(',')[0]])).toEqual([
      ['helpers.py', 3, 'helpers.py imports cog.concurrent'],
      ['helpers.py', 7, 'helpers.py imports no_such_name from cog'],
    ]);
    expect(found[1]!.hint).toMatch(/No Cog release from 0\.16\.0 to \S+ has it/);
  });
  it("for an unpinned project, names the release the converted project's image installs (the emitted cog.yaml pins it)", () => {
    const dir = project('build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input, no_such_name'));
    expect(findingsOf(dir).map((f) => f.message)).toEqual([
      "predict.py imports no_such_name from cog, which cog 0.22.0 (the release the converted project's image installs: cog.yaml names no build.sdk_version, so cog-migrate pins this one) does not have: Cog's server would fail to load the predictor",
    ]);
  });
  it('accepts what the release has: current names on the pinned release, deprecated shims, submodules', () => {
    expect(findingsOf(project('build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n', CONCURRENT))).toEqual([]);
    const old = MINIMAL_PREDICTOR.replace('from cog import BasePredictor, Input', 'from cog import BasePredictor, Input, ExperimentalFeatureWarning, emit_metric, types');
    expect(findingsOf(project('build:\n  python_version: "3.11"\n  sdk_version: "0.19.3"\npredict: "predict.py:Predictor"\n', old))).toEqual([]);
  });
  it('is what --to workers-ai and --to cog report (not CM030); --to fal checks the compatibility package instead', async () => {
    const dir = project('build:\n  python_version: "3.11"\n  sdk_version: "0.21.0"\npredict: "predict.py:Predictor"\n', CONCURRENT);
    const out = () => join(mkdtempSync(join(tmpdir(), 'cogm-cm031-')), 'o');
    for (const target of ['workers-ai', 'cog']) {
      const r = await cli(dir, '--to', target, '--out', out());
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/predict\.py:1:50: error CM031: predict\.py imports concurrent from cog, which cog 0\.21\.0/);
      expect(r.stderr).not.toContain('CM030');
    }
    const fal = await cli(dir, '--to', 'fal', '--out', out());
    expect(fal.stderr).not.toMatch(/CM03[01]/);
    expect(fal.code).toBe(0);
  });
});

describe('the data per release', () => {
  const releases = sdkNames.releases as Record<string, string[]>;
  it('is dated and covers every release from 0.16.0 to the pinned one', () => {
    expect(sdkNames.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of ['0.16.0', '0.19.3', '0.20.0', '0.21.0', '0.22.0']) expect(Object.keys(releases)).toContain(r);
    expect(releases['0.21.0']).toContain('streaming');
    expect(releases['0.21.0']).not.toContain('concurrent');
  });
  // The pinned SDKs installed from PyPI (test/python-env/cog.txt, cog-0.22.txt): every public
  // name imports from the real module, and the data lists it.
  for (const [env, release] of [['cog', '0.19.3'], ['cog-0.22', '0.22.0']] as const) {
    it(`agrees with the real cog ${release}`, () => {
      const real = JSON.parse(execFileSync(pythonEnv(env), ['-I', '-c', 'import cog, json; print(json.dumps(sorted(cog.__all__)))'], { encoding: 'utf8' })) as string[];
      const provided = sdkModuleNames(release)!;
      expect(real.filter((n) => !provided.names.has(n))).toEqual([]);
      const listed = [...provided.names].filter((n) => !n.startsWith('_'));
      const probe = `import importlib, cog, json\nmissing = []\nfor n in ${JSON.stringify(listed)}:\n    try:\n        exec("from cog import " + n, {})\n    except ImportError:\n        missing.append(n)\nprint(json.dumps(missing))`;
      expect(JSON.parse(execFileSync(pythonEnv(env), ['-I', '-c', probe], { encoding: 'utf8' }))).toEqual([]);
    }, 900_000);
  }
});
