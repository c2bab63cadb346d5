// What the emitted worker/package.json pins is what this repository checks the Workers with:
// its own devDependencies, installed (targets/workers-ai/data/pinned.json says so).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED, workerPackageJson } from '../../../targets/workers-ai/project-files.js';

const REPO = resolve(import.meta.dirname, '../../..');
const json = (p: string) => JSON.parse(readFileSync(resolve(REPO, p), 'utf8')) as Record<string, unknown>;

describe('workers-ai pinned versions', () => {
  it('equal the devDependencies and the installed packages', () => {
    const dev = json('package.json').devDependencies as Record<string, string>;
    for (const [name, version] of [['wrangler', PINNED.wrangler], ['@cloudflare/workers-types', PINNED.workersTypes], ['@cloudflare/containers', PINNED.containers]] as const) {
      expect(dev[name], name).toBe(version);
      expect(json(`node_modules/${name}/package.json`).version, name).toBe(version);
    }
    expect(json('node_modules/typescript/package.json').version).toBe(PINNED.typescript);
  });

  it('the emitted package.json pins exactly those versions (Containers adds @cloudflare/containers)', () => {
    const byo = JSON.parse(workerPackageJson('m', false)) as { dependencies?: unknown; devDependencies: Record<string, string> };
    const containers = JSON.parse(workerPackageJson('m', true)) as { dependencies: Record<string, string> };
    expect(byo.dependencies).toBeUndefined();
    expect(byo.devDependencies).toEqual({ '@cloudflare/workers-types': PINNED.workersTypes, typescript: PINNED.typescript, wrangler: PINNED.wrangler });
    expect(containers.dependencies).toEqual({ '@cloudflare/containers': PINNED.containers });
  });
});
