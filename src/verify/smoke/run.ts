// Runs the smoke driver in the built image: host network, no capabilities, no new privileges,
// bounded memory, pids and time, removed when it exits. The output folder, the runtime stand-in,
// the driver and the example files are mounted read-only at /cog-migrate.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Predictor } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import type { Engine } from '../build/engine.js';
import { errorText } from '../build/engine.js';
import { driverPath } from '../assets.js';
import { inputKind, type Examples } from './examples.js';
import type { SmokeRunner } from '../targets/types.js';

export const MARKER = '@@cog-migrate-smoke@@';

export interface SmokeReport {
  ok: boolean;
  stage?: string;
  error?: string;
  traceback?: string;
  adapter?: unknown;
  direct?: unknown;
  /** Modal: what the @modal.method returned for the same inputs. */
  method?: unknown;
  /** Modal: the invalid input sent and the endpoint's answer. */
  invalid?: { input: string; status: number; body: unknown };
  match?: boolean;
  rule?: string;
  endpoint?: string;
  timings?: Record<string, number>;
  /** Events the /stream endpoint sent, when the app has one. */
  stream_events?: number | null;
}

/** What the driver needs to call the Cog predictor directly. */
export interface PredictorTarget {
  file: string;
  name: string;
  kind: Predictor['kind'];
  method?: string;
  weightsParameter?: string;
  /** Input name -> IR kind (`path`, `secret`, ...), when known. */
  kinds?: Record<string, string>;
}

export function predictorTarget(p: Predictor): PredictorTarget {
  return {
    file: p.file, name: p.name, kind: p.kind,
    ...(p.method ? { method: p.method } : {}),
    ...(p.setup?.weightsParameter ? { weightsParameter: p.setup.weightsParameter.name } : {}),
    kinds: Object.fromEntries(p.inputs.map((i) => [i.name, inputKind(i)])),
  };
}

/** `predict.py:Predictor` + kind, as migration.json records them. */
export function predictorFromRef(ref: string, kind: Predictor['kind']): PredictorTarget | undefined {
  const m = /^(.+\.py):([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref);
  if (!m) return undefined;
  const method = kind === 'runner' ? 'run' : kind === 'function' ? undefined : 'predict';
  return { file: m[1]!, name: m[2]!, kind, ...(method ? { method } : {}) };
}

export interface SmokeOptions {
  image: string;
  outDir: string;
  predictor: PredictorTarget;
  /** Example inputs; absent: the driver derives them from the adapter's input model schema. */
  examples?: Examples;
  standinDir?: string;
  /** A target's own runner (default: the driver with the stand-in, for app.py). */
  runner?: SmokeRunner;
  /** Where the platform puts the output folder in the container, when the runner places it. */
  projectDir?: string;
  timeoutMs: number;
  onLine?: (line: string) => void;
}

export interface SmokeOutcome {
  ok: boolean;
  findings: Finding[];
  report?: SmokeReport;
  output: string;
}

/** Lays out the folder mounted at /cog-migrate. Returns its path (caller removes it). */
export function prepareSmokeDir(opts: Omit<SmokeOptions, 'image' | 'timeoutMs' | 'onLine'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cog-migrate-smoke-'));
  cpSync(opts.outDir, join(dir, 'app'), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(dir, 'standin'));
  if (opts.standinDir) {
    // Either the folder holds the package (`standin/fal/__init__.py`) or is the package itself.
    const nested = existsSync(join(opts.standinDir, 'fal', '__init__.py'));
    cpSync(opts.standinDir, nested ? join(dir, 'standin') : join(dir, 'standin', 'fal'), { recursive: true });
  }
  cpSync(driverPath(), join(dir, 'driver.py'));
  if (opts.runner) {
    mkdirSync(join(dir, opts.runner.folder));
    for (const f of opts.runner.files) cpSync(f, join(dir, opts.runner.folder, basename(f)));
  }
  const files: Record<string, string> = {};
  for (const [name, f] of Object.entries(opts.examples?.files ?? {})) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.data);
    files[name] = f.path;
  }
  const p = opts.predictor;
  const spec = {
    app: opts.runner?.app ?? 'app.py',
    ...(opts.projectDir ? { projectDir: opts.projectDir } : {}),
    predictor: { file: p.file, name: p.name, kind: p.kind, method: p.method ?? null },
    weightsParameter: p.weightsParameter ?? null,
    inputs: opts.examples ? opts.examples.values : null,
    files,
    kinds: p.kinds ?? {},
  };
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec, null, 2));
  return dir;
}

/** Pulls the driver's report out of the container output (the last marker line wins). */
export function parseReport(output: string): SmokeReport | undefined {
  const lines = output.split('\n').filter((l) => l.startsWith(MARKER));
  const last = lines.at(-1);
  if (!last) return undefined;
  try {
    return JSON.parse(last.slice(MARKER.length)) as SmokeReport;
  } catch {
    return undefined;
  }
}

/** Turns the driver's report into findings (none when both calls agree). */
export function reportFindings(report: SmokeReport | undefined, output: string, app = 'app.py'): Finding[] {
  const tail = output.split('\n').filter((l) => l.trim() && !l.startsWith(MARKER)).slice(-15).map((l) => `    ${l}`).join('\n');
  if (!report) return [finding('CM520', `the smoke driver did not report; container output:\n${tail}`)];
  if (report.ok) return [];
  const tb = report.traceback ? `\n${report.traceback.trimEnd().split('\n').slice(-12).map((l) => `    ${l}`).join('\n')}` : '';
  switch (report.stage) {
    case 'prepare':
    case 'import':
      return [finding('CM520', `importing the generated app failed: ${report.error}${tb}`, { file: app })];
    case 'setup':
      return [finding('CM521', `setup() through the adapter failed: ${report.error}${tb}`, { file: app })];
    case 'adapter-predict':
    case 'adapter-stream':
      return [finding('CM522', `the request through the adapter failed: ${report.error}${tb}`, { file: app })];
    case 'direct-setup':
    case 'direct-predict':
      return [finding('CM523', `calling the Cog predictor directly failed (${report.stage}): ${report.error}${tb}`)];
    case 'compare':
      return [finding('CM524', `adapter returned ${short(report.adapter)} but the Cog predictor returned ${short(report.direct)}`, { file: app })];
    case 'adapter-invalid':
      return [finding('CM531', `the endpoint did not refuse an invalid input with Cog's 422: ${report.error}${tb}`, { file: app })];
    case 'adapter-openapi':
      return [finding('CM532', `GET /openapi.json of the endpoint is not the shipped openapi.json: ${report.error}`, { file: app })];
    case 'adapter-method':
      return [finding('CM522', `the @modal.method predict() failed: ${report.error}${tb}`, { file: app })];
    case 'compare-method':
      return [finding('CM524', `@modal.method predict() returned ${short(report.method)} but the Cog predictor returned ${short(report.direct)}`, { file: app })];
    case 'compare-stream':
      return [finding('CM524', `the last event of POST /stream differs from what POST / returned (${short(report.adapter)})`, { file: app })];
    default:
      return [finding('CM520', `the smoke run failed at ${report.stage ?? 'an unknown stage'}: ${report.error ?? ''}${tb}`)];
  }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 300 ? s.slice(0, 300) + '...' : s;
}

export async function runSmoke(engine: Engine, opts: SmokeOptions): Promise<SmokeOutcome> {
  const dir = prepareSmokeDir(opts);
  const script = opts.runner ? `/cog-migrate/${opts.runner.folder}/${opts.runner.script}` : '/cog-migrate/driver.py';
  let output = '';
  let containerId: string | undefined;
  try {
    const container = await engine.createContainer({
      Image: opts.image,
      Entrypoint: ['/bin/sh', '-c'],
      Cmd: [`exec "$(command -v python || command -v python3)" ${script} /cog-migrate/spec.json`],
      WorkingDir: '/',
      Env: ['PYTHONUNBUFFERED=1', 'PYTHONDONTWRITEBYTECODE=1', 'COG_MIGRATE_SMOKE_ROOT=/cog-migrate'],
      Labels: { 'cog-migrate.verify': 'smoke' },
      NetworkDisabled: false,
      HostConfig: {
        NetworkMode: 'host',
        Binds: [`${dir}:/cog-migrate:ro`],
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        Privileged: false,
        AutoRemove: true,
        Memory: 4 * 1024 ** 3,
        PidsLimit: 1024,
      },
    });
    containerId = container.id;
    const stream = await container.attach({ stream: true, stdout: true, stderr: true });
    const sink = new PassThrough();
    let partial = '';
    sink.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const l of parts) if (!l.startsWith(MARKER)) opts.onLine?.(l);
    });
    engine.modem.demuxStream(stream, sink, sink);
    const ended = new Promise<void>((resolve) => { stream.on('end', () => resolve()); stream.on('close', () => resolve()); });
    await container.start();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      container.wait().then(() => false, () => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), opts.timeoutMs); }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      await container.kill().catch(() => undefined);
      return { ok: false, output, findings: [finding('CM525', `the smoke run did not finish within ${Math.round(opts.timeoutMs / 1000)} s`)] };
    }
    await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
    const report = parseReport(output);
    const findings = reportFindings(report, output, opts.runner?.app);
    return { ok: findings.length === 0, output, findings, ...(report ? { report } : {}) };
  } catch (err) {
    return { ok: false, output, findings: [finding('CM520', `the smoke container could not run: ${errorText(err)}`)] };
  } finally {
    if (containerId) await engine.getContainer(containerId).remove({ force: true }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
