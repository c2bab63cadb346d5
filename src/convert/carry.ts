// The user's project travels unchanged into the output, as Cog's `COPY . /src` saw it: every
// file except what .dockerignore excludes, Cog's own state (.cog/) and version-control folders.
// Symlinks are carried only when they stay inside the project (as their target's bytes); very
// large files (weights baked into the folder) are left out with a finding, since copying
// gigabytes is a decision for a person.

import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { resolveProjectPath } from '../fs/project-files.js';
import type { OutputFile } from '../fs/write-output.js';
import { isIgnored, parseDockerignore } from '../fs/dockerignore.js';

export const MAX_CARRIED_FILE_BYTES = 100 * 1024 * 1024;
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', '.cog', '__pycache__', 'node_modules', '.venv', '.mypy_cache', '.pytest_cache']);

/** Project-relative paths (POSIX) that a conversion carries, sorted. */
export function filesToCarry(ir: CogIR): string[] {
  const root = ir.project.root;
  let rules: ReturnType<typeof parseDockerignore> = [];
  const ignore = resolveProjectPath(root, '.dockerignore');
  if (ignore.ok) rules = parseDockerignore(readFileSync(ignore.path, 'utf8'));
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (ALWAYS_SKIPPED.has(name) || isIgnored(rules, child)) continue;
      const st = lstatSync(join(root, child));
      if (st.isDirectory()) walk(child);
      else if (st.isFile() || st.isSymbolicLink()) out.push(child);
    }
  };
  walk('');
  return out;
}

export function carryUserFiles(ir: CogIR): { files: OutputFile[]; findings: Finding[] } {
  const files: OutputFile[] = [];
  const findings: Finding[] = [];
  for (const rel of filesToCarry(ir)) {
    const resolved = resolveProjectPath(ir.project.root, rel);
    if (!resolved.ok) {
      findings.push(finding('CM013', `${rel} is not carried into the output: ${resolved.detail}`, { file: rel }));
      continue;
    }
    const st = statSync(resolved.path);
    if (!st.isFile()) continue;
    if (st.size > MAX_CARRIED_FILE_BYTES) {
      findings.push(finding('CM014', `${rel} (${Math.round(st.size / 1024 / 1024)} MB) is not carried into the output`, { file: rel }));
      continue;
    }
    files.push({ path: rel, content: readFileSync(resolved.path), mode: st.mode & 0o755 });
  }
  return { files, findings };
}
