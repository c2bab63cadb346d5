// The user's project travels unchanged into the output, as Cog's `COPY . /src` saw it: every
// file except what .dockerignore excludes, Cog's own state (.cog/), version-control folders and
// earlier cog-migrate outputs. Symlinks are carried only when they stay inside the project (as
// their target's bytes); very large files (weights baked into the folder) and names no output
// may hold are left out with a finding, since those are decisions for a person.

import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { readProjectText, resolveProjectPath } from '../fs/project-files.js';
import { readJsonFile } from '../fs/bounded-read.js';
import { unsafeOutputPath, type OutputFile } from '../fs/write-output.js';
import { MATCH_BUDGET, isIgnored, parseDockerignore, type DockerignoreRules } from '../fs/dockerignore.js';

export const MAX_CARRIED_FILE_BYTES = 100 * 1024 * 1024;
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', '.cog', '__pycache__', 'node_modules', '.venv', '.mypy_cache', '.pytest_cache']);

interface CarryPlan {
  files: string[];
  findings: Finding[];
  /** The project's .dockerignore, which the emitted folder keeps and its image build applies. */
  rules?: DockerignoreRules;
}

/** Project-relative paths (POSIX) that a conversion carries, sorted, with what was left out. */
export function planCarry(ir: CogIR): CarryPlan {
  const root = ir.project.root;
  const findings: Finding[] = [];
  let rules: DockerignoreRules | undefined;
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
  const skip = (rel: string, why: string) => findings.push(finding('CM013', `${JSON.stringify(rel)} is not carried into the output: ${why}`, { file: rel }));
  let overBudget = false;
  const walk = (rel: string) => {
    if (overBudget) return;
    for (const entry of listFolder(root, rel, skip)) {
      const child = rel ? `${rel}/${entry}` : entry;
      if (ALWAYS_SKIPPED.has(entry)) continue;
      const ignored = rules !== undefined && isIgnored(rules, child);
      if (rules && rules.spent > MATCH_BUDGET) {
        overBudget = true;
        return;
      }
      let st;
      try {
        st = lstatSync(join(root, child));
      } catch (e) {
        // A path longer than PATH_MAX, a file vanishing mid-walk, a folder we may not enter.
        skip(child, `it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        continue;
      }
      if (st.isDirectory()) {
        // Docker still walks an excluded folder when a `!` rule may re-include something in it.
        if ((!ignored || rules?.hasExceptions) && !isEarlierOutput(join(root, child))) walk(child);
      } else if (ignored) {
        continue;
      } else if (st.isFile() || st.isSymbolicLink()) {
        const unsafe = unsafeOutputPath(child);
        if (unsafe) skip(child, unsafe);
        else files.push(child);
      }
    }
  };
  walk('');
  if (overBudget) {
    const n = rules?.patterns.length ?? 0;
    findings.push(finding('CM022', `.dockerignore (${n} rules) costs too much to apply to this project; nothing was carried`, { file: '.dockerignore' }));
    return { files: [], findings };
  }
  return { files, findings, ...(rules ? { rules } : {}) };
}

/** A folder's entry names, sorted; names that are not UTF-8 (no output or report can hold them
 * faithfully) and a folder that cannot be listed become findings. */
function listFolder(root: string, rel: string, skip: (rel: string, why: string) => void): string[] {
  let raw: Buffer[];
  try {
    raw = readdirSync(join(root, rel), { encoding: 'buffer' });
  } catch (e) {
    skip(rel || '.', `the folder cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return [];
  }
  const names: string[] = [];
  for (const bytes of raw) {
    const name = decodeUtf8(bytes);
    if (name === undefined) skip(rel ? `${rel}/${bytes.toString('latin1')}` : bytes.toString('latin1'), 'its name is not valid UTF-8');
    else names.push(name);
  }
  return names.sort();
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Project-relative paths (POSIX) that a conversion carries, sorted. */
export function filesToCarry(ir: CogIR): string[] {
  return planCarry(ir).files;
}

/** A folder an earlier conversion wrote (e.g. `./model-fal` inside the project): never carried. */
function isEarlierOutput(dir: string): boolean {
  const doc = readJsonFile(join(dir, 'migration.json')) as { tool?: { name?: string } } | undefined;
  return doc?.tool?.name === 'cog-migrate';
}

export function carryUserFiles(ir: CogIR): { files: OutputFile[]; findings: Finding[]; rules?: DockerignoreRules } {
  const plan = planCarry(ir);
  const files: OutputFile[] = [];
  const findings = [...plan.findings];
  for (const rel of plan.files) {
    const resolved = resolveProjectPath(ir.project.root, rel);
    if (!resolved.ok) {
      findings.push(finding('CM013', `${rel} is not carried into the output: ${resolved.detail}`, { file: rel }));
      continue;
    }
    let st;
    try {
      st = statSync(resolved.path);
    } catch (e) {
      findings.push(finding('CM013', `${rel} is not carried into the output: it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: rel }));
      continue;
    }
    if (!st.isFile()) continue;
    if (st.size > MAX_CARRIED_FILE_BYTES) {
      findings.push(finding('CM014', `${rel} (${Math.round(st.size / 1024 / 1024)} MB) is not carried into the output`, { file: rel }));
      continue;
    }
    files.push({ path: rel, copyFrom: resolved.path, mode: st.mode & 0o755 });
  }
  // A variant made live by its select script travels with its own cog.yaml, as the script writes it.
  const selected = ir.project.variant?.selectedBy;
  if (selected) {
    const at = files.findIndex((f) => f.path === 'cog.yaml');
    const cogYaml = { path: 'cog.yaml', content: selected.cogYaml };
    if (at >= 0) files[at] = cogYaml;
    else files.push(cogYaml);
  }
  return { files, findings, ...(plan.rules ? { rules: plan.rules } : {}) };
}
