// Per-target parts of verify, by target name. A target absent here builds the output's
// Dockerfile and has no smoke run (CM526).

import { readJsonFile } from '../../fs/bounded-read.js';
import { join } from 'node:path';
import type { TargetVerify } from './types.js';
import { modalVerify } from './modal/index.js';
import { falVerify } from './fal/index.js';
import { cogVerify } from './cog/index.js';
import { workersAiVerify } from './workers-ai/index.js';

export type { TargetVerify, TargetDockerfile, SmokeRunner, SmokeRuntime, SmokeImage, SmokeImageOptions, SmokeServer } from './types.js';

const TARGETS: Readonly<Record<string, TargetVerify>> = {
  fal: falVerify,
  modal: modalVerify,
  cog: cogVerify,
  'workers-ai': workersAiVerify,
};

export function targetVerify(target: string): TargetVerify {
  return TARGETS[target] ?? {};
}

/** The target an output was emitted for: recognised by its files, else as its migration.json records it. */
export function outputTarget(outDir: string): string | undefined {
  const recognised = Object.entries(TARGETS).find(([, t]) => t.recognise?.(outDir));
  if (recognised) return recognised[0];
  const doc = readJsonFile(join(outDir, 'migration.json')) as { target?: unknown } | undefined;
  return doc && typeof doc === 'object' && typeof doc.target === 'string' ? doc.target : undefined;
}
