// What fal uploads for a managed-environment app (app_files = ["."]), listed by fal 1.83's own
// code: the emitted app's class options through FileSyncOptions.from_options and
// FalServerlessHost.files_sync (the app file left out as fal leaves it out, the walk and both
// ignore filters of FileSync), with the server's hash check stubbed so nothing leaves the machine.
// The output of a real conversion, plus files a user adds later (downloaded weights, caches, a
// local run's bytecode): exactly the project files the app reads, the cog package and the shared
// runtime go up; without app_files_ignore, the report, the tests and the weights would too.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/index.js';
import { writeOutput } from '../../../src/fs/write-output.js';
import { falTarget } from '../../../targets/fal/index.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { LOAD_APP_PY, runPython } from './harness.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/dockerignore-managed-upload/input', import.meta.url));

const UPLOADED = String.raw`${LOAD_APP_PY}import os
app_dir, class_name = sys.argv[1], sys.argv[2]
os.chdir(app_dir)  # fal deploy runs from the app's folder
cls = getattr(load_app(app_dir), class_name)
from fal.app import wrap_app
from fal.api.api import FalServerlessHost
from fal.file_sync import FileSync, FileSyncOptions
FileSync.check_hashes_on_server = lambda self, hashes: []  # the server has them all: no upload, no network
host = FalServerlessHost(url="127.0.0.1:1", local_file_path=os.path.join(app_dir, "app.py"), credentials=object())
files = host.files_sync(FileSyncOptions.from_options(wrap_app(cls).options))
print(json.dumps(sorted(f.relative_path for f in files)))
`;

/** Files that appear in the folder after the conversion: what .dockerignore and fal keep out. */
const LATER = [
  'weights/model.safetensors', 'weights/tokenizer/vocab.txt', 'cache/hf/blob.bin', 'data/train.csv', 'src/data/keep.csv',
  'models/step-100.ckpt', 'run.ipynb', 'notebooks/draft.ipynb', '__pycache__/predict.cpython-311.pyc', 'cog/__pycache__/types.cpython-311.pyc',
  '.git/HEAD', '.DS_Store', 'notes1',
];

let python: string;
beforeAll(() => { python = pythonEnv('fal'); }, 900_000);

function convertInto(): string {
  const result = convert(FIXTURE, falTarget, {});
  if (result.status !== 'converted') throw new Error(JSON.stringify(result.findings));
  const dir = join(mkdtempSync(join(tmpdir(), 'fal-app-files-')), 'out');
  const written = writeOutput(dir, result.files);
  if (!('ok' in written)) throw new Error(JSON.stringify(written));
  for (const rel of LATER) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), 'x');
  }
  return dir;
}

const uploaded = (dir: string): string[] => JSON.parse(runPython(python, ['-c', UPLOADED, dir, 'DockerignoreManagedUpload']).trim().split('\n').at(-1)!) as string[];

describe('fal: what app_files uploads', () => {
  it('uploads what the app reads: not the report, the tests, nor what .dockerignore keeps out of the image', () => {
    const dir = convertInto();
    expect(uploaded(dir)).toEqual([
      'cog-safe-push.yaml', 'cog.yaml', 'cog/__init__.py', 'cog/types.py',
      'cog_migrate_runtime/__init__.py', 'cog_migrate_runtime/failures.py', 'cog_migrate_runtime/loading.py',
      'notebooks/draft.ipynb', // *.ipynb is top-level only, in Docker as here
      'notebooks/explore.py', 'notes1', // notes\d has no exact form (CM463): uploaded, as the finding says
      'predict.py', 'src/data/keep.csv', // /data is the top-level folder only
      'weights/config.json', // re-included by !weights/config.json; setup() reads it
    ]);
  }, 120_000);

  it('would upload the report, tests, workflow and weights without app_files_ignore (fal\'s defaults only)', () => {
    const dir = convertInto();
    const app = readFileSync(join(dir, 'app.py'), 'utf8');
    expect(app).toContain('    app_files_ignore = APP_FILES_IGNORE\n');
    writeFileSync(join(dir, 'app.py'), app.replace('    app_files_ignore = APP_FILES_IGNORE\n', ''));
    const all = uploaded(dir);
    for (const rel of ['MIGRATION.md', 'migration.json', 'tests/test_fal.py', '.github/workflows/deploy-fal.yml', '.dockerignore', 'weights/model.safetensors', 'cache/hf/blob.bin', 'data/train.csv', 'models/step-100.ckpt', 'run.ipynb']) {
      expect(all).toContain(rel);
    }
    // fal's defaults still apply
    expect(all.filter((p) => p.endsWith('.pyc') || p.startsWith('.git/') || p === '.DS_Store')).toEqual([]);
  }, 120_000);
});
