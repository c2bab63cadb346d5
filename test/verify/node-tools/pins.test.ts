// The versions verify installs into its cache (src/verify/node-tools/pins.ts) are the ones this
// checkout installs and runs its own checks with: package-lock.json's resolution of package.json's
// devDependencies. A bumped devDependency fails here until pins.ts (or pinned.json) follows.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_TOOL_SETS } from '../../../src/verify/node-tools/index.js';
import { packageRoot } from '../../../src/util/package-root.js';

const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(packageRoot(), 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };

describe('NODE_TOOL_SETS', () => {
  for (const [set, pins] of Object.entries(NODE_TOOL_SETS)) {
    for (const [name, version] of Object.entries(pins)) {
      it(`${set}: ${name}@${version} is the devDependency the checkout installs`, () => {
        expect(pkg.devDependencies[name], `${name} is a devDependency`).toBeDefined();
        expect(pkg.dependencies[name], `${name} is not a dependency (it would then always be beside the package)`).toBeUndefined();
        expect(lock.packages[`node_modules/${name}`]?.version, `package-lock.json's ${name}`).toBe(version);
        expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      });
    }
  }
});
