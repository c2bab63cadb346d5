// Builds an output folder's Dockerfile on the local engine: host network only, never a pull
// (bases are checked and substituted first), intermediate containers force-removed, a timeout,
// and, when the build fails, exactly the containers and layers it created removed again.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { Engine } from './engine.js';
import { errorText } from './engine.js';
import { BuildLog, type BuildEvent } from './build-log.js';
import { createAliases, planBasesOnEngine, removeAliases, DEFAULT_SUBSTITUTE, type BasePlan } from './bases.js';
import { snapshot, removeNew, type EngineSnapshot } from './cleanup.js';
import { findDockerfile } from './dockerfile-source.js';
import { tar, tarNameFits, type TarEntry } from './tar.js';

/** The Dockerfile name used inside the context when the text comes from app.py. */
const EMBEDDED_NAME = '.cog-migrate-verify.Dockerfile';

export interface BuildOptions {
  tag: string;
  timeoutMs: number;
  substitute?: string;
  buildArgs?: Record<string, string>;
  onLine?: (line: string) => void;
  /** Build this Dockerfile text instead of the folder's own. */
  dockerfile?: string;
  /** The output file whose lines the given text starts with (findings keep its line numbers). */
  dockerfileFrom?: string;
  /** Extra files added to the context (not written into the folder). */
  extraFiles?: TarEntry[];
  /** Build without the layer cache (for honest build times). */
  nocache?: boolean;
}

export interface BuildOutcome {
  ok: boolean;
  tag: string;
  imageId?: string;
  /** Bytes, as the engine reports the image's size. */
  size?: number;
  durationMs: number;
  findings: Finding[];
  plan?: BasePlan;
  log: BuildLog;
}

/** Every regular file under `dir` (symlinks followed), relative with POSIX separators. */
export function contextEntries(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.name === '__pycache__' || e.name === '.git') continue;
      const st = e.isSymbolicLink() ? statSync(p, { throwIfNoEntry: false }) : undefined;
      if (e.isDirectory() || st?.isDirectory()) walk(p);
      else if (e.isFile() || st?.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The build context: the folder's files, plus the Dockerfile when it is embedded in app.py. */
export function contextTar(dir: string, embedded?: string, extra: TarEntry[] = []): { archive: Buffer; skipped: string[] } {
  const entries: TarEntry[] = [];
  const skipped: string[] = [];
  for (const rel of contextEntries(dir)) {
    if (!tarNameFits(rel)) { skipped.push(rel); continue; }
    const full = join(dir, rel);
    entries.push({ name: rel, data: readFileSync(full), mode: statSync(full).mode & 0o777 });
  }
  for (const e of extra) {
    const at = entries.findIndex((x) => x.name === e.name);
    if (at >= 0) entries.splice(at, 1);
    entries.push(e);
  }
  if (embedded !== undefined) entries.push({ name: EMBEDDED_NAME, data: Buffer.from(embedded) });
  return { archive: tar(entries), skipped };
}

export async function buildOutput(engine: Engine, outDir: string, opts: BuildOptions): Promise<BuildOutcome> {
  const started = Date.now();
  const log = new BuildLog();
  const done = (ok: boolean, findings: Finding[], extra: Partial<BuildOutcome> = {}): BuildOutcome =>
    ({ ok, tag: opts.tag, durationMs: Date.now() - started, findings, log, ...extra });

  const source = opts.dockerfile !== undefined ? { text: opts.dockerfile, from: opts.dockerfileFrom ?? 'Dockerfile (given)' } : findDockerfile(outDir);
  const ownLines = source !== undefined && (source.from === 'Dockerfile' || opts.dockerfileFrom !== undefined);
  if (!source) return done(false, [finding('CM516', `no Dockerfile in ${outDir} (neither a Dockerfile file nor one embedded in app.py)`)]);
  const substitute = opts.substitute ?? DEFAULT_SUBSTITUTE;
  const plan = await planBasesOnEngine(engine, source.text, { buildArgs: opts.buildArgs ?? {}, substitute, file: source.from });
  // Line numbers of an embedded Dockerfile are not app.py's: say where they point instead.
  const findings = ownLines ? [...plan.findings] : plan.findings.map((f) => {
    const { line, column, ...rest } = f;
    return line === undefined ? rest : { ...rest, message: `${f.message} (line ${line} of the Dockerfile embedded in ${source.from})` };
  });
  if (!plan.ok) return done(false, findings, { plan });

  const before = await snapshot(engine);
  await createAliases(engine, plan, substitute);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  let buildError: string | undefined;
  let timedOut = false;
  try {
    const embedded = source.from === 'Dockerfile' && opts.dockerfile === undefined ? undefined : source.text;
    const context = contextTar(outDir, embedded, opts.extraFiles);
    if (context.skipped.length > 0) findings.push(finding('CM503', `left out of the build context (path too long for tar): ${context.skipped.join(', ')}`));
    const stream = await engine.buildImage(Readable.from([context.archive], { objectMode: false }), {
      t: opts.tag,
      ...(embedded !== undefined ? { dockerfile: EMBEDDED_NAME } : {}),
      networkmode: 'host',
      forcerm: true,
      rm: true,
      pull: false,
      buildargs: plan.buildArgs,
      labels: { 'cog-migrate.verify': '1' },
      ...(opts.nocache ? { nocache: true } : {}),
      abortSignal: abort.signal,
    });
    await new Promise<void>((resolve) => {
      engine.modem.followProgress(stream, (err: Error | null) => {
        if (err) buildError = errorText(err);
        resolve();
      }, (ev: BuildEvent) => {
        for (const line of log.push(ev)) opts.onLine?.(line);
      });
    });
    for (const line of log.end()) opts.onLine?.(line);
  } catch (err) {
    buildError = errorText(err);
  } finally {
    clearTimeout(timer);
    timedOut = abort.signal.aborted;
  }
  const aliasLeft = await removeAliases(engine, plan);
  const failed = timedOut || buildError !== undefined || log.error !== undefined || !log.imageId;

  if (failed) {
    const left = await cleanupFailedBuild(engine, before, log, opts.tag);
    if (timedOut) {
      findings.push(finding('CM514', `the build did not finish within ${Math.round(opts.timeoutMs / 1000)} s${log.steps.at(-1) ? `; it was at "${log.steps.at(-1)}"` : ''}`, { file: source.from }));
    } else {
      const { step, quote } = log.failure();
      const reason = log.error ?? buildError ?? 'the engine reported no image';
      findings.push(finding('CM513', `the build failed${step ? ` at "${step}"` : ''}: ${reason}${quote.length ? `\n${quote.map((l) => `    ${l}`).join('\n')}` : ''}`, { file: source.from }));
    }
    if (left.length + aliasLeft.length > 0) findings.push(finding('CM515', `could not remove: ${[...left, ...aliasLeft].join(', ')}`));
    return done(false, findings, { plan });
  }
  if (aliasLeft.length > 0) findings.push(finding('CM515', `could not remove the temporary tags: ${aliasLeft.join(', ')}`));
  const info = await engine.getImage(opts.tag).inspect();
  return done(true, findings, { plan, imageId: info.Id, size: info.Size });
}

/**
 * After a failed or aborted build: removes the intermediate containers and the layers it made.
 * Only objects that did not exist before the build and that the build announced are touched.
 * Returns what could not be removed.
 */
async function cleanupFailedBuild(engine: Engine, before: EngineSnapshot, log: BuildLog, tag: string): Promise<string[]> {
  // An aborted build can still be finishing its step on the engine: give it a moment.
  await new Promise((r) => setTimeout(r, 500));
  const ownContainer = (id: string): boolean => [...log.containers].some((c) => id.startsWith(c));
  const ownImage = (id: string, tags: string[]): boolean =>
    tags.includes(tag) || log.images.some((i) => id.replace(/^sha256:/, '').startsWith(i)) ||
    (log.imageId !== undefined && id.replace(/^sha256:/, '').startsWith(log.imageId.replace(/^sha256:/, '')));
  return removeNew(engine, before, ownContainer, ownImage);
}
