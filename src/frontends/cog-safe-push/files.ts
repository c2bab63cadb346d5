// Which cog-safe-push config files a project has: a file listing only, without reading or
// parsing them, so that batch discovery (which counts a project's variants) stays light.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SAFE_PUSH_FILE = 'cog-safe-push.yaml';
export const SAFE_PUSH_VARIANTS_DIR = 'cog-safe-push-configs';
/** More variant files than this is not a model's config folder; the rest are not read. */
const MAX_VARIANTS = 200;

/** The config files of a project, project-relative, in a stable order. */
export function safePushFiles(root: string): { file: string; variant?: string }[] {
  const out: { file: string; variant?: string }[] = [];
  if (existsSync(join(root, SAFE_PUSH_FILE))) out.push({ file: SAFE_PUSH_FILE });
  const dir = join(root, SAFE_PUSH_VARIANTS_DIR);
  let names: string[] = [];
  try {
    // Most projects have no such folder: no exception (and its stack trace) for that.
    if (lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
  for (const name of names.slice(0, MAX_VARIANTS)) {
    const m = /^(.+)\.ya?ml$/.exec(name);
    if (m?.[1]) out.push({ file: `${SAFE_PUSH_VARIANTS_DIR}/${name}`, variant: m[1] });
  }
  return out;
}
