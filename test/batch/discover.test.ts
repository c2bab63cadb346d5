// Discovery of models under PATHS: ids, skipped folders, symlink loops, and the folder names
// models get under OUT.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverModels } from '../../src/batch/discover.js';
import { outNames } from '../../src/batch/names.js';
import { parseShard } from '../../src/batch/shard.js';
import { GOOD, modelTree } from '../helpers/batch.js';

describe('discoverModels', () => {
  it('finds nothing in an empty folder, and says so for a path that is not a folder', () => {
    const root = modelTree({ 'a/readme': { 'x.txt': 'x' } });
    expect(discoverModels([root]).models).toEqual([]);
    expect(discoverModels([join(root, 'nope')]).findings.map((f) => f.code)).toEqual(['CM002']);
  });

  it('names a model given directly by its folder name, and nested ones by their path', () => {
    const root = modelTree({ 'org/m': GOOD, 'org/m/variants/big': GOOD });
    expect(discoverModels([join(root, 'org/m')]).models.map((m) => m.id)).toEqual(['m', 'variants/big']);
    expect(discoverModels([root]).models.map((m) => m.id)).toEqual(['org/m', 'org/m/variants/big']);
    expect(discoverModels([join(root, 'org/m'), join(root, 'org/m/variants')]).models.map((m) => m.id)).toEqual(['m', 'variants/big']);
  });

  it('skips node_modules, dot folders, Python environments and the excluded OUT', () => {
    const root = modelTree({ a: GOOD, 'node_modules/x': GOOD, '.hidden/y': GOOD, '.venv/z': GOOD, 'venv/w': GOOD, out: GOOD });
    expect(discoverModels([root], { exclude: [join(root, 'out')] }).models.map((m) => m.id)).toEqual(['a']);
  });

  it('survives a symlink loop and visits a linked model once', () => {
    const root = modelTree({ a: GOOD });
    symlinkSync(root, join(root, 'a', 'loop'));
    symlinkSync(join(root, 'a'), join(root, 'alias'));
    expect(discoverModels([root]).models.map((m) => m.id)).toEqual(['a']);
  });

  it('skips earlier cog-migrate outputs (migration.json or report.json of cog-migrate), not look-alikes', () => {
    const root = modelTree({ a: GOOD, 'a-fal': GOOD, b: GOOD });
    writeFileSync(join(root, 'a-fal', 'migration.json'), JSON.stringify({ tool: { name: 'cog-migrate' } }));
    writeFileSync(join(root, 'b', 'report.json'), JSON.stringify({ tool: { name: 'something else' } }));
    mkdirSync(join(root, 'batch-out'));
    writeFileSync(join(root, 'batch-out', 'report.json'), JSON.stringify({ tool: { name: 'cog-migrate' } }));
    const found = discoverModels([root]);
    expect(found.models.map((m) => m.id)).toEqual(['a', 'b']);
    expect(found.findings).toMatchObject([{ code: 'CM607', message: expect.stringContaining('2 folder(s)') }]);
  });
});

describe('outNames and parseShard', () => {
  it('flattens ids into unique, safe folder names', () => {
    const names = outNames(['org/a', 'org__a', 'ORG/A', '../x', 'sp ace/é']);
    // unique even on a case-insensitive file system
    expect(Object.fromEntries(names)).toEqual({ '../x': '___x', 'ORG/A': 'ORG__A', 'org/a': 'org__a-2', org__a: 'org__a-3', 'sp ace/é': 'sp-ace__-' });
    expect(new Set([...names.values()].map((n) => n.toLowerCase())).size).toBe(5);
  });

  it('reads i/n and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '-1/2', '1/2/3']) expect(parseShard(bad), bad).toBeUndefined();
  });
});
