// Finds the Cog projects under the given paths: every folder holding a cog.yaml (or a select
// script that makes one live), also variants in subfolders of another project; a project whose
// select script can make several cog.yaml files live, or with several
// cog-safe-push-configs/<variant>.yaml, is one model per variant (./variant-ids.ts). Skips what is never a model: node_modules, .git and other dot
// folders, the batch's own output folder, and folders cog-migrate wrote earlier (a converted
// output carries the project's cog.yaml beside its migration.json).

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { isCogProject, variantId, variantsOf } from './variant-ids.js';

export interface ModelRef {
  /** Stable identity: the folder relative to the batch root, POSIX separators (`@variant` appended for one variant). */
  id: string;
  /** Absolute path of the project folder. */
  dir: string;
  /** One variant of a multi-variant project (a select script's, or cog-safe-push-configs/<variant>.yaml), with the project's id. */
  variant?: { name: string; project: string };
}

const SKIP_NAMES = new Set(['node_modules', '__pycache__', 'site-packages', '.venv', 'venv']);
const MAX_DEPTH = 12;

export interface Discovery {
  models: ModelRef[];
  /** The folder ids are relative to. */
  root: string;
  findings: Finding[];
}

export function discoverModels(paths: readonly string[], options: { exclude?: readonly string[] } = {}): Discovery {
  const findings: Finding[] = [];
  const roots = paths.map((p) => resolve(p));
  const root = commonRoot(roots);
  const exclude = new Set((options.exclude ?? []).map(realOr));
  const seen = new Set<string>();
  const models: ModelRef[] = [];
  const skipped: string[] = [];

  const visit = (dir: string, depth: number): void => {
    const real = realOr(dir);
    if (seen.has(real) || exclude.has(real)) return;
    seen.add(real);
    if (isEarlierOutput(dir)) {
      skipped.push(displayPath(root, dir));
      return;
    }
    if (isCogProject(dir)) {
      const id = idFor(root, dir);
      const variants = variantsOf(dir);
      if (variants.length === 0) models.push({ id, dir });
      for (const name of variants) models.push({ id: variantId(id, name), dir, variant: { name, project: id } });
    }
    if (depth >= MAX_DEPTH) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!e.isDirectory() || e.name.startsWith('.') || SKIP_NAMES.has(e.name)) continue;
      visit(join(dir, e.name), depth + 1);
    }
  };

  for (const r of roots) {
    if (!existsSync(r) || !statSync(r).isDirectory()) {
      findings.push(finding('CM002', `${displayPath(root, r)} is not a directory`));
      continue;
    }
    visit(r, 0);
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 3).join(', ') + (skipped.length > 3 ? ` and ${skipped.length - 3} more` : '');
    findings.push(finding('CM607', `skipped ${skipped.length} folder(s) written by cog-migrate: ${shown}`));
  }
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { models, root, findings };
}

/** A converted output (migration.json from cog-migrate) or a batch output (report.json). */
function isEarlierOutput(dir: string): boolean {
  for (const name of ['migration.json', 'report.json']) {
    const p = join(dir, name);
    if (!existsSync(p)) continue;
    try {
      const doc = JSON.parse(readFileSync(p, 'utf8')) as { tool?: { name?: string } };
      if (doc.tool?.name === 'cog-migrate') return true;
    } catch {
      // not ours
    }
  }
  return false;
}

function idFor(root: string, dir: string): string {
  const rel = relative(root, dir).split(sep).join('/');
  return rel === '' ? basename(dir) : rel;
}

function displayPath(root: string, p: string): string {
  return relative(root, p).split(sep).join('/') || '.';
}

/** The deepest folder holding every path; a single project folder's parent, so its id is its name. */
function commonRoot(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  let parts = paths[0]!.split(sep);
  for (const p of paths.slice(1)) {
    const q = p.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
