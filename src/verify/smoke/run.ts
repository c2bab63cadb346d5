// Runs the smoke driver in the built image: host network, no capabilities, no new privileges,
// bounded memory, pids and time, removed when it exits. The output folder, the driver, the
// target's serve module (or its own runner script) and the example files are mounted read-only
// at /cog-migrate.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import type { InvalidRequest } from '../types.js';
import type { CaseRequest, CogApiAnswer } from './cases.js';

export const MARKER = '@@cog-migrate-smoke@@';

export interface SmokeReport {
  ok: boolean;
  stage?: string;
  error?: string;
  traceback?: string;
  adapter?: unknown;
  direct?: unknown;
  match?: boolean;
  rule?: string;
  endpoint?: string;
  timings?: Record<string, number>;
  /** Events the /stream endpoint sent, when the app has one. */
  stream_events?: number | null;
  /** What served the app (`{platform, sdk, application}`) and the paths it served. */
  runtime?: Record<string, string>;
  routes?: string[];
  /** Every request sent to the platform: role, endpoint, status (stream: event count). */
  requests?: { role: string; endpoint: string; status?: number; events?: number | null }[];
  /** The invalid request and the platform's answer (status 422 expected). */
  invalid?: InvalidRequest;
  /** Modal: what the @modal.method returned for the same inputs. */
  method?: unknown;
  /** The OpenAPI document the platform served (GET /openapi.json). */
  openapi?: unknown;
  /** Roles other than predict: the two results and the rule that matched. */
  roles?: Record<string, { adapter: unknown; direct: unknown; rule: string }>;
  /** The test cases' outputs or errors, as the platform's client sees them (the shared driver). */
  cases?: CaseResult[];
  /** Or, from a runner that sends them to Cog's HTTP API, the raw answers (read by cases.ts). */
  answers?: CogApiAnswer[];
  /** A platform in front of Cog's server: each request also sent to that server directly. */
  reference?: { role: string; endpoint: string; status: number }[];
  /** What Cog's server behind the platform returned, when it differed from the platform. */
  reference_output?: unknown;
}

export interface CaseResult {
  id: string;
  output: unknown;
  error: string | null;
  status?: number;
}

/** One role's smoke request: the predictor to call directly and its example inputs. */
export interface SmokeRole {
  role: 'predict' | 'train';
  predictor: PredictorTarget;
  /** Absent: the driver derives inputs from the request schema the platform serves. */
  examples?: Examples;
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
  /** predict first; train when the model has one (the target's own runner takes predict only). */
  roles: SmokeRole[];
  /** The target's serve module for the shared driver (src/verify/targets/<target>/serve.py)... */
  serveModule?: string;
  /** ...or the target's own runner script, run instead of the driver (modal). */
  runner?: SmokeRunner;
  /** Where the platform puts the output folder in the container, when the runner places it. */
  projectDir?: string;
  /** The model's offline test cases, sent after the role requests. */
  cases?: CaseRequest[];
  /** Extra environment of the driver's container (`NAME=value`). */
  env?: string[];
  /** Output-relative file the platform's findings point at (default: the runner's app, else app.py). */
  app?: string;
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
export function prepareSmokeDir(opts: Omit<SmokeOptions, 'image' | 'timeoutMs' | 'onLine' | 'env'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cog-migrate-smoke-'));
  cpSync(opts.outDir, join(dir, 'app'), { recursive: true, verbatimSymlinks: true });
  cpSync(driverPath(), join(dir, 'driver.py'));
  if (opts.serveModule) cpSync(opts.serveModule, join(dir, 'serve.py'));
  if (opts.runner) {
    mkdirSync(join(dir, opts.runner.folder));
    for (const f of opts.runner.files) cpSync(f, join(dir, opts.runner.folder, basename(f)));
  }
  const roles = opts.roles.map((r) => {
    const files: Record<string, string> = {};
    for (const [name, f] of Object.entries(r.examples?.files ?? {})) {
      const rel = `${r.role}/${f.path}`;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), f.data);
      files[name] = rel;
    }
    const p = r.predictor;
    return {
      role: r.role,
      predictor: { file: p.file, name: p.name, kind: p.kind, method: p.method ?? null },
      weightsParameter: p.weightsParameter ?? null,
      inputs: r.examples ? r.examples.values : null,
      files,
      kinds: p.kinds ?? {},
    };
  });
  // A runner reads predict's fields at the top level of the spec.
  const spec = { app: opts.runner?.app ?? 'app.py', ...(opts.projectDir ? { projectDir: opts.projectDir } : {}), ...roles[0], roles, cases: opts.cases ?? [] };
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
    case 'openapi':
    case 'adapter-predict':
    case 'adapter-train':
    case 'adapter-stream':
    case 'cases':
      return [finding('CM522', `the request through the adapter failed: ${report.error}${tb}`, { file: app })];
    case 'invalid-input':
      return [finding('CM543', `${report.error}${report.invalid?.detail !== undefined ? `; it answered ${short(report.invalid.detail)}` : ''}`, { file: app })];
    case 'direct-setup':
    case 'direct-predict':
    case 'direct-train':
      return [finding('CM523', `calling the Cog predictor directly failed (${report.stage}): ${report.error}${tb}`)];
    case 'compare':
      return [finding('CM524', `${report.error ?? 'the results differ'}: the platform returned ${short(report.adapter)} but the Cog predictor returned ${short(report.direct)}`, { file: app })];
    case 'adapter-invalid':
      return [finding('CM531', `the endpoint did not refuse an invalid input with Cog's 422: ${report.error}${tb}`, { file: app })];
    case 'adapter-openapi':
      return [finding('CM532', `GET /openapi.json of the endpoint is not the shipped openapi.json: ${report.error}`, { file: app })];
    case 'reference-predict':
    case 'reference-train':
      return [finding('CM523', `calling Cog's server behind the platform directly failed: ${report.error}${tb}`, { file: app })];
    case 'compare-reference':
      return [finding('CM538', `${report.error ?? 'the answers differ'}: through the platform ${short(report.adapter)}, from Cog's server directly ${short(report.reference_output)}`, { file: app })];
    case 'reference-invalid':
      return [finding('CM539', `${report.error}`, { file: app })];
    case 'adapter-method':
      return [finding('CM522', `the @modal.method predict() failed: ${report.error}${tb}`, { file: app })];
    case 'compare-method':
      return [finding('CM524', `@modal.method predict() returned ${short(report.method)} but the Cog predictor returned ${short(report.direct)}`, { file: app })];
    case 'compare-stream':
      return [finding('CM524', `${report.error ?? 'the stream differs'} (${short(report.adapter)})`, { file: app })];
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
      Env: ['PYTHONUNBUFFERED=1', 'PYTHONDONTWRITEBYTECODE=1', 'COG_MIGRATE_SMOKE_ROOT=/cog-migrate', ...opts.env ?? []],
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
    const findings = reportFindings(report, output, opts.runner?.app ?? opts.app);
    return { ok: findings.length === 0, output, findings, ...(report ? { report } : {}) };
  } catch (err) {
    return { ok: false, output, findings: [finding('CM520', `the smoke container could not run: ${errorText(err)}`)] };
  } finally {
    if (containerId) await engine.getContainer(containerId).remove({ force: true }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
