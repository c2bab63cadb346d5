// Every fixture's predictor files import through the `cog` compatibility package (issue 15), in
// the quick suite: a predictor importing a name runtime/cog lacks fails here, not in a smoke run
// or in production. The fixtures' light requirements are really installed
// (test/python-env/fixtures.txt); heavy ones (torch ...) are stubbed, as for the OpenAPI oracle.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { hasErrors } from '../../src/findings/types.js';
import { fixtureCases } from '../helpers/fixtures.js';
import { pythonEnv } from '../helpers/python-env.js';
import { cogCompatDir } from '../helpers/cog-compat.js';

const SCRIPT = fileURLToPath(new URL('./fixture_import.py', import.meta.url));
const STUBS = fileURLToPath(new URL('../oracle', import.meta.url));

let python: string;
let compatDir: string;

beforeAll(() => {
  python = pythonEnv('fixtures');
  compatDir = cogCompatDir();
}, 900_000);

interface Imported { errors: Record<string, string>; stubbed: string[] }

/** Imports the files of copies of projects written here, in one process of the fixtures venv. */
async function importAll(projects: { dir: string; files: string[] }[]): Promise<Imported[]> {
  const copies = projects.map((p) => {
    const copy = mkdtempSync(join(tmpdir(), 'cog-fixture-import-'));
    cpSync(p.dir, copy, { recursive: true, verbatimSymlinks: true });
    return copy;
  });
  const run = promisify(execFile)(python, ['-I', '-B', SCRIPT, compatDir, STUBS], { timeout: 300_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  run.child.stdin?.end(JSON.stringify(Object.fromEntries(projects.map((p, i) => [copies[i], p.files]))));
  const out = JSON.parse((await run).stdout) as Record<string, Imported>;
  return copies.map((c) => out[c]!);
}

const importFiles = async (dir: string, files: string[]): Promise<Imported> => (await importAll([{ dir, files }]))[0]!;

function predictorFiles(inputDir: string): string[] | undefined {
  const { ir, findings } = readCog(inputDir);
  if (!ir || hasErrors(findings)) return undefined;
  return [...new Set([ir.predictors.predict?.file, ir.predictors.train?.file].filter((f): f is string => !!f))];
}

describe('every fixture imports through the cog compatibility package', () => {
  it('imports each predict and train file with no error', async () => {
    const work = fixtureCases().filter((c) => !c.options.expectError)
      .map((c) => ({ name: c.name, dir: join(c.dir, 'input'), files: predictorFiles(join(c.dir, 'input')) ?? [] }))
      .filter((c) => c.files.length > 0);
    const results = await importAll(work);
    const failures = work.flatMap((c, i) => Object.entries(results[i]!.errors).map(([file, error]) => `${c.name}/${file}: ${error}`));
    expect(work.flatMap((c) => c.files).length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 600_000);

  it('installs the light requirements for real (Pillow, numpy) and stubs only the heavy ones', async () => {
    const r = await importFiles(join(fileURLToPath(new URL('../../fixtures', import.meta.url)), 'path-in-path-out-pillow-grayscale', 'input'), ['predict.py']);
    expect(r.errors).toEqual({});
    expect(r.stubbed.filter((m) => ['PIL', 'numpy'].includes(m))).toEqual([]); // (Pillow's optional defusedxml is stubbed)
    const torch = await importFiles(join(fileURLToPath(new URL('../../fixtures', import.meta.url)), 'plain-torch-cpu', 'input'), ['predict.py']);
    expect(torch.errors).toEqual({});
    expect(torch.stubbed).toContain('torch');
  }, 120_000);

  it('fails a predictor that imports a name the package lacks, at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cog-missing-name-'));
    writeFileSync(join(dir, 'predict.py'), 'import json\nfrom cog import BasePredictor, NotACogName\n');
    const r = await importFiles(dir, ['predict.py']);
    expect(r.errors['predict.py']).toMatch(/^ImportError: cannot import name 'NotACogName' from 'cog' .*\(predict\.py:2\)$/);
  }, 120_000);
});
