// The package's root folder: the nearest folder above this module whose package.json is
// cog-migrate's. Files the package ships beside its code (runtime/, targets/*/templates, the
// verify assets, the report's stylesheet) are found from here, so one lookup serves every way the
// code runs: from source (src/, tsx and vitest), compiled (dist/src/, the library) and bundled
// (dist/cli/, the published CLI), wherever each module ends up.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: { root: string; version: string } | undefined;

function find(): { root: string; version: string } {
  if (found) return found;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (json.name === 'cog-migrate') return (found = { root: dir, version: json.version ?? '0.0.0' });
      } catch { /* not ours: keep looking */ }
    }
    if (dirname(dir) === dir) throw new Error(`cog-migrate package root not found above ${here}`);
  }
}

/** The folder holding cog-migrate's package.json. */
export function packageRoot(): string {
  return find().root;
}

/** The version in cog-migrate's package.json. */
export function packageVersion(): string {
  return find().version;
}

/** A path inside the package: `packagePath('runtime', 'cog')`. */
export function packagePath(...parts: string[]): string {
  return join(find().root, ...parts);
}

/**
 * The node_modules folders Node searches from this module, nearest first. Tools the package runs
 * (pyright, tsc, wrangler) are looked up here, not in `<packageRoot>/node_modules`: an installed
 * cog-migrate usually has its dependencies hoisted beside it (`<project>/node_modules/pyright`).
 */
export function nodeModulesDirs(): string[] {
  return createRequire(import.meta.url).resolve.paths('cog-migrate') ?? [];
}

/** The first `<node_modules>/<rel>` that exists (`pyright/index.js`), else undefined. */
export function findInNodeModules(rel: string): string | undefined {
  return nodeModulesDirs().map((dir) => join(dir, rel)).find((p) => existsSync(p));
}
