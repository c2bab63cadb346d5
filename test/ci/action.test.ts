// action.yml and the workflow in docs/ci.md: the action's shell step really runs (batch for a
// shard, then merge of shard folders by glob) with GitHub's output files, and the workflow only
// uses inputs the action declares.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FATAL, GOOD, modelTree, readReport } from '../helpers/batch.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface Step { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const runStep = action.runs.steps.find((s) => s.id === 'run')!;

/** Runs the action's main step as the runner would: inputs as env, GitHub's output files. */
function runAction(inputs: Record<string, string>, cwd: string): { code: string; summary: string } {
  const work = mkdtempSync(join(tmpdir(), 'cogm-action-'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const wrapper = join(work, 'cog-migrate.mjs');
  writeFileSync(wrapper, `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/main.ts')).href)});\n`);
  const env: Record<string, string> = { ...process.env as Record<string, string>, GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary') };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  for (const [k, v] of Object.entries(runStep.env!)) {
    const m = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(v);
    if (m) env[k] = inputs[m[1]!] ?? action.inputs[m[1]!]!.default ?? '';
    else if (k === 'COG_MIGRATE') env[k] = wrapper;
    else env[k] = v;
  }
  execFileSync('bash', ['-e', '-c', runStep.run!], { cwd, env, stdio: 'pipe', timeout: 120_000 });
  const output = readFileSync(env.GITHUB_OUTPUT!, 'utf8');
  return { code: /exit-code=(\d+)/.exec(output)?.[1] ?? '', summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action whose steps only read declared inputs', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const m of text.matchAll(/inputs\.([a-z-]+)/g)) expect(Object.keys(action.inputs)).toContain(m[1]);
  });

  it('converts a shard, then merges shard folders given as a glob, writing the job summary', async () => {
    const repo = modelTree({ 'models/a': GOOD, 'models/b': GOOD, 'models/c': GOOD, 'models/broken': FATAL });
    for (const i of [1, 2]) {
      const r = runAction({ paths: 'models', shard: `${i}/2`, out: `shards/out-${i}`, 'fail-on': 'never' }, repo);
      expect(r.code).toBe('0');
      expect(r.summary).toContain('## cog-migrate batch');
      expect(r.summary).toContain(`(shard ${i}/2)`);
    }
    const merged = runAction({ merge: 'shards/*', out: 'merged' }, repo);
    expect(merged.code).toBe('1');
    expect(merged.summary).toMatch(/\| broken \| fal \| failed \| CM203 /);
    expect(readReport(join(repo, 'merged')).models.map((m) => m.id)).toEqual(['a', 'b', 'broken', 'c']);
    // SARIF paths start at the folder the action ran in: the repository root
    const sarif = readFileSync(join(repo, 'merged', 'report.sarif'), 'utf8');
    expect(sarif).toContain('"uri": "models/broken/cog.yaml"');
  }, 180_000);
});

describe('the workflow in docs/ci.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
  const workflow = parse(yaml) as { jobs: Record<string, { steps: Step[]; strategy?: { matrix: { shard: number[] } } }> };

  it('passes only inputs the action declares', () => {
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('cog-migrate/cog-migrate'));
    expect(uses.length).toBe(2);
    for (const s of uses) for (const k of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs)).toContain(k);
  });

  it('downloads the artifacts the shards upload, with a matrix over shards', () => {
    expect(workflow.jobs.convert!.strategy!.matrix.shard).toEqual([1, 2, 3, 4]);
    const download = workflow.jobs.report!.steps.find((s) => s.uses?.startsWith('actions/download-artifact'));
    // the action names a shard's artifact cog-migrate-shard-I-of-N
    expect(download!.with!.pattern).toBe('cog-migrate-shard-*');
    expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toContain('name="cog-migrate-shard-${IN_SHARD%/*}-of-${IN_SHARD#*/}"');
  });
});
