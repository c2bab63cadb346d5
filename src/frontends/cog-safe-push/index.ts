// The cog-safe-push frontend: cog-safe-push.yaml and cog-safe-push-configs/<variant>.yaml (one
// per model variant) -> SafePushConfig values, checked against the predictor they test.
// Config model followed: https://github.com/replicate/cog-safe-push (cog_safe_push/config.py).

import { LineCounter } from 'yaml';
import { finding } from '../../findings/finding.js';
import type { Finding } from '../../findings/types.js';
import type { CogIR, Runtime, SafePushConfig } from '../../ir/types.js';
import { replicateHardware } from '../../hardware/index.js';
import { readProjectText } from '../../fs/project-files.js';
import { MAX_CONFIG_BYTES, parseConfig, type ConfigCtx } from './yaml.js';
import { readConfig } from './read.js';
import { checkSafePush } from './check.js';
import { pushAll } from '../../util/push-all.js';
import { SAFE_PUSH_VARIANTS_DIR, safePushFiles } from './files.js';

export { SAFE_PUSH_FILE, SAFE_PUSH_VARIANTS_DIR, safePushFiles } from './files.js';

export interface SafePushResult {
  configs: SafePushConfig[];
  /** The machine the configs run the model on, when one names a known machine. */
  hardware?: NonNullable<Runtime['hardware']>;
  findings: Finding[];
}

/**
 * The first config's production machine: deployment.hardware, else test_hardware when written
 * (cog-safe-push defaults it to cpu, which says nothing about the model).
 */
export function configuredHardware(configs: readonly SafePushConfig[]): SafePushResult['hardware'] {
  for (const c of configs) {
    const deployed = c.deployment?.hardware;
    if (deployed !== undefined && replicateHardware(deployed)) return { name: deployed, from: `${c.file} deployment.hardware`, loc: c.deployment!.loc };
    const tested = c.testHardware;
    if (deployed === undefined && tested.loc && replicateHardware(tested.name)) return { name: tested.name, from: `${c.file} test_hardware`, loc: tested.loc };
  }
  return undefined;
}

/**
 * Reads every config of the project (or the `files` given: one variant's) and checks its test
 * cases against `ir`.
 */
export function readSafePush(ir: CogIR, files: readonly { file: string; variant?: string }[] = safePushFiles(ir.project.root)): SafePushResult {
  const configs: SafePushConfig[] = [];
  const findings: Finding[] = [];
  for (const { file, variant } of files) {
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
    pushAll(findings, checkSafePush(config, ir));
  }
  const machines = new Set(configs.map((c) => c.deployment?.hardware ?? c.testHardware.name));
  if (machines.size > 1) {
    findings.push(finding('CM191', `the variants name different Replicate machines (${[...machines].join(', ')})`, { file: SAFE_PUSH_VARIANTS_DIR }));
  }
  const hardware = configuredHardware(configs);
  return { configs, ...(hardware ? { hardware } : {}), findings };
}
