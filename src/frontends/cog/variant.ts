// One variant of a multi-model project, read as a model of its own (issue 13):
//   - a variant its select script can make live (../select-model): its cog.yaml made as the script
//     makes it, with its own cog-safe-push config when the script copies one into place;
//   - a cog-safe-push-configs/<variant>.yaml: the project's cog.yaml with only that config.
// Either way the IR carries that config alone (its tests, its machine) and an app named after the
// Replicate model it publishes, so two variants never deploy over each other.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CogIR } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { configuredHardware } from '../cog-safe-push/index.js';
import { SAFE_PUSH_FILE, SAFE_PUSH_VARIANTS_DIR, safePushFiles } from '../cog-safe-push/files.js';
import type { SelectPlan, SelectRead } from '../select-model/script.js';
import { assembleCogYaml } from '../select-model/assemble.js';
import { recipeText } from '../select-model/notes.js';
import { readProjectFrom, type ReadResult } from './project.js';

export function readVariant(root: string, variant: string, select: SelectRead | undefined): ReadResult {
  const plan = select && 'plan' in select ? select.plan : undefined;
  if (plan?.variants.includes(variant)) return readSelected(root, plan, variant);
  const configs = safePushFiles(root).flatMap((f) => (f.variant !== undefined ? [f.variant] : []));
  if (configs.includes(variant)) {
    if (!existsSync(join(root, 'cog.yaml'))) return { findings: [finding('CM001', 'no cog.yaml in the project', { file: 'cog.yaml' })] };
    const read = readProjectFrom(root);
    if (!read.ir) return read;
    const ir = variantIr(read.ir, variant);
    if (!ir) return { findings: [...read.findings, finding('CM608', `${SAFE_PUSH_VARIANTS_DIR}/ names the variant ${variant}, but its config could not be read (the findings say why)`, { file: SAFE_PUSH_VARIANTS_DIR })] };
    return { ir: { ...ir, project: { ...ir.project, variant: { name: variant } } }, findings: variantFindings(read.findings) };
  }
  const known = [...new Set([...plan?.variants ?? [], ...configs])];
  const why = known.length > 0 ? `its variants are ${known.join(', ')}` : `it has no variants (no select script cog-migrate reads, no ${SAFE_PUSH_VARIANTS_DIR}/)`;
  const unreadable = select && 'unreadable' in select ? `; ${select.unreadable.script} could not be read: ${select.unreadable.reason}` : '';
  return { findings: [finding('CM175', `the project has no variant ${JSON.stringify(variant)}: ${why}${unreadable}`, plan ? { file: plan.script } : undefined)] };
}

function readSelected(root: string, plan: SelectPlan, variant: string): ReadResult {
  const made = assembleCogYaml(root, plan, variant);
  if (!made.cogYaml) return { findings: made.findings };
  const read = readProjectFrom(root, { cogYaml: made.cogYaml, safePush: variantSafePush(root, plan, variant) });
  const note = finding('CM177', `variant ${variant}: cog.yaml made from ${made.cogYaml.sources.join(' and ')} as ${plan.script} makes it (${recipeText(plan)})`, { file: plan.script });
  const findings = [note, ...made.cogYaml.findings, ...variantFindings(read.findings)];
  if (!read.ir) return { findings };
  const ir = variantIr(read.ir, variant) ?? named(read.ir, variant);
  return { ir: { ...ir, project: { ...ir.project, variant: { name: variant, selectedBy: { script: plan.script, cogYaml: made.cogYaml.text, sources: made.cogYaml.sources } } } }, findings };
}

/** The configs a selected variant runs with: the one its script copies into place, its own, or the project's single one. */
function variantSafePush(root: string, plan: SelectPlan, variant: string): { file: string; variant?: string }[] {
  const own = [plan.safePushDir, SAFE_PUSH_VARIANTS_DIR].flatMap((dir) => (dir ? [`${dir}/${variant}.yaml`, `${dir}/${variant}.yml`] : []));
  const file = own.find((f) => existsSync(join(root, f)));
  if (file) return [{ file, variant }];
  return existsSync(join(root, SAFE_PUSH_FILE)) ? [{ file: SAFE_PUSH_FILE }] : [];
}

/**
 * The IR of one variant: its config alone (tests, hardware) and the app named after the
 * Replicate model it publishes (`acme/shout-fast` -> `shout-fast`). Undefined when the project
 * has no readable config of that name.
 */
export function variantIr(ir: CogIR, variant: string): CogIR | undefined {
  const config = ir.safePush?.find((c) => c.variant === variant);
  if (!config) return undefined;
  const modelName = (config.deployment?.name ?? config.model).split('/').pop();
  const hardware = configuredHardware([config]);
  const { hardware: _projectWide, ...runtime } = ir.runtime;
  return {
    ...ir,
    project: { ...ir.project, name: modelName || `${ir.project.name}-${variant}` },
    runtime: { ...runtime, ...(hardware ? { hardware } : {}) },
    safePush: [config],
  };
}

/** A selected variant without a config of its own: named after the project and the variant, unless its cog.yaml names an image. */
function named(ir: CogIR, variant: string): CogIR {
  const fromImage = ir.runtime.image ?? ir.runtime.model;
  return fromImage ? ir : { ...ir, project: { ...ir.project, name: `${ir.project.name}-${variant}`.toLowerCase().replace(/[^a-z0-9]+/g, '-') } };
}

/** Findings about the project's variants as a whole (CM191: they name different machines) do not apply to one. */
export function variantFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code !== 'CM191');
}
