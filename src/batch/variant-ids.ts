// The variants a batch discovers in a project (issue 13), by file names and the select script's
// text only: discovery runs in batch's main thread, which must not load the reader (yaml,
// tree-sitter); src/frontends/cog/variant.ts reads each variant in the workers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { safePushFiles } from '../frontends/cog-safe-push/files.js';
import { readSelectScript } from '../frontends/select-model/script.js';

/** Whether the folder is a Cog project: a cog.yaml, or a select script that makes one (or tried to). */
export function isCogProject(dir: string): boolean {
  if (existsSync(join(dir, 'cog.yaml'))) return true;
  const select = readSelectScript(dir);
  return select !== undefined && ('plan' in select || select.unreadable.files.length > 0);
}

/**
 * The variants of the project at `dir`: every one its select script can make live, else its
 * cog-safe-push-configs/ names when there are two or more.
 */
export function variantsOf(dir: string): string[] {
  const select = readSelectScript(dir);
  if (select && 'plan' in select) return select.plan.variants;
  const variants = safePushFiles(dir).flatMap((f) => (f.variant !== undefined ? [f.variant] : []));
  return variants.length >= 2 ? variants : [];
}

/** The batch id of one variant: the project's id and the variant's name. */
export function variantId(projectId: string, variant: string): string {
  return `${projectId}@${variant}`;
}
