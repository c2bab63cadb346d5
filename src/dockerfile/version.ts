// Version arithmetic with the exact semantics of the pinned Cog release: `major.minor[.patch][+meta]`,
// where a version without a patch "matches" any patch of the same minor. Written from the
// behaviour described in docs/dockerfile.md, not translated from Cog's source.

export interface Ver {
  major: number;
  minor: number;
  patch?: number;
  meta: string;
}

// The compatibility tables compare the same few hundred version strings for every model: parse
// each once. Bounded, so hostile input cannot grow it without limit; the values are frozen, as
// every caller shares them.
const parsedVersions = new Map<string, Readonly<Ver> | undefined>();
const MAX_PARSED_VERSIONS = 4096;

export function parseVer(s: string): Readonly<Ver> | undefined {
  if (parsedVersions.has(s)) return parsedVersions.get(s);
  if (parsedVersions.size >= MAX_PARSED_VERSIONS) parsedVersions.clear();
  const v = parseVerUncached(s);
  const frozen = v && Object.freeze(v);
  parsedVersions.set(s, frozen);
  return frozen;
}

function parseVerUncached(s: string): Ver | undefined {
  const [number = '', meta = ''] = splitOnce(s, '+');
  const parts = number.split('.');
  if (parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const v: Ver = { major: Number(parts[0]), minor: parts.length >= 2 ? Number(parts[1]) : 0, meta };
  if (parts.length >= 3) v.patch = Number(parts[2]);
  return v;
}

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}

/** Same major and minor; patches must agree only when both sides give one. */
export function verMatches(a: string, b: string): boolean {
  const x = parseVer(a);
  const y = parseVer(b);
  if (!x || !y) return false;
  if (x.major !== y.major || x.minor !== y.minor) return false;
  return x.patch === undefined || y.patch === undefined || x.patch === y.patch;
}

export function verGreater(a: string, b: string): boolean {
  const x = parseVer(a);
  const y = parseVer(b);
  if (!x || !y) return false;
  if (x.major !== y.major) return x.major > y.major;
  if (x.minor !== y.minor) return x.minor > y.minor;
  return (x.patch ?? 0) > (y.patch ?? 0);
}

export function verEqualMinor(a: string, b: string): boolean {
  const x = parseVer(a);
  const y = parseVer(b);
  return !!x && !!y && x.major === y.major && x.minor === y.minor;
}

export function stripModifier(v: string): string {
  return v.split('+')[0] ?? v;
}

export function stripPatch(v: string): string {
  const x = parseVer(v);
  return x ? `${x.major}.${x.minor}` : v;
}

/** Same major, minor, patch (absent = 0) and metadata. */
export function verEqual(a: string, b: string): boolean {
  const x = parseVer(a);
  const y = parseVer(b);
  if (!x || !y) return a === b;
  return x.major === y.major && x.minor === y.minor && (x.patch ?? 0) === (y.patch ?? 0) && x.meta === y.meta;
}
