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
      if (w.startsWith('-') || w.startsWith('.') || w.startsWith('/') || w.includes('://') || w.endsWith('.whl')) continue;
      if (packageName(w) !== '') out.push(w);
    }
  }
  return out;
}

/** Every package the build installs, in Cog's order: pre_install, the requirements, build.run. */
export function installedPackages(ir: CogIR): InstalledPackage[] {
  const fromSteps = (steps: CogIR['build']['run']): InstalledPackage[] => steps.flatMap((step) => pipInstallWords(step.command).map((w) => {
    const pinned = exactPin(w);
    return { name: normName(packageName(w).split('[')[0]!), ...(pinned ? { pinned } : {}), written: w, from: 'run' as const, loc: step.loc };
  }));
  const requirements = ir.build.pythonRequirements.flatMap((r): InstalledPackage[] => {
    if (r.kind !== 'package' || !r.name) return [];
    const pinned = exactPin(`${r.name}${r.specifier ?? ''}`);
    return [{ name: normName(r.name), ...(pinned ? { pinned } : {}), written: r.raw, from: 'requirements', loc: r.loc }];
  });
  return [...fromSteps(ir.build.preInstall), ...requirements, ...fromSteps(ir.build.run)];
}
