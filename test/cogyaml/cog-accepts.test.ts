// The pinned Cog release's own config loader and Dockerfile generator (the oracle that
// scripts/cog-oracle.sh builds from Cog v0.22.0 as a Go module) accepts every normalised
// cog.yaml, including the ones it refuses in their original form (the 2021 layout). Where the
// original was accepted too and the normaliser changed nothing the build sees, Cog generates the
// same Dockerfile and the same staged requirements for both.

import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCog } from '../../src/frontends/cog/index.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';
import { fixtureCases } from '../helpers/fixtures.js';
import { writeNormalisedProject } from './helpers.js';
import { hasErrors } from '../../src/findings/types.js';
import { knownFailure } from '../known-failures.js';

const ORACLE = resolve(import.meta.dirname, '../../.cache/cog-oracle-v0.22.0');
execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/cog-oracle.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });

function cogGenerates(dir: string): { ok: true; out: string } | { ok: false; error: string } {
  try {
    const out = execFileSync(ORACLE, [dir], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    return { ok: false, error: String((e as { stderr?: string }).stderr ?? e) };
  }
}

/** Rewrites that change what Cog builds (a raised Python, a dropped CUDA, a new requirements file's name). */
const CHANGES_BUILD = new Set(['CM172', 'CM174']);

/** What Cog generates for an unpinned project once cog.yaml pins build.sdk_version 0.22.0. */
function pinnedSdk(dockerfile: string): string {
  return dockerfile.replace(/^(RUN .*uv pip install .*?)\bcog(\s*)$/m, '$1cog==0.22.0$2');
}

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

describe('Cog v0.22.0 accepts every normalised cog.yaml', () => {
  for (const c of fixtureCases().filter((k) => !k.options.expectError)) {
    const known = knownFailure('cogyaml/cog-accepts', c.name);
    it(`${c.name}${known ? ' (known refusal)' : ''}`, () => {
      const input = join(c.dir, 'input');
      const read = readCog(input);
      const ir = read.ir!;
      // A project that does not read cleanly (a missing requirements file) converts to nothing.
      if (hasErrors(read.findings)) return;
      const normalised = normaliseCogYaml(ir);
      const dir = writeNormalisedProject(ir, normalised);
      made.push(dir);
      const after = cogGenerates(dir);
      if (known) {
        expect(after.ok, `${c.name} is now accepted: remove it from test/known-failures.ts`).toBe(false);
        return;
      }
      expect(after.ok ? '' : after.error).toBe('');
      const before = cogGenerates(input);
      if (before.ok && after.ok && !normalised.findings.some((f) => CHANGES_BUILD.has(f.code))) {
        // The one line an sdk_version pin changes: Cog installs that release, not the newest cog.
        expect(after.out).toBe(ir.build.sdkVersion === undefined ? pinnedSdk(before.out) : before.out);
      }
    });
  }
});
