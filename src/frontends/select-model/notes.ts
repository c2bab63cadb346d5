// What a person converting a multi-model project (one with a select script) is told when no
// variant was asked for: which variants the script can make live and how to convert each, or,
// when the script cannot be read, which variant files were found and how to pick one by hand.

import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { SelectPlan, SelectRead } from './script.js';

const list = (names: readonly string[], max = 8): string => names.slice(0, max).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

export function selectNotes(select: SelectRead | undefined, hasCogYaml: boolean): Finding[] {
  if (!select) return [];
  const read = hasCogYaml ? 'this conversion read the cog.yaml that is live now' : 'there is no live cog.yaml';
  if ('plan' in select) {
    const { plan } = select;
    return [finding('CM177', `${plan.script} makes one of ${plan.variants.length} variants live (${list(plan.variants)}): ${recipeText(plan)}; ${read}`, { file: plan.script }, {
      hint: `Convert one variant with --variant NAME, or every variant as a model of its own with cog-migrate batch (docs/batch.md).`,
    })];
  }
  const { script, reason, files } = select.unreadable;
  const found = files.length > 0 ? `variant files found: ${list(files, 12)}` : 'no template or per-variant cog.yaml files were found';
  return [finding('CM176', `${script} picks the live cog.yaml, but ${reason}; ${found}; ${read}`, { file: script }, {
    hint: `Pick a variant by hand: run ${script} with the variant's name yourself (cog-migrate never runs it), or put that variant's cog.yaml in place, then convert the folder; batch converts what is live.`,
  })];
}

/** How the script makes a variant's cog.yaml, in words. */
export function recipeText(plan: SelectPlan): string {
  const r = plan.recipe;
  const push = plan.safePushDir ? ` and copies ${plan.safePushDir}/<variant>.yaml to cog-safe-push.yaml` : '';
  switch (r.kind) {
    case 'merge': return `it merges ${r.template} with ${r.dir}/<variant>.yaml into cog.yaml (yq, lists ${r.lists === 'append' ? 'appended' : 'replaced'})${push}`;
    case 'concat': return `it writes ${r.template} followed by ${r.dir}/<variant>.yaml to cog.yaml${push}`;
    case 'copy': return `it copies ${r.dir}/<variant>.yaml to cog.yaml${push}`;
    case 'envsubst': return `it fills in ${r.template} with the variables it sets per variant (envsubst)${push}`;
  }
}
