// Which frontend reads a path: a folder with cog.yaml is a Cog project; a Python file (or a
// folder holding exactly one app file) is read by what it imports — `fal` or `modal`. The
// frontends themselves never guess; this is the only place that chooses.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { finding } from '../findings/finding.js';
import { readCog, type ReadOptions, type ReadResult } from './cog/index.js';
import { readFalApp } from './fal/index.js';
import { readModalApp } from './modal/index.js';
import type { AppReadOptions } from './shared/app-ir.js';

export type { ReadResult } from './cog/index.js';
export type Platform = 'fal' | 'modal';

/** The platform a Python source imports (`import fal`, `from modal import App`), if any. */
export function platformOf(source: string): Platform | undefined {
  const fal = /^\s*(?:import\s+fal\b|from\s+fal(?:\.[\w.]+)?\s+import\b)/m.test(source);
  const modal = /^\s*(?:import\s+modal\b|from\s+modal(?:\.[\w.]+)?\s+import\b)/m.test(source);
  return fal ? 'fal' : modal ? 'modal' : undefined;
}

function readApp(platform: Platform, root: string, file: string, options: AppReadOptions): ReadResult {
  return platform === 'fal' ? readFalApp(root, file, options) : readModalApp(root, file, options);
}

function sourceHead(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(0, 256 * 1024);
  } catch {
    return '';
  }
}

/** Reads a Cog project folder, a fal/Modal app file, or a folder holding one app file. */
export function readProject(path: string, options: AppReadOptions & ReadOptions = {}): ReadResult {
  const full = resolve(path);
  // A variant is always one of a Cog project's (select script or cog-safe-push-configs/).
  if (options.variant !== undefined) return readCog(path, { variant: options.variant });
  if (existsSync(full) && statSync(full).isFile()) {
    const platform = platformOf(sourceHead(full));
    if (!platform) {
      return { findings: [finding('CM800', `${basename(full)} imports neither fal nor modal, so it is not an app cog-migrate reads`, { file: basename(full) })] };
    }
    return readApp(platform, dirname(full), basename(full), options);
  }
  if (!existsSync(full) || !statSync(full).isDirectory() || existsSync(join(full, 'cog.yaml'))) return readCog(path);
  const apps = readdirSync(full).filter((n) => n.endsWith('.py')).sort()
    .map((n) => ({ file: n, platform: platformOf(sourceHead(join(full, n))) }))
    .filter((a): a is { file: string; platform: Platform } => a.platform !== undefined);
  if (apps.length === 0) return readCog(path);
  if (apps.length > 1) {
    return { findings: [finding('CM822', `${path} holds ${apps.length} fal/Modal app files (${apps.map((a) => a.file).join(', ')}) and no cog.yaml`, { file: apps[0]!.file })] };
  }
  return readApp(apps[0]!.platform, full, apps[0]!.file, options);
}
