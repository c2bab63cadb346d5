// Structural differences between two JSON values, one entry per differing leaf.
// An object key missing on one side is a difference with `undefined` on that side; arrays of
// different length, or with different items, are one difference at the array itself.

export type JsonLike = unknown;

export interface JsonDifference {
  path: string[];
  ours: JsonLike;
  theirs: JsonLike;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function jsonEqual(a: unknown, b: unknown): boolean {
  return jsonDiff(a, b).length === 0;
}

export function jsonDiff(ours: unknown, theirs: unknown, path: string[] = []): JsonDifference[] {
  if (isObject(ours) && isObject(theirs)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
    return keys.flatMap((k) => jsonDiff(ours[k], theirs[k], [...path, k]));
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length === theirs.length && ours.every((o, i) => jsonEqual(o, theirs[i]))) return [];
    return [{ path, ours, theirs }];
  }
  return Object.is(ours, theirs) || ours === theirs ? [] : [{ path, ours, theirs }];
}

export const showPath = (path: string[]): string => path.map((p) => (/^[A-Za-z_][\w-]*$/.test(p) ? p : JSON.stringify(p))).join('.');
