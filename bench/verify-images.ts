// Benchmark: for CPU fixtures, the pruned fal image against the unpruned `cog debug` image of the
// same model, both really built (no layer cache) on the local engine in one run: size and build
// time of each. Called from bench/run.ts: `await benchVerifyImages({ onLine })`.
//
// The `cog debug` form uses BuildKit-only syntax and registry images, which this offline engine
// (legacy builder, no pulls) cannot take as is. It is built in an equivalent legacy form:
//   RUN --mount=type=cache,...  -> the same RUN without the cache mount (does not change the image)
//   COPY --from=cog_build requirements.txt X -> COPY of the same requirements, added to the context
//   COPY --from=ghcr.io/astral-sh/uv:V /uv /uvx DEST -> RUN pip install uv==V (same binaries, from PyPI)
//   FROM r8.im/cog-base:pythonX -> the local python:3.11-slim stand-in (CM511), as for every build here
// so its size is a lower bound of the real one (Cog's base image carries more than the stand-in).

import { writeOutput } from '../src/fs/write-output.js';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCog } from '../src/frontends/cog/index.js';
import { convertIr } from '../src/convert/index.js';
import { dockerfileFor, renderDockerfile } from '../src/dockerfile/index.js';
import { falTarget } from '../targets/fal/index.js';
import { buildOutput, connectEngine, snapshot, newSince, type Engine } from '../src/verify/index.js';
import { legacyCogDebug, REQS } from '../src/verify/build/legacy-form.js';

export { legacyCogDebug } from '../src/verify/build/legacy-form.js';

export const DEFAULT_FIXTURES = ['minimal-string-predictor', 'path-in-path-out-pillow-grayscale', 'function-predictor'];

export interface ImageMeasure {
  ok: boolean;
  /** Bytes, as the engine reports the image size. */
  size?: number;
  buildMs: number;
  error?: string;
  /** Bases that were not available offline and were built on the local stand-in instead. */
  substituted: string[];
}

export interface ImageBenchRow {
  fixture: string;
  pruned: ImageMeasure;
  cogDebug: ImageMeasure;
  /** How the cog debug Dockerfile was adapted for the offline legacy builder. */
  notes: string[];
}

function describe(m: ImageMeasure): string {
  if (!m.ok) return `FAILED after ${(m.buildMs / 1000).toFixed(1)} s (${(m.error ?? '').split('\n')[0]})`;
  const sub = m.substituted.length ? ` [on stand-in base: ${m.substituted.join(', ')}]` : '';
  return `${((m.size ?? 0) / 1e6).toFixed(0)} MB in ${(m.buildMs / 1000).toFixed(1)} s${sub}`;
}

async function measure(engine: Engine, dir: string, tag: string, extra: Parameters<typeof buildOutput>[2], onLine?: (l: string) => void): Promise<ImageMeasure> {
  const r = await buildOutput(engine, dir, { ...extra, tag, timeoutMs: 30 * 60_000, nocache: true, ...(onLine ? { onLine } : {}) });
  await engine.getImage(tag).remove({ force: true }).catch(() => undefined);
  const error = r.findings.find((f) => f.severity === 'error')?.message;
  const substituted = (r.plan?.substitutions ?? []).map((x) => `${x.from} -> ${x.to}`);
  return { ok: r.ok, ...(r.size !== undefined ? { size: r.size } : {}), buildMs: r.durationMs, ...(error ? { error } : {}), substituted };
}

/**
 * `fixtures`: CPU fixtures to build (default DEFAULT_FIXTURES). `log`: one summary line per model.
 * `onLine`: every build output line.
 */
export async function benchVerifyImages(opts: { fixtures?: string[]; log?: (line: string) => void; onLine?: (line: string) => void } = {}): Promise<ImageBenchRow[]> {
  const { engine, findings } = await connectEngine();
  if (!engine) throw new Error(`bench/verify-images needs a Docker engine: ${findings.map((f) => f.message).join('; ')}`);
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'cog-migrate-bench-images-'));
  const rows: ImageBenchRow[] = [];
  const before = await snapshot(engine);
  try {
    for (const fixture of opts.fixtures ?? DEFAULT_FIXTURES) {
      const src = join(work, 'src', fixture);
      cpSync(join(repo, 'fixtures', fixture, 'input'), src, { recursive: true });
      const { ir } = readCog(src);
      if (!ir) throw new Error(`${fixture} does not read`);
      if (ir.build.gpu) throw new Error(`${fixture} is a GPU fixture; the image bench takes CPU fixtures`);
      const converted = convertIr(ir, falTarget, falTarget.parseOptions({}));
      if (converted.status !== 'converted') throw new Error(`${fixture} does not convert`);
      const outDir = join(work, 'out', fixture);
      const written = writeOutput(outDir, converted.files, { force: true });
      if (!written.ok) throw new Error(`cannot write ${outDir}: ${written.findings.map((f) => f.message).join('; ')}`);
      const pruned = await measure(engine, outDir, `cog-migrate-bench/${fixture}:pruned`, { tag: '', timeoutMs: 0 }, opts.onLine);
      const cog = legacyCogDebug(renderDockerfile(dockerfileFor(ir, 'fal').cogDebug));
      const reqs = ir.build.pythonRequirements.map((r) => r.raw).join('\n') + '\n';
      const cogDebug = await measure(engine, src, `cog-migrate-bench/${fixture}:cog-debug`, {
        tag: '', timeoutMs: 0, dockerfile: cog.text, extraFiles: [{ name: REQS, data: Buffer.from(reqs) }],
      }, opts.onLine);
      rows.push({ fixture, pruned, cogDebug, notes: cog.notes });
      opts.log?.(`${fixture}: pruned ${describe(pruned)}; cog debug ${describe(cogDebug)}`);
    }
  } finally {
    // Both builds ran without cache: remove the layers they left (nothing of anyone else's).
    const fresh = await newSince(engine, before);
    for (const img of fresh.images.filter((i) => i.tags.length === 0).sort((a, b) => b.created - a.created)) {
      await engine.getImage(img.id).remove({ force: true }).catch(() => undefined);
    }
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
