// The variants a batch discovers in a project (issue 13), by file name only: discovery runs in
// batch's main thread, which must not load the reader (yaml, tree-sitter); src/batch/variants.ts
// builds each variant's IR in the workers.
import { safePushFiles } from '../frontends/cog-safe-push/files.js';

/** The variants of the project at `dir`: its cog-safe-push-configs/ names, when there are two or more. */
export function variantsOf(dir: string): string[] {
  const variants = safePushFiles(dir).flatMap((f) => (f.variant !== undefined ? [f.variant] : []));
  return variants.length >= 2 ? variants : [];
}

/** The batch id of one variant: the project's id and the variant's name. */
export function variantId(projectId: string, variant: string): string {
  return `${projectId}@${variant}`;
}
