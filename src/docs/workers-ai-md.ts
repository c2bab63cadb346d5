// The generated part of docs/targets/workers-ai.md: Cloudflare Containers' instance types as
// targets/workers-ai/data/instance-types.json holds them (with its source and the date it was
// read), and the pins the emitted Worker gets. The rest of the page is prose; `npm run docs`
// rewrites only what lies between the markers, and a test fails when the page drifts.

import { INSTANCE_TYPE_DATA } from '../../targets/workers-ai/instance-types.js';
import { COMPATIBILITY_DATE, PINNED } from '../../targets/workers-ai/project-files.js';
import { COG_SDK_PINS } from '../dockerfile/release.js';

export const BEGIN = '<!-- generated: instance types (npm run docs) -->';
export const END = '<!-- end generated -->';

export function renderWorkersAiGenerated(): string {
  const d = INSTANCE_TYPE_DATA;
  const rows = d.instanceTypes.map((t) => `| \`${t.name}\` | ${t.vcpu} | ${t.memoryMib} MiB | ${t.diskMb / 1000} GB |`);
  return [
    BEGIN,
    '',
    '| `instance_type` | vCPU | memory | disk |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Source: ${d.source}, read ${d.retrieved} (targets/workers-ai/data/instance-types.json).`,
    '',
    `Pinned in the emitted \`worker/package.json\`: wrangler ${PINNED.wrangler}, @cloudflare/workers-types`,
    `${PINNED.workersTypes}, @cloudflare/containers ${PINNED.containers}, typescript ${PINNED.typescript};`,
    `\`compatibility_date\` ${COMPATIBILITY_DATE}. The Containers image installs ${COG_SDK_PINS.map((p) => `\`${p}\``).join(' and ')}`,
    'unless cog.yaml sets `build.sdk_version`; the emitted cog.yaml (the BYO project) pins',
    `\`sdk_version: "${COG_SDK_PINS[0]!.replace(/^cog==/, '')}"\` in that case, so BYO's \`cog build\` installs the same \`cog\`.`,
    '',
    END,
  ].join('\n');
}

/** The page with its generated block replaced; undefined when the markers are missing. */
export function withWorkersAiGenerated(page: string): string | undefined {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return page.slice(0, start) + renderWorkersAiGenerated() + page.slice(end + END.length);
}
