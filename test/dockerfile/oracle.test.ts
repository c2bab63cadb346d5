// Differential test against the pinned Cog release's own generator (scripts/cog-oracle.sh builds
// it, with Cog as a Go module dependency and Docker and the registry replaced by Cog's test
// doubles; it runs with no network when `unshare -n` is available). The oracle is built on first
// use; a failure to build fails this suite rather than skipping it.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCogDebug, renderDockerfile } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';
import { readCog } from '../../src/frontends/cog/index.js';
import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';

const COG_REFUSAL_WARNINGS: ReadonlySet<string> = new Set(['CM312', 'CM345']);
const ORACLE = resolve(import.meta.dirname, '../../.cache/cog-oracle-v0.22.0');
execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/cog-oracle.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
const canUnshare = (() => { try { execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' }); return true; } catch { return false; } })();

function projectDirs(): string[] {
  const dirs: string[] = [];
  for (const base of ['cog-cases', 'oracle-projects']) {
    const root = join(import.meta.dirname, base);
    for (const d of readdirSync(root).sort()) if (existsSync(join(root, d, 'cog.yaml'))) dirs.push(join(root, d));
  }
  const fixtures = resolve(import.meta.dirname, '../../fixtures');
  if (existsSync(fixtures)) {
    for (const d of readdirSync(fixtures).sort()) if (existsSync(join(fixtures, d, 'input', 'cog.yaml'))) dirs.push(join(fixtures, d, 'input'));
  }
  return dirs;
}

/** Hand-built IRs for this folder's cases; the real cog.yaml loader for fixtures/. */
function load(dir: string): { ir?: CogIR; findings: Finding[] } {
  if (dir.includes('/fixtures/')) return readCog(dir);
  const reqPath = join(dir, 'requirements.txt');
  return { ir: irFromCogYaml(readFileSync(join(dir, 'cog.yaml'), 'utf8'), existsSync(reqPath) ? readFileSync(reqPath, 'utf8') : undefined), findings: [] };
}

function oracle(dir: string, cogBase: 'auto' | 'false'): { dockerfile: string; requirements?: string } | { error: string } {
  const args = [`-use-cog-base-image=${cogBase}`, dir];
  const env = { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' };
  let out: string;
  try {
    out = canUnshare
      ? execFileSync('unshare', ['-n', ORACLE, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })
      : execFileSync(ORACLE, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return { error: String((e as { stderr?: string }).stderr ?? e) };
  }
  const [dockerfile = '', requirements] = out.split('=== requirements.txt\n');
  return requirements === undefined ? { dockerfile } : { dockerfile, requirements: requirements.replace(/\n$/, '') };
}

describe('generator equals Cog v0.22.0 generator (oracle: scripts/cog-oracle.sh)', () => {
  for (const dir of projectDirs()) {
    for (const cogBase of ['auto', 'false'] as const) {
      it(`${dir.split('/').slice(-2).join('/')} (use-cog-base-image=${cogBase})`, () => {
        const read = load(dir);
        const want = oracle(dir, cogBase);
        // The loader rejected the project (often for predictor problems `cog debug` never reads).
        if (!read.ir) return;
        const gen = generateCogDebug(read.ir, cogBase === 'false' ? { useCogBaseImage: false } : {});
        if ('error' in want) {
          // Cog refuses to generate; we must say why with an error finding instead of guessing, or
          // with the codes that report Cog's refusal as a warning because only the `cog debug`
          // form depends on it (CM312: CUDA not inferable from torch; pip's torch brings its own).
          const errors = [...read.findings, ...gen.findings].filter((f) => f.severity === 'error' || COG_REFUSAL_WARNINGS.has(f.code));
          // YAML the loader reads more leniently than Cog is the loader's concern, not this stage's.
          if (/invalid YAML/.test(want.error)) return;
          expect(errors.length, `Cog failed (${want.error.trim()}) but no error finding`).toBeGreaterThan(0);
          return;
        }
        let expected = want.dockerfile;
        // The IR names a predictor only once it was extracted; Cog copies the cog.yaml string as is.
        if (!read.ir.predictors.predict) expected = expected.replace(/^ENV COG_PREDICT_TYPE_STUB=.*\n/m, '');
        if (!read.ir.predictors.train) expected = expected.replace(/^ENV COG_TRAIN_TYPE_STUB=.*\n/m, '');
        expect(renderDockerfile(gen.dockerfile)).toBe(expected);
        expect(gen.dockerfile.requirementsTxt).toBe(want.requirements);
      });
    }
  }
});
