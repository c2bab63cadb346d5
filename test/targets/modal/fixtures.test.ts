// The Modal output of every golden fixture, checked against the real modal SDK from PyPI (pinned
// in test/python-env/modal.txt), with no account and no network: modal_app.py imports (modal.App,
// @app.cls and the decorators validate their arguments then; Modal's deprecation warnings are
// errors), registers the class, its web endpoint and the local entrypoint, and pyright finds 0
// errors. No emitted file names a deprecated or removed Modal API.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/index.js';
import { writeOutput } from '../../../src/fs/write-output.js';
import { modalTarget } from '../../../targets/modal/index.js';
import { fixtureCases } from '../../helpers/fixtures.js';
import { pythonEnv } from '../../helpers/python-env.js';

interface Emitted { name: string; dir: string; files: { path: string; text: string }[] }

const work = mkdtempSync(join(tmpdir(), 'modal-fixtures-'));
const emitted: Emitted[] = [];
let python: string;

beforeAll(() => {
  python = pythonEnv('modal');
  for (const c of fixtureCases()) {
    if (c.options.expectError) continue;
    const result = convert(join(c.dir, 'input'), modalTarget, {});
    if (result.status !== 'converted') continue;
    const dir = join(work, c.name);
    const written = writeOutput(dir, result.files, { force: true });
    if (!written.ok) throw new Error(`${c.name}: ${written.findings.map((f) => f.message).join('; ')}`);
    const files = result.files.flatMap((f) => ('content' in f && typeof f.content === 'string' ? [{ path: f.path, text: f.content }] : []));
    emitted.push({ name: c.name, dir, files });
  }
}, 900_000);

/** Names Modal removed or deprecated (modal.com/docs/guide/modal-1-0-migration and changelog). */
export const DEPRECATED_MODAL_NAMES: RegExp[] = [
  /\bmodal\.Stub\b/, /\bStub\(/, /\bkeep_warm\b/, /\bconcurrency_limit\b/, /\bcontainer_idle_timeout\b/,
  /\ballow_concurrent_inputs\b/, /\bweb_endpoint\b/, /\bmodal\.Mount\b/, /\bMount\./, /\bmodal\.gpu\./,
  /\bcopy_local_(file|dir)\b/, /@modal\.build\b/, /\bmodal\.web_server\b.*\bwait_for_port\b/, /\b_experimental_boost\b/,
];

describe('modal output for every fixture', () => {
  it('converts at least 40 fixtures', () => {
    expect(emitted.length).toBeGreaterThanOrEqual(40);
  });

  it('uses no deprecated or removed Modal name in any emitted file', () => {
    const hits: string[] = [];
    for (const e of emitted) {
      for (const f of e.files) {
        if (!/\.(py|Dockerfile|md|json)$/.test(f.path) && !f.path.endsWith('Dockerfile')) continue;
        f.text.split('\n').forEach((line, i) => {
          for (const re of DEPRECATED_MODAL_NAMES) if (re.test(line)) hits.push(`${e.name}/${f.path}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(hits).toEqual([]);
  });

  it('the deprecated-name check finds each name it lists', () => {
    const samples = ['stub = modal.Stub("x")', '@app.function(keep_warm=1)', 'concurrency_limit=2', 'container_idle_timeout=60',
      'allow_concurrent_inputs=4', '@modal.web_endpoint()', 'modal.Mount.from_local_dir', 'gpu=modal.gpu.A100()', 'image.copy_local_dir(".")', '@modal.build()'];
    for (const s of samples) expect(DEPRECATED_MODAL_NAMES.some((re) => re.test(s)), s).toBe(true);
  });

  it('imports under the real modal SDK with warnings as errors, registering the class, web() and main', () => {
    const script = fileURLToPath(new URL('./sdk-import.py', import.meta.url));
    const out = execFileSync(python, [script, ...emitted.map((e) => join(e.dir, 'modal_app.py'))], { encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
    const reports = out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string; classes?: string[]; web_endpoints?: string[]; entrypoints?: string[] });
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(reports.length).toBe(emitted.length);
    for (const r of reports) {
      expect(r.classes).toHaveLength(1);
      expect(r.web_endpoints).toEqual([`${r.classes![0]}.web`]);
      expect(r.entrypoints).toEqual(['main']);
    }
  }, 600_000);

  it('type-checks with pyright against the pinned SDK with 0 errors', () => {
    const config = join(mkdtempSync(join(tmpdir(), 'modal-pyright-')), 'pyrightconfig.json');
    // The shipped runtime is the same in every output: one folder on the path resolves it.
    writeFileSync(config, JSON.stringify({ extraPaths: [emitted[0]!.dir], typeCheckingMode: 'basic', reportMissingImports: 'none' }));
    const pyright = fileURLToPath(new URL('../../../node_modules/pyright/index.js', import.meta.url));
    let out: string;
    try {
      out = execFileSync(process.execPath, [pyright, '--outputjson', '--pythonpath', python, '--project', config, ...emitted.map((e) => join(e.dir, 'modal_app.py'))], { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? err);
    }
    const report = JSON.parse(out) as { generalDiagnostics: { file: string; message: string; severity: string }[]; summary: { filesAnalyzed: number } };
    expect(report.generalDiagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`)).toEqual([]);
  }, 600_000);

  it('ships openapi.json equal to what `inspect --openapi` prints', () => {
    for (const e of emitted.slice(0, 5)) {
      const shipped = readFileSync(join(e.dir, 'openapi.json'), 'utf8');
      const cli = fileURLToPath(new URL('../../../bin/cog-migrate.js', import.meta.url));
      const printed = execFileSync(process.execPath, [cli, 'inspect', '--openapi', join(fixtureCases().find((c) => c.name === e.name)!.dir, 'input')], { encoding: 'utf8' });
      expect(shipped, e.name).toBe(printed);
    }
  });

  // Issue 9: requests are validated against openapi.json, so it has the values the model runs
  // with, where `inspect --openapi` follows Cog's static generator (the input is required there).
  it('ships the runtime default of an imported constant that inspect --openapi leaves out (CM245)', () => {
    const e = emitted.find((x) => x.name === 'inputs-resolved-across-local-modules')!;
    const input = (doc: string) => ((JSON.parse(doc) as { components: { schemas: { Input: { properties: Record<string, { default?: unknown }>; required?: string[] } } } }).components.schemas.Input);
    const shipped = input(readFileSync(join(e.dir, 'openapi.json'), 'utf8'));
    const cli = fileURLToPath(new URL('../../../bin/cog-migrate.js', import.meta.url));
    const printed = input(execFileSync(process.execPath, [cli, 'inspect', '--openapi', join(fixtureCases().find((c) => c.name === e.name)!.dir, 'input')], { encoding: 'utf8' }));
    expect(shipped.properties.steps!.default).toBe(25);
    expect(shipped.required).toEqual(['prompt']);
    expect(printed.properties.steps!.default).toBeUndefined();
    expect(printed.required).toEqual(['prompt', 'style', 'steps', 'image_format']);
  });
});
