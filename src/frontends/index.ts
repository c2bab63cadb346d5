// Which frontend reads a path: a folder with cog.yaml is a Cog project; a Python file (or a
// folder holding exactly one app file) is read by what it imports — `fal` or `modal`. The
// frontends themselves never guess; this is the only place that chooses.
//
// This module is light on purpose (node:fs and the finding type): the CLI chooses first and then
// imports only the frontend the path needs (`loadProject`), so `inspect` of a Cog folder never
// loads the fal, Modal and pydantic readers (nor the Dockerfile pruner they use). The synchronous
// `readProject` for the library is in ./read-project.ts.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { finding } from '../findings/finding.js';
import type { ReadOptions, ReadResult } from './cog/index.js';
import type { AppReadOptions } from './shared/app-ir.js';

export type { ReadResult } from './cog/index.js';
export type Platform = 'fal' | 'modal';

/** What reads a path: the Cog frontend, one app frontend, or nothing (with the reason). */
export type FrontendChoice =
  | { kind: 'cog'; path: string; options: ReadOptions }
  | { kind: 'app'; platform: Platform; root: string; file: string }
  | { kind: 'refused'; findings: ReadResult['findings'] };

/** The platform a Python source imports (`import fal`, `from modal import App`), if any. */
export function platformOf(source: string): Platform | undefined {
  const fal = /^\s*(?:import\s+fal\b|from\s+fal(?:\.[\w.]+)?\s+import\b)/m.test(source);
  const modal = /^\s*(?:import\s+modal\b|from\s+modal(?:\.[\w.]+)?\s+import\b)/m.test(source);
  return fal ? 'fal' : modal ? 'modal' : undefined;
}

function sourceHead(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(0, 256 * 1024);
  } catch {
    return '';
  }
}

/**
 * The folder an app file is imported from: its own, unless the file is part of a package, as
 * multi-file apps are (`from .common import app`, or `from app.common import app` beside an
 * __init__.py). Python then imports it as `pkg.module` from the folder above (Modal:
 * `modal deploy -m pkg.module`), so that folder is the project: every `__init__.py` folder up,
 * and at least as many levels as the file's deepest relative import needs (a namespace package).
 */
function packageRoot(file: string, source: string): string {
  // A relative import counts where the module it names is there (`from .common import app` and a
  // common.py beside the file): a dangling one is the app's error, no reason to widen the project.
  let levels = 0;
  for (const m of source.matchAll(/^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import\b/gm)) {
    let base = dirname(file);
    for (let i = 1; i < m[1]!.length; i++) base = dirname(base);
    const target = m[2] ? join(base, ...m[2].split('.')) : base;
    if (existsSync(`${target}.py`) || existsSync(target)) levels = Math.max(levels, m[1]!.length);
  }
  let root = dirname(file);
  for (let up = 0; up < 8; up++) {
    const inPackage = existsSync(join(root, '__init__.py')) || up < Math.min(levels, 3);
    const parent = dirname(root);
    // Never the file system's root: that would make the whole disk the project.
    if (!inPackage || dirname(parent) === parent) break;
    root = parent;
  }
  return root;
}

/** Chooses the frontend for a Cog project folder, a fal/Modal app file, or a folder holding one app file. */
export function chooseFrontend(path: string, options: ReadOptions = {}): FrontendChoice {
  const full = resolve(path);
  // A variant is always one of a Cog project's (select script or cog-safe-push-configs/).
  if (options.variant !== undefined) return { kind: 'cog', path, options: { variant: options.variant } };
  if (existsSync(full) && statSync(full).isFile()) {
    const platform = platformOf(sourceHead(full));
    if (!platform) {
      return { kind: 'refused', findings: [finding('CM800', `${basename(full)} imports neither fal nor modal, so it is not an app cog-migrate reads`, { file: basename(full) })] };
    }
    const root = packageRoot(full, sourceHead(full));
    return { kind: 'app', platform, root, file: relative(root, full).split(sep).join('/') };
  }
  if (!existsSync(full) || !statSync(full).isDirectory() || existsSync(join(full, 'cog.yaml'))) return { kind: 'cog', path, options: {} };
  const apps = readdirSync(full).filter((n) => n.endsWith('.py')).sort()
    .map((n) => ({ file: n, platform: platformOf(sourceHead(join(full, n))) }))
    .filter((a): a is { file: string; platform: Platform } => a.platform !== undefined);
  if (apps.length === 0) return { kind: 'cog', path, options: {} };
  if (apps.length > 1) {
    return { kind: 'refused', findings: [finding('CM822', `${path} holds ${apps.length} fal/Modal app files (${apps.map((a) => a.file).join(', ')}) and no cog.yaml`, { file: apps[0]!.file })] };
  }
  return { kind: 'app', platform: apps[0]!.platform, root: full, file: apps[0]!.file };
}

/** Reads what `path` holds, importing only the frontend it needs (the CLI's way in). */
export async function loadProject(path: string, options: AppReadOptions & ReadOptions = {}): Promise<ReadResult> {
  const choice = chooseFrontend(path, options);
  if (choice.kind === 'refused') return { findings: choice.findings };
  if (choice.kind === 'cog') return (await import('./cog/index.js')).readCog(choice.path, choice.options);
  return (await import('./apps.js')).readApp(choice.platform, choice.root, choice.file, options);
}
