// The library's synchronous reader of any path (Cog folder, fal/Modal app): every frontend loaded
// up front. The CLI uses `loadProject` (./index.ts) instead, which imports only the one it needs.

import { readApp } from './apps.js';
import { readCog, type ReadOptions, type ReadResult } from './cog/index.js';
import { chooseFrontend } from './index.js';
import type { AppReadOptions } from './shared/app-ir.js';

/** Reads a Cog project folder, a fal/Modal app file, or a folder holding one app file. */
export function readProject(path: string, options: AppReadOptions & ReadOptions = {}): ReadResult {
  const choice = chooseFrontend(path, options);
  if (choice.kind === 'refused') return { findings: choice.findings };
  return choice.kind === 'cog' ? readCog(choice.path, choice.options) : readApp(choice.platform, choice.root, choice.file, options);
}
