// Round trips for every Cog fixture: Cog -> fal -> Cog (and Cog -> Modal -> Cog once the Modal
// target is registered). The fal project the fal target writes is read back by the fal frontend
// and written as a Cog project again; that project, read by the Cog frontend, must serve the
// identical OpenAPI schema and build equivalently (same Python, GPU need, Python packages, the
// same system packages and build commands). What a platform cannot carry is listed in test/known-failures.ts
// (suite cog/round-trip, case `<platform>/<fixture>/<part>`); a listed part that starts passing
// fails here.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCog } from '../src/frontends/cog/index.js';
import { readProject } from '../src/frontends/read-project.js';
import { toOpenApi } from '../src/ir/openapi.js';
import { convertIr } from '../src/convert/index.js';
import { writeOutput } from '../src/fs/write-output.js';
import type { CogIR } from '../src/ir/types.js';
import type { Finding } from '../src/findings/types.js';
import { dockerfileFor } from '../src/dockerfile/index.js';
import type { Target } from '../src/target/types.js';
import { TARGETS } from '../src/cli/targets.js';
import { cogTarget } from '../targets/cog/index.js';
import { fixtureCases } from './helpers/fixtures.js';
import { knownFailure, platformBuildAdditions } from './known-failures.js';
import { jsonDiff, showPath } from './ir/helpers/json-diff.js';

// A folder of its own per run: worktrees that share .cache (and two runs at once) must not
// write into each other's round trips.
const WORK = mkdtempSync(join(tmpdir(), 'cog-migrate-round-trip-'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function write(ir: CogIR, target: Target<any>, dir: string, readFindings: Finding[]): { ok: true } | { ok: false; why: string } {
  // The reading's findings count as in the CLI: a project its frontend rejects converts nowhere.
  const result = convertIr(ir, target, target.parseOptions({}), readFindings);
  if (result.status !== 'converted') return { ok: false, why: result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`).join('; ') };
  rmSync(dir, { recursive: true, force: true });
  const written = writeOutput(dir, result.files, { force: false });
  return written.ok ? { ok: true } : { ok: false, why: JSON.stringify(written.findings) };
}

/**
 * The parts of a build that must survive a round trip, as Cog builds them: the Python version,
 * the GPU need, the requirements file `cog debug` installs (as a set of lines: a repeated index
 * option changes nothing), the apt packages and the build commands in the order Cog runs them.
 */
export function buildFacts(ir: CogIR) {
  const requirements = dockerfileFor(ir, 'cog').cogDebug.requirementsTxt ?? '';
  return {
    python: ir.build.pythonVersion,
    gpu: ir.build.gpu,
    packages: [...new Set(requirements.split('\n').map((l) => l.trim()).filter(Boolean))].sort(),
    // The words of Cog's one apt-get install line: `"libgl1 libglib2.0-0"` is two packages.
    systemPackages: ir.build.systemPackages.flatMap((p) => p.name.split(/\s+/)).filter(Boolean).sort(),
    // In the order Cog runs them: `cog debug` writes pre_install after the build.run steps.
    // As Cog's RUN lines say them: a secret in `mounts:` and one written as a leading --mount are the same step.
    run: [...ir.build.run, ...ir.build.preInstall].map((r) => [...r.mounts.map((m) => `--mount=type=secret,id=${m.id},target=${m.target}`), r.command].join(' ')),
  };
}

const APP_FILE: Record<string, string> = { fal: 'app.py', modal: 'modal_app.py' };
const platforms = (['fal', 'modal'] as const).filter((p) => TARGETS[p] !== undefined);

describe.each(platforms)('Cog -> %s -> Cog', (platform) => {
  for (const c of fixtureCases().filter((x) => !x.options.expectError)) {
    it(c.name, () => {
      const start = readCog(join(c.dir, 'input'));
      expect(start.ir).toBeDefined();
      const ir0 = start.ir!;
      if (!ir0.predictors.predict) return; // nothing to serve on a platform (train-only projects are their own case)
      const there = join(WORK, `${platform}-${c.name}`);
      const back = join(WORK, `${platform}-${c.name}-cog`);
      mkdirSync(WORK, { recursive: true });
      const out = write(ir0, TARGETS[platform]!, there, start.findings);
      // A project the Cog frontend or the platform target refuses (an error finding, as its
      // golden status says) has no round trip; the golden suite holds that refusal.
      if (!out.ok) {
        expect(out.why, 'a refused conversion names its error findings').toMatch(/CM\d{3}/);
        return;
      }
      const read = readProject(join(there, APP_FILE[platform]!));
      expect(read.findings.filter((f) => f.severity === 'error'), `the ${platform} frontend reads the emitted app`).toEqual([]);
      const converted = write(read.ir!, cogTarget, back, read.findings);
      const refused = knownFailure('cog/round-trip', `${platform}/${c.name}/converts-back`);
      if (refused) {
        expect(converted.ok, `${platform}/${c.name}/converts-back is listed in test/known-failures.ts (${refused.reason}) but now converts: remove the entry`).toBe(false);
        return;
      }
      expect(converted, 'the app converts back to Cog').toEqual({ ok: true });
      const ir2 = readCog(back).ir!;
      expect(ir2, 'the Cog frontend reads the result').toBeDefined();
      const a = buildFacts(ir0);
      const b = buildFacts(ir2);
      const parts: Record<string, () => void> = {
        openapi: () => expect(jsonDiff(toOpenApi(ir2), toOpenApi(ir0)).map((d) => `${showPath(d.path)}: ${JSON.stringify(d.ours)} (was ${JSON.stringify(d.theirs)})`)).toEqual([]),
        python: () => expect(b.python).toBe(a.python),
        gpu: () => expect(b.gpu).toBe(a.gpu),
        packages: () => {
          const added = platformBuildAdditions[platform]?.pythonPackages ?? [];
          expect(b.packages.filter((p) => !added.includes(p) || a.packages.includes(p))).toEqual(a.packages);
        },
        run: () => expect(b.run).toEqual(a.run),
        'system-packages': () => {
          const added = platformBuildAdditions[platform]?.systemPackages ?? [];
          expect(b.systemPackages.filter((p) => !added.includes(p) || a.systemPackages.includes(p))).toEqual(a.systemPackages);
        },
      };
      const problems: string[] = [];
      const wholePlatform = knownFailure('cog/round-trip', `${platform}/*`);
      if (wholePlatform) {
        const passing = Object.values(parts).every((check) => { try { check(); return true; } catch { return false; } });
        expect(passing, `${platform}/${c.name} round-trips whole: remove the ${platform}/* entry from test/known-failures.ts (${wholePlatform.reason})`).toBe(false);
        return;
      }
      for (const [part, check] of Object.entries(parts)) {
        const name = `${platform}/${c.name}/${part}`;
        const known = knownFailure('cog/round-trip', name);
        let failure: unknown;
        try { check(); } catch (e) { failure = e; }
        if (known && !failure) problems.push(`${name} is listed in test/known-failures.ts (${known.reason}) but now passes: remove the entry`);
        if (!known && failure) problems.push(`${name}: ${(failure as Error).message.split('\n').slice(0, 30).join('\n')}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
