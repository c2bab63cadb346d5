// fal's smoke runtime: the built image gets fal's serving stack, as fal's builder adds it to a
// container image on deploy (the app's image only has what the Dockerfile installs: fal needs
// pydantic, protobuf and boto3 there, and brings `fal` itself), then serve.py serves the app
// with fal's own FastAPI application. The pins are the ones the static checks use
// (test/python-env/fal.txt: fal, fal-client, pydantic), so one fal version is checked throughout.
//
// Installing ~90 packages from PyPI costs about 30 s per image on 2 cores; a wheelhouse image,
// built once per pin set and kept on the engine (`cog-migrate-smoke/fal-wheels:<hash>`), makes it
// an offline install without byte-compiling, about 12 s.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { packageRoot, verifyAsset } from '../../assets.js';
import { PYTHON_ENV_PINS } from '../../python-env.js';
import { buildOutput } from '../../build/build.js';
import { DEFAULT_SUBSTITUTE } from '../../build/bases.js';
import { imageExists, type Engine } from '../../build/engine.js';
import { removeImage } from '../../build/cleanup.js';
import type { Finding } from '../../../findings/types.js';
import { finding } from '../../../findings/finding.js';
import type { SmokeImage, SmokeImageOptions, SmokeRuntime, TargetVerify } from '../types.js';

/** The file name the pins get in a build context. */
const PINS = basename(PYTHON_ENV_PINS.fal);

export function falPins(): string {
  return readFileSync(join(packageRoot(), PYTHON_ENV_PINS.fal), 'utf8');
}

/** The wheelhouse image of a pin set: a local tag, so a FROM never makes the engine pull. */
export function wheelhouseTag(pins: string): string {
  return `cog-migrate-smoke/fal-wheels:${createHash('sha256').update(pins).digest('hex').slice(0, 12)}`;
}

export function wheelhouseDockerfile(): string {
  return [
    `FROM ${DEFAULT_SUBSTITUTE}`,
    `COPY ${PINS} /tmp/${PINS}`,
    `RUN python -m pip download --no-cache-dir --dest /wheels -r /tmp/${PINS}`,
    '',
  ].join('\n');
}

/**
 * The smoke image: the built one plus fal. Offline from the wheelhouse when the image's Python
 * matches its wheels (the local bases' 3.11), else from the index.
 */
export function runtimeDockerfile(built: string, wheels: string): string {
  const pip = '"$(command -v python || command -v python3)" -m pip install --no-cache-dir --no-compile';
  return [
    `FROM ${wheels} AS wheels`,
    `FROM ${built}`,
    'COPY --from=wheels /wheels /tmp/cog-migrate-fal-wheels',
    `COPY ${PINS} /tmp/cog-migrate-${PINS}`,
    `RUN (${pip} --no-index --find-links /tmp/cog-migrate-fal-wheels -r /tmp/cog-migrate-${PINS} || ${pip} -r /tmp/cog-migrate-${PINS}) \\`,
    `    && rm -rf /tmp/cog-migrate-fal-wheels /tmp/cog-migrate-${PINS}`,
    '',
  ].join('\n');
}

async function buildFromText(engine: Engine, tag: string, dockerfile: string, pins: string, options: SmokeImageOptions) {
  const context = mkdtempSync(join(tmpdir(), 'cog-migrate-fal-runtime-'));
  try {
    writeFileSync(join(context, PINS), pins);
    return await buildOutput(engine, context, { tag, dockerfile, timeoutMs: options.timeoutMs, ...(options.onLine ? { onLine: options.onLine } : {}) });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** `repo:tag` -> `repo:tag-fal-runtime` (a tag is at most 128 characters). */
export function runtimeTag(built: string): string {
  const m = /^(.*?)(?::([^:/]+))?$/.exec(built)!;
  return `${m[1]}:${(m[2] ?? 'latest').slice(0, 100)}-fal-runtime`;
}

/**
 * What fal pins on every deploy to the deployer's versions (fal's SERVE_REQUIREMENTS: fastapi,
 * pydantic, tblib, uvicorn, ...; pydantic-core and starlette follow): replacing these is fal's
 * doing on the platform as well, not news about the model.
 */
const SERVING_STACK = new Set(['fastapi', 'pydantic', 'pydantic-core', 'starlette', 'tblib', 'uvicorn', 'starlette-exporter', 'packaging', 'prometheus-client']);

/** `pillow 10.4.0 -> 13.0.0` for each package pip uninstalled to satisfy fal, from its log. */
export function replacedPackages(lines: readonly string[]): string[] {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const line of lines) {
    const found = /Found existing installation: (\S+) (\S+)/.exec(line);
    if (found) before.set(found[1]!.toLowerCase().replace(/_/g, '-'), found[2]!);
    const done = /Successfully installed (.*)$/.exec(line);
    if (done) {
      for (const item of done[1]!.trim().split(/\s+/)) {
        const m = /^(.+)-([^-]+)$/.exec(item);
        if (m) after.set(m[1]!.toLowerCase().replace(/_/g, '-'), m[2]!);
      }
    }
  }
  return [...before].map(([name, v]) => `${name} ${v} -> ${after.get(name) ?? '?'}`).sort();
}

function installFailed(what: string, build: Finding[]): Finding {
  const why = build.filter((f) => f.severity === 'error').map((f) => f.message).join('\n') || 'no image';
  return finding('CM542', `fal's serving stack (${PYTHON_ENV_PINS.fal}) could not be installed for the smoke run: building ${what} failed: ${why}`);
}

async function prepareImage(engine: Engine, built: string, options: SmokeImageOptions): Promise<SmokeImage> {
  const pins = falPins();
  const wheels = wheelhouseTag(pins);
  const none = async (): Promise<void> => undefined;
  if (!(await imageExists(engine, wheels))) {
    const w = await buildFromText(engine, wheels, wheelhouseDockerfile(), pins, options);
    if (!w.ok) return { findings: [installFailed(`the wheelhouse ${wheels}`, w.findings)], remove: none };
  }
  const tag = runtimeTag(built);
  const lines: string[] = [];
  const r = await buildFromText(engine, tag, runtimeDockerfile(built, wheels), pins, { ...options, onLine: (l) => { lines.push(l); options.onLine?.(l); } });
  if (!r.ok) return { findings: [installFailed(`the image ${tag}`, r.findings)], remove: none };
  const replaced = replacedPackages(lines).filter((r) => !SERVING_STACK.has(r.split(' ')[0]!));
  const findings = [...r.findings];
  if (replaced.length > 0) {
    findings.push(finding('CM547', `installing fal ${/^fal==(\S+)/m.exec(pins)?.[1] ?? ''} into the image replaced the model's ${replaced.join(', ')}; the smoke run (both calls) ran with fal's versions`));
  }
  return { tag, findings, remove: async () => { await removeImage(engine, tag); } };
}

export const falSmoke: SmokeRuntime = {
  serveModule: verifyAsset('targets/fal/serve.py'),
  prepareImage,
};

/** fal builds the Dockerfile app.py embeds (the shared default) and smoke-runs on fal's runtime. */
export const falVerify: TargetVerify = { runtime: falSmoke };
