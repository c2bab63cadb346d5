// The cog-safe-push frontend: cog-safe-push.yaml and cog-safe-push-configs/<variant>.yaml (one
// per model variant) -> SafePushConfig values, checked against the predictor they test.
// Config model followed: https://github.com/replicate/cog-safe-push (cog_safe_push/config.py).

import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter } from 'yaml';
import { finding } from '../../findings/finding.js';
import type { Finding } from '../../findings/types.js';
import type { CogIR, SafePushConfig } from '../../ir/types.js';
import { readProjectText } from '../../fs/project-files.js';
import { MAX_CONFIG_BYTES, parseConfig, type ConfigCtx } from './yaml.js';
import { readConfig } from './read.js';
import { checkSafePush } from './check.js';

export const SAFE_PUSH_FILE = 'cog-safe-push.yaml';
export const SAFE_PUSH_VARIANTS_DIR = 'cog-safe-push-configs';
/** More variant files than this is not a model's config folder; the rest are not read. */
const MAX_VARIANTS = 200;

/** The config files of a project, project-relative, in a stable order. */
export function safePushFiles(root: string): { file: string; variant?: string }[] {
  const out: { file: string; variant?: string }[] = [];
  if (existsSync(join(root, SAFE_PUSH_FILE))) out.push({ file: SAFE_PUSH_FILE });
  const dir = join(root, SAFE_PUSH_VARIANTS_DIR);
  let names: string[] = [];
  try {
    if (lstatSync(dir).isDirectory()) names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
  for (const name of names.slice(0, MAX_VARIANTS)) {
    const m = /^(.+)\.ya?ml$/.exec(name);
    if (m?.[1]) out.push({ file: `${SAFE_PUSH_VARIANTS_DIR}/${name}`, variant: m[1] });
  }
  return out;
}

export interface SafePushResult {
  configs: SafePushConfig[];
  findings: Finding[];
}

/** Reads every config of the project and checks its test cases against `ir`. */
export function readSafePush(ir: CogIR): SafePushResult {
  const configs: SafePushConfig[] = [];
  const findings: Finding[] = [];
  for (const { file, variant } of safePushFiles(ir.project.root)) {
    const read = readProjectText(ir.project.root, file, MAX_CONFIG_BYTES);
    if (!read.ok) {
      findings.push(finding('CM180', read.detail, { file }));
      continue;
    }
    const ctx: ConfigCtx = { file, lines: new LineCounter(), findings };
    const top = parseConfig(ctx, read.text);
    const config = top ? readConfig(ctx, top, variant) : undefined;
    if (!config) continue;
    configs.push(config);
    findings.push(...checkSafePush(config, ir));
  }
  return { configs, findings };
}
