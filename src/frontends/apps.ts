// The app frontends (fal, Modal) behind one call, for a path chooseFrontend (./index.ts) found to
// be an app. Kept apart from the chooser so that reading a Cog project never loads them.

import type { ReadResult } from './cog/index.js';
import { readFalApp } from './fal/index.js';
import type { Platform } from './index.js';
import { readModalApp } from './modal/index.js';
import type { AppReadOptions } from './shared/app-ir.js';

export function readApp(platform: Platform, root: string, file: string, options: AppReadOptions): ReadResult {
  return platform === 'fal' ? readFalApp(root, file, options) : readModalApp(root, file, options);
}
