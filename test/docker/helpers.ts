// Shared setup for the Docker-engine suites: real conversions of fixtures for a target (the
// fixture copied to a folder named after it first, so the app is named after the model rather
// than after `input/`), and an engine snapshot to prove a suite leaves nothing behind.

import { writeOutput } from '../../src/fs/write-output.js';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CogIR } from '../../src/ir/types.js';
import { convert } from '../../src/convert/index.js';
import { falTarget } from '../../targets/fal/index.js';
import type { Target } from '../../src/target/types.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { connectEngine, newSince, snapshot, type Engine } from '../../src/verify/index.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const PROJECTS = join(REPO, 'test', 'docker', 'projects');

const work = mkdtempSync(join(tmpdir(), 'cog-migrate-docker-test-'));

export interface Converted {
  outDir: string;
  /** The copy of the fixture's project that was converted. */
  srcDir: string;
  ir: CogIR;
}

/** Converts fixtures/<name>/input (to fal unless told, with the target's CLI options `raw`) and
 * writes the output folder (`out` names it when one fixture is converted twice); throws when it cannot. */
export function convertFixture<O>(name: string, target: Target<O> = falTarget as unknown as Target<O>, raw: Record<string, string | boolean> = {}, out = name): Converted {
  const src = join(work, 'src', name);
  rmSync(src, { recursive: true, force: true });
  cpSync(join(REPO, 'fixtures', name, 'input'), src, { recursive: true, verbatimSymlinks: true });
  const result = convert(src, target, target.parseOptions(raw));
  if (result.status !== 'converted') {
    throw new Error(`${name} did not convert: ${result.findings.map((f) => `${f.code} ${f.message}`).join('; ')}`);
  }
  const outDir = join(work, target.name === 'fal' ? 'out' : `out-${target.name}`, out);
  const written = writeOutput(outDir, result.files, { force: true });
  if (!written.ok) throw new Error(`cannot write ${outDir}: ${written.findings.map((f) => f.message).join('; ')}`);
  return { outDir, srcDir: src, ir: result.ir };
}

export function removeWork(): void {
  rmSync(work, { recursive: true, force: true });
}

/** The engine; a suite that cannot reach one fails (CI must never skip verification silently). */
export async function requireEngine(): Promise<Engine> {
  const { engine, findings } = await connectEngine();
  if (!engine) throw new Error(`no Docker engine: ${findings.map((f) => f.message).join('; ')} (run scripts/docker-engine.sh)`);
  return engine;
}

/**
 * The engine for a suite whose images are tagged `<tag>:...` and kept between its cases so their
 * builds share layers: afterAll removes exactly those images, asserts that no container of them
 * and no such tag is left, and prints how long the file took (for the CI log).
 */
export function taggedImageSuite(tag: string, file: string): { engine: () => Engine } {
  let engine: Engine | undefined;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const started = Date.now();
  const ours = (t: string) => t.startsWith(`${tag}:`);
  beforeAll(async () => {
    engine = await requireEngine();
    before = await snapshot(engine);
  });
  afterAll(async () => {
    if (!engine) return;
    const mine = (await newSince(engine, before)).images.filter((i) => i.tags.some(ours));
    for (const img of mine) await engine.getImage(img.id).remove({ force: true }).catch(() => undefined);
    const left = await newSince(engine, before);
    const ids = new Set(mine.map((i) => i.id));
    expect(left.containers.filter((c) => ours(c.image) || ids.has(c.image))).toEqual([]);
    expect(left.images.filter((i) => i.tags.some(ours))).toEqual([]);
    process.stderr.write(`${file}: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  });
  return { engine: () => engine! };
}
