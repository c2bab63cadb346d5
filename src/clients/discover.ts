// Finds the application source files under the PATH arguments: TypeScript, JavaScript and
// Python, never following symbolic links (so nothing outside PATH is read or written) and
// skipping dependency, build and VCS folders.

import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';

export type SourceLanguage = 'ts' | 'js' | 'python';

export interface SourceFile {
  /** Real path of the PATH argument the file was found under (a folder, or the file itself). */
  root: string;
  /** Real absolute path of the file. */
  absPath: string;
  /** Path shown to the user: the argument as given joined with the path below it. */
  display: string;
  language: SourceLanguage;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', '.next', '.nuxt', '.turbo', '.vercel', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', 'site-packages']);

export function languageOf(path: string): SourceLanguage | undefined {
  if (/\.d\.[cm]?ts$/.test(path)) return undefined;
  if (/\.(ts|tsx|mts|cts)$/.test(path)) return 'ts';
  if (/\.(js|jsx|mjs|cjs)$/.test(path)) return 'js';
  if (/\.py$/.test(path)) return 'python';
  return undefined;
}

export function discoverSources(paths: readonly string[]): { files: SourceFile[]; findings: Finding[] } {
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let root: string;
    try {
      root = realpathSync(resolve(given));
    } catch {
      findings.push(finding('CM701', `${given} does not exist`, { file: given }));
      continue;
    }
    const add = (absPath: string, display: string) => {
      const language = languageOf(absPath);
      if (!language || seen.has(absPath)) return;
      seen.add(absPath);
      files.push({ root, absPath, display, language });
    };
    const top = lstatSync(root);
    if (top.isFile()) {
      if (!languageOf(root)) findings.push(finding('CM701', `${given} is not a TypeScript, JavaScript or Python file`, { file: given }));
      add(root, given);
      continue;
    }
    if (!top.isDirectory()) {
      findings.push(finding('CM701', `${given} is neither a file nor a folder`, { file: given }));
      continue;
    }
    const walk = (dir: string) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (e) {
        findings.push(finding('CM701', `cannot read ${dir}: ${(e as Error).message}`, { file: displayOf(given, root, dir) }));
        return;
      }
      for (const name of names) {
        const p = join(dir, name);
        const st = lstatSync(p);
        if (st.isSymbolicLink()) continue; // a link may lead outside PATH: never followed
        if (st.isDirectory()) {
          if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p);
        } else if (st.isFile()) {
          add(p, displayOf(given, root, p));
        }
      }
    };
    walk(root);
  }
  return { files, findings };
}

function displayOf(given: string, root: string, p: string): string {
  const rel = relative(root, p).split(sep).join('/');
  const base = given.replace(/\/+$/, '') || given;
  return rel ? `${base}/${rel}` : basename(p);
}
