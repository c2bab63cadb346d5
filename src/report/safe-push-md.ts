// MIGRATION.md's "Tests, hardware and cost" section, from the model's cog-safe-push configs:
// the machine each config names and what it became on this target (with the reason), its
// published price on both sides with the date it was read, and the test cases carried over.

import type { CogIR, SafePushConfig } from '../ir/types.js';
import { mdCell } from '../findings/reporters/markdown.js';
import { describeChecker } from '../ir/describe-safe-push.js';
import { mapHardware, replicateHardware, type HardwareMapping } from '../hardware/index.js';
import { costLines, DEFAULT_PRICES, type PriceTable } from '../hardware/prices.js';

function targetMachine(m: HardwareMapping, target: string): { machine: string; reason: string } | undefined {
  if (target === 'fal') return { machine: `machine_type="${m.fal.machineType}"${m.fal.numGpus ? `, num_gpus=${m.fal.numGpus}` : ''}`, reason: m.fal.reason };
  if (target === 'modal') return { machine: m.modal.gpu ? `gpu="${m.modal.gpu}"` : 'no GPU', reason: m.modal.reason };
  if (target === 'workers-ai') return { machine: m.cloudflare.mode === 'byo' ? 'Workers AI bring-your-own-model' : 'Cloudflare Containers', reason: m.cloudflare.reason };
  return undefined;
}

/** The machine a config names for the model: the deployment's, else a written test_hardware. */
export function configHardware(c: SafePushConfig): string | undefined {
  return c.deployment?.hardware ?? (c.testHardware.loc ? c.testHardware.name : undefined);
}

export function safePushSection(ir: CogIR, target: string, prices: PriceTable = DEFAULT_PRICES): string[] {
  const configs = ir.safePush ?? [];
  if (configs.length === 0) return [];
  const out = ['## Tests, hardware and cost', ''];
  for (const c of configs) {
    out.push(`### ${mdCell(c.file)}${c.variant ? ` (variant ${mdCell(c.variant)})` : ''}: ${mdCell(c.model)}`, '');
    const name = configHardware(c);
    const h = name === undefined ? undefined : replicateHardware(name);
    if (name === undefined) {
      out.push(`The config names no machine (cog-safe-push tests on \`cpu\` by default); the machine follows cog.yaml \`gpu: ${ir.build.gpu}\`.`, '');
    } else if (!h) {
      out.push(`Hardware \`${mdCell(name)}\` is not in the hardware table (CM190); the machine follows cog.yaml \`gpu: ${ir.build.gpu}\`.`, '');
    } else {
      const m = mapHardware(h);
      const t = targetMachine(m, target);
      if (t) out.push(`Replicate runs it on \`${h.name}\` (${h.title}); here: \`${mdCell(t.machine)}\`, because ${mdCell(t.reason)}.`, '');
      out.push('| platform | machine | price per hour | source (read) |', '|---|---|---|---|');
      for (const l of costLines(m, target, prices)) {
        out.push(`| ${l.platform} | ${mdCell(l.machine)} | ${l.usdPerHour !== undefined ? `$${l.usdPerHour}` : 'not published in the price table'} | ${mdCell(l.source)} (${l.read}) |`);
      }
      out.push('');
    }
    const cases = [...(c.predict?.testCases ?? []).map((t, i) => ['predict', t, i] as const), ...(c.train?.testCases ?? []).map((t, i) => ['train', t, i] as const)];
    if (cases.length > 0) {
      out.push('| test case | inputs | checks | written at |', '|---|---|---|---|');
      cases.forEach(([role, t, i]) => {
        const inputs = t.inputs.map((x) => `${x.name}=${JSON.stringify(x.value)}`).join(', ');
        out.push(`| ${role} ${i + 1} | ${mdCell(inputs)} | ${mdCell(describeChecker(t.checker))} | ${mdCell(`${t.loc.file}:${t.loc.line}`)} |`);
      });
      out.push('');
    }
  }
  return out;
}
