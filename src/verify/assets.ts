// Files the verify stage ships beside its code (the smoke driver) and paths inside the repository
// (the targets' smoke serve modules), found from this module's location in src/ or dist/src/.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The package root: the nearest folder above this module whose package.json is cog-migrate's. */
export function packageRoot(): string {
  let dir = here;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cog-migrate') return dir;
      } catch { /* keep looking */ }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cog-migrate package root not found above ' + here);
    dir = up;
  }
}

/** The smoke driver script (src/verify/smoke/driver.py). */
export function driverPath(): string {
  return verifyAsset(join('smoke', 'driver.py'));
}

/** A file kept beside the verify code in src/verify (`workers-ai/read-config.mjs`, `smoke/driver.py`); dist builds read it from src/. */
export function verifyAsset(rel: string): string {
  const local = join(here, rel);
  if (existsSync(local)) return local;
  return join(packageRoot(), 'src', 'verify', rel);
}
