// Multi-variant repositories (issue 13): one Cog project publishing several Replicate models,
// one cog-safe-push-configs/<variant>.yaml each (its own model name, hardware and test cases).
// A batch treats each variant as a model of its own: the project read once per variant, with
// only that variant's config, so each gets its own machine, tests and app name, and the report
// groups the variants under the project.

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { configuredHardware } from '../frontends/cog-safe-push/index.js';

/**
 * The IR of one variant: that config alone (tests, hardware) and the app named after the
 * Replicate model it publishes (`acme/shout-fast` -> `shout-fast`), so two variants never
 * deploy over each other. Undefined when the project has no readable config of that name.
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

/** Findings about the project's variants as a whole (CM191: they name different machines) do not apply to one. */
export function variantFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code !== 'CM191');
}
