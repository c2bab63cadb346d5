// Shards partition the models exactly, are stable when models are added, and `report merge`
// gives back the unsharded report byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FATAL, GOOD, WARNS, freshOut, modelTree, readReport } from '../helpers/batch.js';
import { shardOf } from '../../src/batch/shard.js';

const MODELS: Record<string, Record<string, string>> = {};
for (let i = 0; i < 9; i++) MODELS[`team-${i % 3}/model-${i}`] = i % 4 === 0 ? WARNS : GOOD;
MODELS['team-0/broken'] = FATAL;

describe('batch --shard and report merge', () => {
  it('three shards partition the set and merge into the unsharded report', async () => {
    const root = modelTree(MODELS);
    const whole = freshOut();
    expect((await cli('batch', root, '--to', 'fal', '--out', whole, '--jobs', '2', '--quiet', '--fail-on', 'never')).code).toBe(0);
    const shards: string[] = [];
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = freshOut();
      expect((await cli('batch', root, '--to', 'fal', '--out', out, '--shard', `${i}/3`, '--jobs', '1', '--quiet', '--fail-on', 'never')).code).toBe(0);
      const report = readReport(out);
      expect(report.shard).toEqual({ index: i, count: 3 });
      seen.push(...report.models.map((m) => m.id));
      shards.push(out);
    }
    const all = readReport(whole).models.map((m) => m.id);
    expect(all).toHaveLength(10);
    expect([...seen].sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);

    const merged = freshOut();
    const r = await cli('report', 'merge', ...shards, '--out', merged, '--fail-on', 'never');
    expect(r.code).toBe(0);
    for (const f of ['report.json', 'junit.xml', 'report.sarif', 'report.html', 'summary.md']) {
      expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(whole, f), 'utf8'));
    }
    // an earlier merge is replaced only with --force
    expect((await cli('report', 'merge', ...shards, '--out', merged, '--quiet')).code).toBe(1);
    expect((await cli('report', 'merge', ...shards, '--out', merged, '--quiet', '--force', '--fail-on', 'never')).code).toBe(0);
    // merge honours --fail-on like batch: the set has an error
    expect((await cli('report', 'merge', ...shards, '--out', freshOut(), '--quiet')).code).toBe(1);
  });

  it('refuses to merge a shard twice (CM606)', async () => {
    const root = modelTree({ a: GOOD, b: GOOD });
    const out = freshOut();
    await cli('batch', root, '--to', 'fal', '--out', out, '--quiet', '--jobs', '1');
    const r = await cli('report', 'merge', out, out, '--out', freshOut());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error CM606/);
  });

  it('a model keeps its shard when others are added (the shard is a hash of its id)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `org/model-${i}`);
    const before = new Map(ids.map((id) => [id, shardOf(id, 4)]));
    const more = [...ids, ...Array.from({ length: 50 }, (_, i) => `new/model-${i}`)];
    for (const id of ids) expect(shardOf(id, 4)).toBe(before.get(id));
    const sizes = [1, 2, 3, 4].map((s) => more.filter((id) => shardOf(id, 4) === s).length);
    for (const n of sizes) expect(n).toBeGreaterThan(30);
  });
});
