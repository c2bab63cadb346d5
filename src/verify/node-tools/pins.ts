// The exact npm versions of the tools verify runs, by the set verify installs together when they
// are not beside cog-migrate (an `npm install cog-migrate` has no devDependencies). They are the
// versions this repository's own checks use: test/verify/node-tools/pins.test.ts holds each equal
// to the one package-lock.json installs for package.json's devDependencies. The Cloudflare ones are
// those the emitted worker/package.json pins too (targets/workers-ai/data/pinned.json), so a Worker
// is checked with what its user will install.

import pinned from '../../../targets/workers-ai/data/pinned.json' with { type: 'json' };

export const NODE_TOOL_SETS = {
  /** Type-checks the generated Python adapters. */
  pyright: { pyright: '1.1.414' },
  /** Type-checks, reads, bundles and runs an emitted Worker; its tsc checks other emitted TypeScript too. */
  cloudflare: {
    typescript: pinned.typescript,
    '@cloudflare/workers-types': pinned['@cloudflare/workers-types'],
    '@cloudflare/containers': pinned['@cloudflare/containers'],
    wrangler: pinned.wrangler,
    // wrangler depends on this exact miniflare; verify's smoke run imports it itself.
    miniflare: '4.20260426.0',
  },
} as const satisfies Record<string, Record<string, string>>;

export type NodeToolSet = keyof typeof NODE_TOOL_SETS;
