// Issue 16: build.run steps that mount a build secret get it through fal's own mechanism,
// ContainerImage.from_dockerfile_str(..., secrets=...), read from an environment variable when
// fal deploy imports app.py; fal drops secrets from the pickled image (ContainerImage.__getstate__).
// Checked under the real fal SDK.

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv } from '../../helpers/python-env.js';
import { cli } from '../../helpers/cli.js';
import { checkedFiles, pyrightErrors, runPython } from './harness.js';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'build-secret-from-environment', 'input');

const SCRIPT = String.raw`
import importlib.util, json, pickle, sys
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
image = module.BuildSecretFromEnvironment.image
print(json.dumps({"secrets": image.secrets, "pickled": pickle.loads(pickle.dumps(image)).secrets, "dict": image.to_dict()["secrets"]}))
`;

let python: string;
let out: string;
beforeAll(async () => {
  python = pythonEnv('fal');
  const project = join(mkdtempSync(join(tmpdir(), 'cm-secrets-')), 'build-secret-from-environment');
  cpSync(FIXTURE, project, { recursive: true });
  out = join(project, '..', 'out');
  expect((await cli(project, '--to', 'fal', '--out', out)).code).toBe(0);
}, 120_000);

describe('fal build secrets', () => {
  it('passes the mounted secret from its environment variable, and fal keeps it out of the pickle', () => {
    const r = JSON.parse(runPython(python, ['-I', '-c', SCRIPT, join(out, 'app.py')], { PIP_TOKEN: 's3cret' })) as Record<string, unknown>;
    expect(r).toEqual({ secrets: { 'pip-token': 's3cret' }, pickled: {}, dict: { 'pip-token': 's3cret' } });
  });

  it('passes nothing when the variable is unset (the build then fails at the step, as Docker does)', () => {
    const unset = `import os\nos.environ.pop("PIP_TOKEN", None)\n${SCRIPT}`;
    const r = JSON.parse(runPython(python, ['-I', '-c', unset, join(out, 'app.py')])) as Record<string, unknown>;
    expect(r['secrets']).toEqual({});
  });

  it('type-checks with pyright against the pinned SDK', () => {
    expect(pyrightErrors(python, checkedFiles(out))).toEqual([]);
  }, 180_000);
});
