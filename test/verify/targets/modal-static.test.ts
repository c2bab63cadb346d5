// verify --level static of a Modal output: the target comes from migration.json, modal_app.py
// imports under the real modal client (which validates @app.cls arguments at import) and passes
// pyright against it; an argument modal 1.x no longer takes fails with the SDK's own error.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/verify/index.js';
import { pythonEnv } from '../../helpers/python-env.js';

const GOLDEN = fileURLToPath(new URL('../../../fixtures/input-every-constraint/expected/modal/', import.meta.url));
const RUNTIME = fileURLToPath(new URL('../../../runtime/', import.meta.url));

/** The golden output plus the runtime files it lists (goldens keep only their names). */
function output(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-modal-static-'));
  cpSync(GOLDEN, dir, { recursive: true });
  cpSync(join(RUNTIME, 'cog'), join(dir, 'cog'), { recursive: true });
  cpSync(join(RUNTIME, 'cog_migrate_runtime'), join(dir, 'cog_migrate_runtime'), { recursive: true });
  return dir;
}

describe('verify --level static of a Modal output', () => {
  const sdkPython = pythonEnv('modal');

  it('imports and type-checks modal_app.py under the real modal client', async () => {
    const r = await verify(output(), { level: 'static', sdkPython });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.steps.map((s) => [s.name, s.ok])).toEqual([['parse', true], ['typecheck', true]]);
  }, 120_000);

  it('fails with CM506 when modal rejects an @app.cls argument at import (a pre-1.0 name)', async () => {
    const dir = output();
    const app = join(dir, 'modal_app.py');
    writeFileSync(app, readFileSync(app, 'utf8').replace('@app.cls(image=image)', '@app.cls(image=image, concurrency_limit=2)'));
    const r = await verify(dir, { level: 'static', sdkPython });
    const f = r.findings.find((x) => x.code === 'CM506');
    expect(f?.file).toBe('modal_app.py');
    expect(f?.message).toMatch(/DeprecationError: .*'concurrency_limit' parameter has been renamed to 'max_containers'/);
  }, 120_000);
});
