// build.run pip installs that a package's own "skip CUDA build" variable turns into a plain
// Python install (`FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation`).
// Such a step compiles nothing, so its `--no-build-isolation` or package name must not count as a
// CUDA build. The variables are data (data/cuda-need.json, each checked in the package's setup.py).

import needData from './data/cuda-need.json' with { type: 'json' };
import { packageName } from './requirements.js';
import { pushAll } from '../util/push-all.js';

interface SkipVariable {
  packages: string[];
  pulls: string[];
  source: string;
}

const SKIP: Record<string, SkipVariable> = needData.skipCudaBuildVariables;

/** pip options that take a value (so the next word is not a package). */
const VALUE_OPTIONS = new Set(['-f', '--find-links', '-i', '--index-url', '--extra-index-url', '-c', '--constraint', '-t', '--target', '--prefix', '--root', '-C', '--config-settings', '--platform', '--python-version', '--implementation', '--abi', '--cache-dir', '--src', '--upgrade-strategy', '--progress-bar', '--trusted-host', '--proxy', '--timeout', '--retries', '--log', '--only-binary', '--no-binary']);

const norm = (name: string) => name.toLowerCase().replace(/_/g, '-');
const unquote = (w: string) => w.replace(/^(['"])(.*)\1$/, '$2');

/** The package names of one `pip install` segment, or undefined when it cannot tell (`-r`, local paths). */
function pipPackages(words: string[]): { packages: string[]; noDeps: boolean } | undefined {
  // `pip install`, `pip3.11 install`, `python -m pip install`, `uv pip install`.
  const at = words.findIndex((w, n) => w === 'install' && /(^|\/)pip[\d.]*$/.test(words[n - 1] ?? ''));
  if (at < 0) return undefined;
  const packages: string[] = [];
  let noDeps = false;
  for (let n = at + 1; n < words.length; n++) {
    const w = unquote(words[n]!);
    if (w === '-r' || w === '--requirement' || w === '-e' || w === '--editable') return undefined;
    if (w === '--no-deps') noDeps = true;
    if (VALUE_OPTIONS.has(w)) { n++; continue; }
    if (w.startsWith('-')) continue;
    const name = packageName(w);
    if (!name || w.startsWith('.') || w.startsWith('/') || w.includes('://')) return undefined;
    packages.push(norm(name.split('[')[0]!));
  }
  return packages.length > 0 ? { packages, noDeps } : undefined;
}

/**
 * `cmd` without the shell segments that pip-install only packages whose skip variable is set to
 * TRUE in that step (as a prefix or an earlier `export`), with the variables that did it.
 */
export function withoutSkippedBuilds(cmd: string): { rest: string; skipped: string[] } {
  const segments = cmd.split(/(&&|\|\||;|\|)/);
  const exported = new Set<string>();
  const skipped: string[] = [];
  const kept: string[] = [];
  for (const seg of segments) {
    const words = seg.trim().split(/\s+/).filter((w) => w !== '');
    const set = new Set(exported);
    let n = words[0] === 'export' ? 1 : 0;
    for (; n < words.length; n++) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(words[n]!);
      if (!m) break;
      if (SKIP[m[1]!] && unquote(m[2]!) === 'TRUE') set.add(m[1]!);
    }
    if (words[0] === 'export') { for (const v of set) exported.add(v); kept.push(seg); continue; }
    const pip = set.size > 0 ? pipPackages(words.slice(n)) : undefined;
    const covered = new Set([...set].flatMap((v) => SKIP[v]!.packages.map(norm)));
    const pulls = [...set].flatMap((v) => SKIP[v]!.pulls.map(norm));
    if (pip && pip.packages.every((p) => covered.has(p)) && (pip.noDeps || pulls.every((p) => covered.has(p)))) {
      pushAll(skipped, [...set].filter((v) => SKIP[v]!.packages.some((p) => pip.packages.includes(norm(p)))));
    } else kept.push(seg);
  }
  return { rest: kept.join(''), skipped };
}
