// The name a project's apps get on every target.
import { basename, dirname } from 'node:path';

// Folder names that say where a project sits rather than what it is.
const GENERIC_FOLDERS = new Set(['input', 'src', 'source', 'code', 'cog', 'project', 'app', '.']);

/**
 * A lower-case, dash-separated name usable as an app name on every target: the last segment
 * of `image:`/`model:` (`r8.im/acme/grayscale` -> `grayscale`) when cog.yaml gives one, else the
 * folder's name, or its parent's when the folder has a generic name like `src` or `input`.
 */
export function projectName(root: string, image?: string): string {
  const fromImage = image?.split('/').pop()?.split(':')[0];
  let folder = basename(root);
  if (GENERIC_FOLDERS.has(folder.toLowerCase())) folder = basename(dirname(root));
  return slug(fromImage ?? '') || slug(folder) || 'model';
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
