// The requirements.txt Cog stages for `pip install -r`: torch/torchvision/tensorflow pins
// rewritten to the wheel index for the build's CUDA (or the CPU index), index options hoisted
// to the top, and the cog/coglet SDK removed (Cog installs it itself).

import { tfFor, torchCpu, torchGpu, torchvisionCpu, torchvisionGpu, type WheelChoice } from './tables.js';
import { verEqual } from './version.js';
import { RE2JS } from 're2js';

/** Cog's name extraction: the leading name (with extras) of a requirement line. */
export function packageName(line: string): string {
  return /^([a-zA-Z0-9_\-.]+(?:\[[^\]]+\])?)/.exec(line)?.[1] ?? '';
}

/** Every version-like token of a line: specifiers, then an `@ url`. */
export function versions(line: string): string[] {
  const out = [...line.matchAll(/[<>=!~]=?\s*([^\s,;|]+)/g)].map((m) => m[1]!);
  const url = /@\s*([^\s]+)/.exec(line);
  if (url) out.push(url[1]!);
  return out;
}

/** The version Cog reads for `name` (first spec of the first line naming it). */
export function packageVersion(lines: readonly string[], name: string): { found: boolean; version: string } {
  for (const line of lines) {
    if (isLocalArtifact(line)) continue;
    if (packageName(line) === name) return { found: true, version: versions(line)[0] ?? '' };
  }
  return { found: false, version: '' };
}

function isRemote(s: string): boolean {
  return s.includes('://') || s.startsWith('git+');
}
function isLocalPath(s: string): boolean {
  return s.startsWith('/') || s.startsWith('./') || s.startsWith('../');
}
function hasArtifactSuffix(s: string): boolean {
  return /\.(whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/i.test(s);
}

/** A line naming a local wheel or source archive, which Cog stages from the project. */
export function isLocalArtifact(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.startsWith('-') || /\s--?\w/.test(t) || isRemote(t)) return false;
  return isLocalPath(t) || hasArtifactSuffix(t);
}

/**
 * The requirement lines as Cog reads them: from a requirements file, `-e .` is dropped and
 * everything from the first `#` is cut (Cog does so even inside URLs, e.g. `#egg=`); the
 * legacy python_packages list is taken as written.
 */
export function cogRequirementLines(raw: readonly string[], fromFile: boolean): string[] {
  if (!fromFile) return [...raw];
  const out: string[] = [];
  for (const r of raw) {
    let line = r.trim();
    if (line.startsWith('#') || /^-e\s+\.\s*$/.test(line)) continue;
    const i = line.indexOf('#');
    if (i >= 0) line = line.slice(0, i).trim();
    if (line !== '') out.push(line);
  }
  return out;
}

interface Pinned {
  name: string;
  version: string;
  findLinks: string[];
  extraIndexUrls: string[];
}

// Cog's own expression, run on re2js (Go's linear engine, as Cog runs it): in JavaScript's
// backtracking engine a 35 KB line of letters without `==` took 13 s.
// Compiled on first use: compiling costs more than `inspect` spends on a whole small project.
let pinned: RE2JS | undefined;
const pinnedPattern = () => (pinned ??= RE2JS.compile('(?:([a-zA-Z0-9\\-_]+)==([^ ]+)|--find-links=([^\\s]+)|-f\\s+([^\\s]+)|--extra-index-url=([^\\s]+))'));

/** `name==version` plus inline index options, as Cog's pinned-requirement split reads them. */
export function splitPinned(line: string): Pinned | undefined {
  let name: string | undefined;
  let version: string | undefined;
  const findLinks: string[] = [];
  const extraIndexUrls: string[] = [];
  const matcher = pinnedPattern().matcher(line);
  while (matcher.find()) {
    const m = [matcher.group(0), matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4), matcher.group(5)];
    if (m[1]) name = m[1];
    if (m[2]) version = m[2];
    if (m[3]) findLinks.push(m[3]);
    if (m[4]) findLinks.push(m[4]);
    if (m[5]) extraIndexUrls.push(m[5]);
  }
  if (name === undefined || version === undefined) return undefined;
  return { name, version, findLinks, extraIndexUrls };
}

export interface RequirementsContext {
  gpu: boolean;
  /** The completed CUDA version ('' on CPU builds). */
  cuda: string;
}

export interface StagedRequirements {
  /** The file's text exactly as Cog writes it ('' when there is nothing to install). */
  text: string;
  /** Lines naming cog or coglet, which Cog drops with a warning. */
  droppedManaged: string[];
  /** Per input line, what Cog turned it into (for the explain view). */
  rewrites: { from: string; to: string }[];
}

function archPackage(line: string, ctx: RequirementsContext): { pkg: string; findLinks: string[]; extra: string[] } {
  if (isLocalArtifact(line)) return { pkg: line, findLinks: [], extra: [] };
  const pinned = splitPinned(line);
  if (!pinned) return { pkg: line, findLinks: [], extra: [] };
  if (pinned.extraIndexUrls.length > 0) {
    return { pkg: `${pinned.name}==${pinned.version}`, findLinks: pinned.findLinks, extra: pinned.extraIndexUrls };
  }
  let { name, version } = pinned;
  let choice: WheelChoice | undefined;
  if (name === 'tensorflow' && ctx.gpu) {
    const row = tfFor(version);
    if (row && verEqual(row.CUDA, ctx.cuda)) {
      const gpuPinned = splitPinned(row.TFGPUPackage);
      name = gpuPinned?.name ?? '';
      version = gpuPinned?.version ?? '';
    } else {
      // Cog's fallback yields an empty requirement here; it has warned about the CUDA already.
      name = '';
      version = '';
    }
  } else if (name === 'torch') {
    choice = ctx.gpu ? torchGpu(version, ctx.cuda) : torchCpu(version);
  } else if (name === 'torchvision') {
    choice = ctx.gpu ? torchvisionGpu(version, ctx.cuda) : torchvisionCpu(version);
  }
  if (choice) version = choice.version;
  const pkg = version !== '' ? `${name}==${version}` : name;
  return {
    pkg,
    findLinks: choice?.findLinks ? [choice.findLinks] : pinned.findLinks,
    extra: choice?.extraIndexUrl ? [choice.extraIndexUrl] : [],
  };
}

/** Builds the staged requirements.txt from the requirement lines as the user wrote them. */
export function stageRequirements(lines: readonly string[], ctx: RequirementsContext): StagedRequirements {
  const packages: string[] = [];
  const findLinks = new Set<string>();
  const extra = new Set<string>();
  const rewrites: { from: string; to: string }[] = [];
  for (const line of lines) {
    const r = archPackage(line, ctx);
    packages.push(r.pkg);
    r.findLinks.forEach((f) => findLinks.add(f));
    r.extra.forEach((u) => extra.add(u));
    if (r.pkg !== line) rewrites.push({ from: line, to: r.pkg });
  }
  // Cog keeps these in Go maps (unordered); with more than one we sort so output is stable.
  const head = [...[...findLinks].sort().map((f) => `--find-links ${f}`), ...[...extra].sort().map((u) => `--extra-index-url ${u}`)];
  const droppedManaged: string[] = [];
  const kept = [...head, ...packages].filter((line) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('-')) return true;
    const base = (packageName(t).split('[')[0] ?? '').toLowerCase();
    if (base === 'cog' || base === 'coglet') {
      droppedManaged.push(t);
      return false;
    }
    return true;
  });
  return { text: kept.join('\n'), droppedManaged, rewrites };
}
