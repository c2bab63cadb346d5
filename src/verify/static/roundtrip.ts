// Static level: Cog -> IR -> Cog must give back the identical OpenAPI schema. The schemas come
// from a hook (the OpenAPI module lives in src/ir); this module only compares and reports the
// first place where they differ.

import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';

/** The JSON path of the first difference, or undefined when `a` and `b` are equal as JSON. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

export async function checkRoundTrip(hook: () => Promise<{ before: unknown; after: unknown }> | { before: unknown; after: unknown }): Promise<Finding[]> {
  let schemas: { before: unknown; after: unknown };
  try {
    schemas = await hook();
  } catch (err) {
    return [finding('CM503', `the OpenAPI round trip could not run: ${err instanceof Error ? err.message : String(err)}`)];
  }
  const diff = firstDifference(schemas.before, schemas.after);
  return diff ? [finding('CM505', `the OpenAPI schema differs after Cog -> IR -> Cog, first at ${diff}`)] : [];
}
