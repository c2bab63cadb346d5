// The user's predictor files travel unchanged into the output: the generated adapter imports
// them. Only files the IR names are carried (predictor modules and the local modules they
// import), read through the same project-confined path checks as the frontend.

import { readFileSync } from 'node:fs';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { resolveProjectPath } from '../fs/project-files.js';
import type { OutputFile } from '../fs/write-output.js';

export function filesToCarry(ir: CogIR): string[] {
  const set = new Set<string>();
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    if (!p) continue;
    set.add(p.file);
    for (const m of p.localImports) set.add(m);
  }
  return [...set].sort();
}

export function carryUserFiles(ir: CogIR): { files: OutputFile[]; findings: Finding[] } {
  const files: OutputFile[] = [];
  const findings: Finding[] = [];
  for (const rel of filesToCarry(ir)) {
    const resolved = resolveProjectPath(ir.project.root, rel);
    if (!resolved.ok) {
      findings.push(finding('CM012', `cannot carry ${rel} into the output: ${resolved.detail}`, { file: rel }));
      continue;
    }
    files.push({ path: rel, content: readFileSync(resolved.path) });
  }
  return { files, findings };
}
