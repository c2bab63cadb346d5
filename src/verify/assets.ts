// Files the verify stage ships beside its code (the smoke driver) and paths inside the package
// (the targets' smoke serve modules), found from the package root (src/util/package-root.ts), so
// source, dist/ and the bundled CLI read the same files.

import { join } from 'node:path';
import { packagePath, packageRoot } from '../util/package-root.js';

export { packageRoot };

/** The smoke driver script (src/verify/smoke/driver.py). */
export function driverPath(): string {
  return verifyAsset(join('smoke', 'driver.py'));
}

/** A file kept beside the verify code in src/verify (`workers-ai/read-config.mjs`, `smoke/driver.py`); dist/ and the bundle read it there. */
export function verifyAsset(rel: string): string {
  return packagePath('src', 'verify', rel);
}
