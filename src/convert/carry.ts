// The user's project travels unchanged into the output, as Cog's `COPY . /src` saw it: every
// file except what .dockerignore excludes, Cog's own state (.cog/), version-control folders and
// earlier cog-migrate outputs. Symlinks are carried only when they stay inside the project (as
// their target's bytes); very large files (weights baked into the folder) and names no output
// may hold are left out with a finding, since those are decisions for a person.

import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { readProjectText, resolveProjectPath } from '../fs/project-files.js';
import { unsafeOutputPath, type OutputFile } from '../fs/write-output.js';
import { isIgnored, parseDockerignore, type IgnoreRule } from '../fs/dockerignore.js';

export const MAX_CARRIED_FILE_BYTES = 100 * 1024 * 1024;
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', '.cog', '__pycache__', 'node_modules', '.venv', '.mypy_cache', '.pytest_cache']);

interface CarryPlan {
  files: string[];
  findings: Finding[];
}

/** Project-relative paths (POSIX) that a conversion carries, sorted, with what was left out. */
export function planCarry(ir: CogIR): CarryPlan {
  const root = ir.project.root;
  const findings: Finding[] = [];
  let rules: IgnoreRule[] = [];
  if (existsSync(join(root, '.dockerignore'))) {
    const read = readProjectText(root, '.dockerignore', 1024 * 1024);
    if (read.ok) {
      const parsed = parseDockerignore(read.text);
      rules = parsed.rules;
      for (const bad of parsed.invalid) findings.push(finding('CM013', `.dockerignore pattern ${JSON.stringify(bad)} is not a valid pattern and was skipped`, { file: '.dockerignore' }));
    } else {
      findings.push(finding('CM013', `.dockerignore was not read: ${read.detail}`, { file: '.dockerignore' }));
    }
  }
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (ALWAYS_SKIPPED.has(name) || isIgnored(rules, child)) continue;
      const st = lstatSync(join(root, child));
      if (st.isDirectory()) {
        if (!isEarlierOutput(join(root, child))) walk(child);
      } else if (st.isFile() || st.isSymbolicLink()) {
        const unsafe = unsafeOutputPath(child);
        if (unsafe) findings.push(finding('CM013', `${JSON.stringify(child)} is not carried into the output: ${unsafe}`, { file: child }));
        else files.push(child);
      }
    }
  };
  walk('');
  return { files, findings };
}

/** Project-relative paths (POSIX) that a conversion carries, sorted. */
export function filesToCarry(ir: CogIR): string[] {
  return planCarry(ir).files;
}

/** A folder an earlier conversion wrote (e.g. `./model-fal` inside the project): never carried. */
function isEarlierOutput(dir: string): boolean {
  const marker = join(dir, 'migration.json');
  if (!existsSync(marker)) return false;
  try {
    return (JSON.parse(readFileSync(marker, 'utf8')) as { tool?: { name?: string } }).tool?.name === 'cog-migrate';
  } catch {
    return false;
  }
}

export function carryUserFiles(ir: CogIR): { files: OutputFile[]; findings: Finding[] } {
  const plan = planCarry(ir);
  const files: OutputFile[] = [];
  const findings = [...plan.findings];
  for (const rel of plan.files) {
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
    files.push({ path: rel, copyFrom: resolved.path, mode: st.mode & 0o755 });
  }
  return { files, findings };
}
