// wrangler's own checks of the emitted Worker, offline: its config reader accepts both modes'
// wrangler.jsonc (and rejects a broken one), `wrangler deploy --dry-run --outdir` bundles the
// BYO Worker as a deploy would, and the Containers Worker bundles from the same config without
// containers[] (the image build in its dry run wants Docker buildx).

import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleWorker, findWorkerTools, prepareWorker, readWranglerConfig, stageWorker } from '../../../src/verify/workers-ai/index.js';
import { INSTANCE_TYPES } from '../../../targets/workers-ai/instance-types.js';
import { convertForWorkers, type WorkersOutput } from './helpers.js';

const REPO = resolve(import.meta.dirname, '../../..');
const outputs: WorkersOutput[] = [];
const temps: string[] = [];
afterAll(() => { for (const o of outputs) o.remove(); for (const t of temps) rmSync(t, { recursive: true, force: true }); });

function output(fixture: string, mode: 'byo' | 'containers'): string {
  const o = convertForWorkers(fixture, mode);
  outputs.push(o);
  return o.outDir;
}

/** A staged Containers Worker whose wrangler.jsonc a test may rewrite. */
function stagedConfig() {
  const out = output('minimal-string-predictor', 'containers');
  const tools = findWorkerTools(out, ['wrangler']);
  const staged = stageWorker(out, tools);
  temps.push(staged.root);
  return { staged, tools, file: join(staged.worker, 'wrangler.jsonc') };
}

function home(): string {
  const d = mkdtempSync(join(tmpdir(), 'wrangler-home-'));
  temps.push(d);
  return d;
}

describe('workers-ai Worker under wrangler (offline)', () => {
  it('BYO: type-checks, the config reads, and wrangler deploy --dry-run bundles it', async () => {
    const prepared = await prepareWorker(output('minimal-string-predictor', 'byo'), { bundle: true });
    try {
      expect(prepared.findings.map((f) => `${f.code} ${f.message}`)).toEqual([]);
      expect(prepared.config?.ai).toEqual({ binding: 'AI' });
      expect(prepared.entry && existsSync(prepared.entry)).toBe(true);
      const bundle = readFileSync(prepared.entry!, 'utf8');
      expect(bundle).toContain('env.AI.run(MODEL_NAME');
      expect(bundle).toContain('"minimal-string-predictor"');
    } finally {
      prepared.dispose();
    }
  }, 120_000);

  it('Containers: wrangler reads containers[], the Durable Object and its migration; the Worker bundles with @cloudflare/containers', async () => {
    const prepared = await prepareWorker(output('path-in-path-out-text-transform', 'containers'), { bundle: true });
    try {
      expect(prepared.findings.map((f) => `${f.code} ${f.message}`)).toEqual([]);
      const c = prepared.config!;
      expect(c.containers).toHaveLength(1);
      expect(c.containers[0]).toMatchObject({ class_name: 'PathInPathOutTextTransformContainer', instance_type: 'basic', max_instances: 1 });
      expect(c.containers[0]!.image).toBe(join(prepared.staged!.root, 'Dockerfile'));
      expect(c.durable_objects.bindings).toEqual([{ name: 'MODEL', class_name: 'PathInPathOutTextTransformContainer' }]);
      expect(c.migrations).toEqual([{ tag: 'v1', new_sqlite_classes: ['PathInPathOutTextTransformContainer'] }]);
      const bundle = readFileSync(prepared.entry!, 'utf8');
      expect(bundle).toContain('PathInPathOutTextTransformContainer = class extends Container');
      expect(bundle).toContain('containerFetch');
      expect(prepared.notChecked.join(' ')).toContain('buildx');
    } finally {
      prepared.dispose();
    }
  }, 120_000);

  it('the staged copy leaves links out (nothing outside the output is read or bundled)', () => {
    const out = output('minimal-string-predictor', 'byo');
    symlinkSync('/etc/hostname', join(out, 'worker', 'src', 'outside.ts'));
    const staged = stageWorker(out, findWorkerTools(out, ['wrangler']));
    temps.push(staged.root);
    expect(existsSync(join(staged.worker, 'src', 'index.ts'))).toBe(true);
    expect(existsSync(join(staged.worker, 'src', 'outside.ts'))).toBe(false);
  });

  it('a config wrangler refuses is an error finding (CM536) at worker/wrangler.jsonc', async () => {
    const { staged, tools, file } = stagedConfig();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"instance_type": "basic"', '"instance_type": "huge"'));
    const read = await readWranglerConfig(staged, tools.nodeModules, home(), false);
    expect(read.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['CM536', 'error', 'worker/wrangler.jsonc']]);
    expect(read.findings[0]!.message).toContain('huge');
  }, 60_000);

  it('every instance type of data/instance-types.json is one wrangler accepts', async () => {
    const { staged, tools, file } = stagedConfig();
    const original = readFileSync(file, 'utf8');
    // One config naming every type (one container class each) keeps this to a single wrangler run.
    const doc = JSON.parse(original.replace(/^\s*\/\/.*$/gm, '')) as { containers: Record<string, unknown>[]; durable_objects: { bindings: unknown[] }; migrations: { new_sqlite_classes: string[] }[] };
    doc.containers = INSTANCE_TYPES.map((t, n) => ({ ...doc.containers[0], class_name: `C${n}`, instance_type: t.name }));
    doc.durable_objects.bindings = INSTANCE_TYPES.map((_t, n) => ({ name: `B${n}`, class_name: `C${n}` }));
    doc.migrations[0]!.new_sqlite_classes = INSTANCE_TYPES.map((_t, n) => `C${n}`);
    writeFileSync(file, JSON.stringify(doc));
    const read = await readWranglerConfig(staged, tools.nodeModules, home(), false);
    expect(read.findings.map((f) => f.message)).toEqual([]);
    expect(read.config!.containers.map((c) => c.instance_type)).toEqual(INSTANCE_TYPES.map((t) => t.name));
  }, 60_000);

  it('a Worker that does not compile fails the bundle (CM537) or the type-check (CM504)', async () => {
    const out = output('minimal-string-predictor', 'byo');
    const index = join(out, 'worker', 'src', 'index.ts');
    writeFileSync(index, readFileSync(index, 'utf8').replace('const output = await env.AI.run(MODEL_NAME, checked.input);', 'const output = await env.AI.run(MODEL_NAME, checked.input;'));
    const prepared = await prepareWorker(out, { bundle: true });
    prepared.dispose();
    expect(prepared.findings.some((f) => f.code === 'CM504' && f.file === 'worker/src/index.ts')).toBe(true);
    const tools = findWorkerTools(out, ['wrangler']);
    const staged = stageWorker(out, tools);
    temps.push(staged.root);
    const bundled = await bundleWorker(staged, tools.nodeModules, home(), join(staged.worker, 'wrangler.jsonc'), join(staged.root, 'bundle'));
    expect(bundled.findings.map((f) => f.code)).toEqual(['CM537']);
    expect(REPO).toBeTruthy();
  }, 120_000);
});
