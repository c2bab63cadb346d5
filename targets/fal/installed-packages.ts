// What the image installs, as the fal build rules need it: the requirement lines and the packages
// each build.run `pip install` names, in build order, with the version each one pins (if any).
// Read statically from the IR; a `pip install -r FILE` or a local path is not followed.

import type { CogIR, SourceLocation } from '../../src/ir/types.js';
import { shellCommands } from '../../src/frontends/shared/shell-words.js';
import { packageName } from '../../src/dockerfile/requirements.js';

export interface InstalledPackage {
  /** Normalised name: lower case, `_` as `-`. */
  name: string;
  /** The exact version of a `==` pin, without a local `+cu121` suffix; absent when not pinned. */
  pinned?: string;
  /** The word or line as written (`xformers`, `torch==2.1.0`). */
  written: string;
  /** Where it is installed: the requirements, or a build.run step. */
  from: 'requirements' | 'run';
  loc: SourceLocation;
}

/** pip options that take a value, so the next word is not a package. */
const VALUE_OPTIONS = new Set(['-f', '--find-links', '-i', '--index-url', '--extra-index-url', '-c', '--constraint', '-t', '--target', '--prefix', '--root', '-C', '--config-settings', '--platform', '--python-version', '--implementation', '--abi', '--cache-dir', '--src', '--upgrade-strategy', '--progress-bar', '--trusted-host', '--proxy', '--timeout', '--retries', '--log', '--only-binary', '--no-binary', '-r', '--requirement', '-e', '--editable']);

export const normName = (name: string): string => name.toLowerCase().replace(/_/g, '-');

/** The exact `==X` pin of a requirement word, without a local version suffix. */
export function exactPin(written: string): string | undefined {
  const at = written.indexOf('==');
  if (at < 0 || written.includes(',')) return undefined;
  const version = written.slice(at + 2).trim().split(/[\s;+]/)[0] ?? '';
  return /^\d[\w.]*$/.test(version) ? version : undefined;
}

/** Packages named by the `pip install` commands of one shell line (`pip`, `pip3`, `python -m pip`, `uv pip`). */
export function pipInstallWords(command: string): string[] {
  const out: string[] = [];
  for (const words of shellCommands(command)) {
    const at = words.findIndex((w, n) => w === 'install' && /(^|\/)pip[\d.]*$/.test(words[n - 1] ?? ''));
    if (at < 0) continue;
    for (let n = at + 1; n < words.length; n++) {
      const w = words[n]!;
      if (VALUE_OPTIONS.has(w)) { n++; continue; }
      if (w.startsWith('git+')) { if (repositoryName(w)) out.push(w); continue; }
      if (w.startsWith('-') || w.startsWith('.') || w.startsWith('/') || w.includes('://') || w.endsWith('.whl')) continue;
      if (packageName(w) !== '') out.push(w);
    }
  }
  return out;
}

/** The package a bare VCS URL installs, by its repository's name (`git+https://github.com/m-bain/whisperX.git@abc` -> whisperX). */
export function repositoryName(url: string): string | undefined {
  if (!url.startsWith('git+')) return undefined;
  const path = url.split('#')[0]!.split('@').slice(0, url.startsWith('git+ssh') ? 2 : 1).join('@');
  const last = path.split('/').pop()?.replace(/\.git$/, '');
  return last && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(last) ? last : undefined;
}

/** Every package the build installs, in Cog's order: pre_install, the requirements, build.run. */
export function installedPackages(ir: CogIR): InstalledPackage[] {
  const fromSteps = (steps: CogIR['build']['run']): InstalledPackage[] => steps.flatMap((step) => pipInstallWords(step.command).map((w) => {
    const pinned = w.startsWith('git+') ? undefined : exactPin(w);
    const name = w.startsWith('git+') ? repositoryName(w)! : packageName(w).split('[')[0]!;
    return { name: normName(name), ...(pinned ? { pinned } : {}), written: w, from: 'run' as const, loc: step.loc };
  }));
  const requirements = ir.build.pythonRequirements.flatMap((r): InstalledPackage[] => {
    const name = r.name ?? (r.url ? repositoryName(r.url) : undefined);
    if (r.kind === 'option' || !name) return [];
    const pinned = r.kind === 'package' ? exactPin(`${name}${r.specifier ?? ''}`) : undefined;
    return [{ name: normName(name), ...(pinned ? { pinned } : {}), written: r.raw, from: 'requirements', loc: r.loc }];
  });
  return [...fromSteps(ir.build.preInstall), ...requirements, ...fromSteps(ir.build.run)];
}
