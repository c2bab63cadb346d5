// Discovers the hostile cases under fixtures-hostile/ (every folder with a case.json; the format
// is documented in fixtures-hostile/README.md) and prepares one for a run: a fresh work folder,
// the input copied with symlinks kept as written and @@WORK@@ replaced by the work folder's
// path, then the case's generator (for inputs too big, or too strange, for git).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const HOSTILE = resolve(import.meta.dirname, '../../fixtures-hostile');

export interface HostileStep {
  /** CLI arguments; {input}, {out} and {work} are replaced by the prepared paths. */
  args: string[];
  /** Exit codes this step may end with; default [0, 1]. 3 (internal fault) is never allowed. */
  exit?: number[];
  /** Regular expressions (JavaScript source, flag m) the step's stdout must not match. */
  stdoutNot?: string[];
}

export interface HostileCase {
  description: string;
  /** Default: one step, `{input} --to fal --out {out}`. */
  steps?: HostileStep[];
  /** Codes that must each be printed at least once by some step. */
  expectCodes?: string[];
  /** Codes that must not be printed by any step. */
  absentCodes?: string[];
  /** Paths (relative to the work folder) that must not exist after the run: side-effect markers. */
  markers?: string[];
  /** Upper bound on the printed findings of one step (a flood is a failure too). Default 200. */
  maxFindings?: number;
  /** Per step. Defaults: 20 s, 512 MB. */
  timeoutMs?: number;
  maxRssMb?: number;
}

export interface DiscoveredCase {
  name: string;
  dir: string;
  spec: HostileCase;
}

const KEYS = new Set(['description', 'steps', 'expectCodes', 'absentCodes', 'markers', 'maxFindings', 'timeoutMs', 'maxRssMb', 'issue']);

export function hostileCases(): DiscoveredCase[] {
  return readdirSync(HOSTILE)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_') && existsSync(join(HOSTILE, name, 'case.json')))
    .sort()
    .map((name) => {
      const dir = join(HOSTILE, name);
      const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as HostileCase;
      const unknown = Object.keys(spec).filter((k) => !KEYS.has(k));
      if (unknown.length > 0) throw new Error(`fixtures-hostile/${name}/case.json: unknown keys ${unknown.join(', ')}`);
      if (typeof spec.description !== 'string' || spec.description === '') throw new Error(`fixtures-hostile/${name}/case.json: description is required`);
      return { name, dir, spec };
    });
}

export interface PreparedCase {
  work: string;
  input: string;
  out: string;
}

/** A fresh work folder holding `input/` (copied and/or generated); `out` does not exist yet. */
export function prepareCase(c: DiscoveredCase): PreparedCase {
  const work = mkdtempSync(join(tmpdir(), `cogm-hostile-${c.name}-`));
  const input = join(work, 'input');
  const out = join(work, 'out');
  if (existsSync(join(c.dir, 'input'))) {
    cpSync(join(c.dir, 'input'), input, { recursive: true, verbatimSymlinks: true });
    substituteWork(input, work);
  } else mkdirSync(input);
  const generator = join(c.dir, 'generate.mjs');
  if (existsSync(generator)) {
    const r = spawnSync(process.execPath, [generator, input, work], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`fixtures-hostile/${c.name}/generate.mjs failed (${r.status ?? r.signal}): ${r.stderr}`);
  }
  return { work, input, out };
}

function substituteWork(dir: string, work: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) substituteWork(p, work);
    else if (st.isFile() && statSync(p).size < 1024 * 1024) {
      const text = readFileSync(p, 'latin1');
      if (text.includes('@@WORK@@')) writeFileSync(p, text.split('@@WORK@@').join(work), 'latin1');
    }
  }
}

export function fillArgs(args: readonly string[], p: PreparedCase): string[] {
  return args.map((a) => a.split('{input}').join(p.input).split('{out}').join(p.out).split('{work}').join(p.work));
}
