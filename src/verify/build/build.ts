// Builds an output folder's Dockerfile on the local engine: host network only, never a pull
// (bases are checked and substituted first), intermediate containers force-removed, a timeout,
// and, when the build fails, exactly the containers and layers it created removed again.

import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { Engine } from './engine.js';
import { errorText } from './engine.js';
import { BuildLog, type BuildEvent } from './build-log.js';
import { createAliases, planBasesOnEngine, removeAliases, DEFAULT_SUBSTITUTE, type BasePlan } from './bases.js';
import { snapshot, removeNew, type EngineSnapshot } from './cleanup.js';

export interface BuildOptions {
  tag: string;
  timeoutMs: number;
  substitute?: string;
  buildArgs?: Record<string, string>;
  onLine?: (line: string) => void;
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

/** Every file under `dir`, relative with POSIX separators (the build context's entries). */
export function contextEntries(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export async function buildOutput(engine: Engine, outDir: string, opts: BuildOptions): Promise<BuildOutcome> {
  const started = Date.now();
  const log = new BuildLog();
  const done = (ok: boolean, findings: Finding[], extra: Partial<BuildOutcome> = {}): BuildOutcome =>
    ({ ok, tag: opts.tag, durationMs: Date.now() - started, findings, log, ...extra });

  const dockerfilePath = join(outDir, 'Dockerfile');
  if (!existsSync(dockerfilePath)) return done(false, [finding('CM516', `no Dockerfile in ${outDir}`)]);
  const substitute = opts.substitute ?? DEFAULT_SUBSTITUTE;
  const plan = await planBasesOnEngine(engine, readFileSync(dockerfilePath, 'utf8'), { buildArgs: opts.buildArgs ?? {}, substitute });
  const findings = [...plan.findings];
  if (!plan.ok) return done(false, findings, { plan });

  const before = await snapshot(engine);
  await createAliases(engine, plan, substitute);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  let buildError: string | undefined;
  let timedOut = false;
  try {
    const stream = await engine.buildImage({ context: outDir, src: contextEntries(outDir) }, {
      t: opts.tag,
      networkmode: 'host',
      forcerm: true,
      rm: true,
      pull: false,
      buildargs: plan.buildArgs,
      labels: { 'cog-migrate.verify': '1' },
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
      findings.push(finding('CM514', `the build did not finish within ${Math.round(opts.timeoutMs / 1000)} s${log.steps.at(-1) ? `; it was at "${log.steps.at(-1)}"` : ''}`, { file: 'Dockerfile' }));
    } else {
      const { step, quote } = log.failure();
      const reason = log.error ?? buildError ?? 'the engine reported no image';
      findings.push(finding('CM513', `the build failed${step ? ` at "${step}"` : ''}: ${reason}${quote.length ? `\n${quote.map((l) => `    ${l}`).join('\n')}` : ''}`, { file: 'Dockerfile' }));
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
