// `--changed-since REF`: the models whose files differ from a git revision (committed since it,
// or changed in the work tree, or new and untracked).

import { execFileSync } from 'node:child_process';
import { resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import type { ModelRef } from './discover.js';

export function changedFiles(cwd: string, ref: string): { files?: string[]; findings: Finding[] } {
  if (ref.startsWith('-')) return { findings: [finding('CM604', `${JSON.stringify(ref)} is not a git revision`)] };
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    const top = git(['rev-parse', '--show-toplevel']).trim();
    const diff = git(['diff', '--name-only', '-z', ref, '--', '.']);
    const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.']);
    const files = [...diff.split('\0'), ...untracked.split('\0')].filter(Boolean).map((f) => resolve(top, f));
    return { files, findings: [] };
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.toString().trim().split('\n')[0];
    return { findings: [finding('CM604', `git could not compare with ${ref}: ${stderr || (err as Error).message}`)] };
  }
}

export function changedModels(models: readonly ModelRef[], files: readonly string[]): ModelRef[] {
  return models.filter((m) => files.some((f) => f === m.dir || f.startsWith(m.dir + sep)));
}
