// Which Python module files a project has, and their text: each looked up once per run (one
// ModuleGraph), without a system call for the many candidates that are not there (`torch.py`,
// `numpy/__init__.py`): each folder is listed once, and only listed files are stat'ed, resolved
// (never leaving the project) and read.

import { join, posix } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { readProjectText, readResolvedText, realProjectRoot, resolveProjectPath, type ReadProblem } from '../fs/project-files.js';
import { decodeDeclared } from './encoding.js';

/** A file's text, or why it cannot be read. */
export type Source = { kind: 'text'; text: string } | { kind: 'read'; file: string; problem: ReadProblem; detail: string };

/** Project folders an absolute import also looks in, before and after the project root (sys.path). */
export interface SearchPath {
  first: string[];
  last: string[];
}

/** A folder with more entries than this is not listed (a dataset folder); its files are stat'ed. */
const MAX_LISTED_ENTRIES = 10_000;

export class ModuleFiles {
  private readonly sources = new Map<string, Source>();
  private readonly fileExists = new Map<string, boolean>();
  /** Real paths of the module files found, so that reading one does not resolve it again. */
  private readonly realPaths = new Map<string, string>();
  /** moduleFile answers by the importing file's folder, module and level. */
  private readonly moduleFiles = new Map<string, string | undefined>();
  private realRootCache?: { path: string | undefined };
  /** Names in each project folder (project-relative, '' the root); null when too many to keep. */
  private readonly listings = new Map<string, Set<string> | null>();
  /** Module files that exist but may not be read (a symlink leaving the project), with why. */
  readonly refused = new Map<string, string>();

  /**
   * `hiddenPaths`: project files (a folder ends in `/`) imports do not see; `maxFiles`: files read
   * before the rest count as too many.
   */
  constructor(readonly root: string, private readonly hiddenPaths: readonly string[], private readonly maxFiles: number) {}

  /** The text of a project file (once), or why it cannot be read. */
  source(file: string): Source {
    const cached = this.sources.get(file);
    if (cached) return cached;
    let result: Source;
    if (this.sources.size >= this.maxFiles) result = { kind: 'read', file, problem: 'too-large', detail: `more than ${this.maxFiles} local modules` };
    else {
      let read: ReturnType<typeof readProjectText>;
      try {
        const real = this.realPaths.get(file);
        read = real !== undefined ? readResolvedText(real, file) : readProjectText(this.root, file, undefined, this.realRoot());
        if (!read.ok && read.problem === 'not-utf8') {
          const declared = decodeDeclared(this.root, file);
          read = declared.ok ? { ok: true, text: declared.text, path: file } : { ok: false, problem: 'not-utf8', detail: declared.detail };
        }
      } catch (err) {
        // An unreadable root or a file vanishing mid-read: bad input, not a bug.
        read = { ok: false, problem: 'missing', detail: `${file} cannot be read (${err instanceof Error ? err.message : String(err)})` };
      }
      result = read.ok ? { kind: 'text', text: read.text } : { kind: 'read', file, problem: read.problem, detail: read.detail };
    }
    this.sources.set(file, result);
    return result;
  }

  /** The project folder with symlinks resolved, once per run. */
  private realRoot(): string | undefined {
    this.realRootCache ??= { path: realProjectRoot(this.root) };
    return this.realRootCache.path;
  }

  /**
   * Project-relative file for `module` imported at `level` from `fromFile`, if it is in the
   * project; `searchPath`: folders sys.path gains before and after the project root (sys-path.ts).
   */
  moduleFile(fromFile: string, module: string, level: number, searchPath?: SearchPath): string | undefined {
    const key = `${posix.dirname(fromFile)}\0${level}\0${module}${searchPath ? `\0${searchPath.first.join('\0')}\0\0${searchPath.last.join('\0')}` : ''}`;
    if (this.moduleFiles.has(key)) return this.moduleFiles.get(key);
    const file = this.candidates(fromFile, module, level, searchPath).find((c) => this.exists(c));
    this.moduleFiles.set(key, file);
    return file;
  }

  private exists(file: string): boolean {
    const hit = this.fileExists.get(file);
    if (hit !== undefined) return hit;
    let ok = false;
    if (this.hiddenPaths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p))) {
      this.fileExists.set(file, false);
      return false;
    }
    try {
      // Most candidates (`torch.py`, `numpy/__init__.py`) do not exist: the folder listings settle
      // those without a system call each; a stat and the full containment check run only for
      // files that are listed.
      const quick = this.listed(file) ? statSync(join(this.root, file), { throwIfNoEntry: false }) : undefined;
      if (quick) {
        const r = resolveProjectPath(this.root, file, this.realRoot());
        // The stat followed any symlink, so it describes the real file.
        ok = r.ok && quick.isFile();
        if (r.ok && ok) this.realPaths.set(file, r.path);
        if (!r.ok && r.problem === 'outside') this.refused.set(file, r.detail);
      }
    } catch {
      ok = false;
    }
    this.fileExists.set(file, ok);
    return ok;
  }

  /**
   * False when a folder listing shows that `file` (project-relative) is not there. Each folder is
   * listed once per run; a folder too big to keep in memory answers "maybe" (true).
   */
  private listed(file: string): boolean {
    const parts = file.split('/');
    let dir = '';
    for (const part of parts) {
      let names = this.listings.get(dir);
      if (names === undefined) {
        try {
          const entries = readdirSync(dir ? join(this.root, dir) : this.root);
          names = entries.length <= MAX_LISTED_ENTRIES ? new Set(entries) : null;
        } catch {
          names = new Set();
        }
        this.listings.set(dir, names);
      }
      if (names === null) return true;
      if (!names.has(part)) return false;
      dir = dir ? `${dir}/${part}` : part;
    }
    return true;
  }

  /**
   * Candidate files for a module, in lookup order, whether or not they exist; never above the
   * project root. Cog runs from the project root; a predictor in a subfolder also sees its own
   * folder when run as a script, so that is tried second.
   */
  candidates(fromFile: string, module: string, level: number, searchPath?: SearchPath): string[] {
    const parts = module ? module.split('.') : [];
    let bases: string[] = [];
    if (level > 0) {
      let dir = posix.dirname(fromFile);
      for (let i = 1; i < level; i++) dir = dir === '.' ? '..' : posix.dirname(dir);
      bases.push(dir);
    } else {
      bases.push('.');
      if (posix.dirname(fromFile) !== '.') bases.push(posix.dirname(fromFile));
      if (searchPath) bases = [...new Set([...searchPath.first, ...bases, ...searchPath.last])];
    }
    return bases.flatMap((base) => {
      const stem = posix.normalize(posix.join(base, ...parts));
      if (stem === '..' || stem.startsWith('../')) return [];
      return (parts.length ? [`${stem}.py`, `${stem}/__init__.py`] : [`${stem}/__init__.py`]).map((c) => posix.normalize(c));
    });
  }
}
