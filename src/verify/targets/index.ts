// Per-target parts of verify, by target name. A target absent here uses the shared defaults
// (the output's Dockerfile; the smoke driver with targets/<name>/standin).

import { readJsonFile } from '../../fs/bounded-read.js';
import { join } from 'node:path';
import type { TargetVerify } from './types.js';
import { modalVerify } from './modal/index.js';

export type { TargetVerify, TargetDockerfile, SmokeRunner } from './types.js';

const TARGETS: Readonly<Record<string, TargetVerify>> = {
  modal: modalVerify,
};

export function targetVerify(target: string): TargetVerify {
  return TARGETS[target] ?? {};
}

/** The target an output was emitted for, as its migration.json records it. */
export function outputTarget(outDir: string): string | undefined {
  const doc = readJsonFile(join(outDir, 'migration.json')) as { target?: unknown } | undefined;
  return doc && typeof doc === 'object' && typeof doc.target === 'string' ? doc.target : undefined;
}
