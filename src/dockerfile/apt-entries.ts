// One build.system_packages entry, read apart. Cog joins the entries with spaces into
// `apt-get install -qqy <entries>`, so an entry may carry apt-get options (`fluidsynth
// --fix-missing`) or several packages, and apt reads them as written. An entry passes when every
// word is a Debian package name, an apt-get option apt knows, or that option's value; anything a
// shell would read as syntax (`&&`, `;`, `|`, `$(...)`, quotes, redirections) is refused.

import { isAptPackage } from './quote.js';

/** apt-get(8) options, long and short, that `apt-get install` accepts. */
const APT_OPTIONS: ReadonlySet<string> = new Set([
  '-d', '--download-only', '-f', '--fix-broken', '-m', '--ignore-missing', '--fix-missing', '--no-download',
  '-q', '--quiet', '-qq', '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act',
  '-y', '--yes', '--assume-yes', '-qqy', '--assume-no', '--no-show-upgraded', '-V', '--verbose-versions',
  '-a', '--host-architecture', '-P', '--build-profiles', '--ignore-hold', '--with-new-pkgs', '--no-upgrade',
  '--only-upgrade', '--allow-downgrades', '--allow-remove-essential', '--allow-change-held-packages',
  '--force-yes', '--print-uris', '--purge', '--reinstall', '-t', '--target-release', '--default-release',
  '--trivial-only', '--no-remove', '--auto-remove', '--autoremove', '--allow-unauthenticated',
  '--no-install-recommends', '--install-recommends', '--install-suggests', '--no-install-suggests',
  '-o', '--option', '-c', '--config-file', '--show-progress', '--fix-policy',
]);
/** Options whose value is the next word when it is not written with `=`. */
const TAKES_VALUE: ReadonlySet<string> = new Set(['-a', '--host-architecture', '-P', '--build-profiles', '-t', '--target-release', '--default-release', '-o', '--option', '-c', '--config-file', '-q', '--quiet']);
const NEEDS_VALUE: ReadonlySet<string> = new Set([...TAKES_VALUE].filter((o) => o !== '-q' && o !== '--quiet'));
/** Characters an apt option value may have without a shell reading anything into it. */
const VALUE = /^[A-Za-z0-9._:/+=~@-]+$/;

export type AptEntry =
  | { ok: true; packages: string[]; options: string[] }
  | { ok: false; why: string };

/** Reads one entry; `options` are the apt-get options (with their values) in the order written. */
export function readAptEntry(entry: string): AptEntry {
  const words = entry.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { ok: false, why: 'the entry is empty' };
  const packages: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-')) {
      if (!isAptPackage(word)) return { ok: false, why: VALUE.test(word) ? `${JSON.stringify(word)} is not a package name` : `${JSON.stringify(word)} is shell syntax, not a package name` };
      packages.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq === -1 ? word : word.slice(0, eq);
    if (!APT_OPTIONS.has(name)) return { ok: false, why: `${JSON.stringify(word)} is not an option apt-get install knows` };
    if (eq !== -1 && !VALUE.test(word.slice(eq + 1))) return { ok: false, why: `the value of ${name} is shell syntax` };
    if (eq === -1 && NEEDS_VALUE.has(name)) {
      const value = words[i + 1];
      if (value === undefined || !VALUE.test(value)) return { ok: false, why: `${name} needs a plain value after it` };
      options.push(`${word} ${value}`);
      i++;
      continue;
    }
    options.push(word);
  }
  if (packages.length === 0) return { ok: false, why: 'the entry names no package' };
  return { ok: true, packages, options };
}

/** The package names of the entries that read as apt input (for rules keyed on a package name). */
export function aptPackageNames(entries: readonly string[]): string[] {
  return entries.flatMap((e) => {
    const read = readAptEntry(e);
    return read.ok ? read.packages : [];
  });
}
