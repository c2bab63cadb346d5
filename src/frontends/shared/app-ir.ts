// The common frame of the fal and Modal frontends: load the app file (syntax errors and
// unreadable files become findings with file and line), and assemble the IR from what the
// platform-specific reader found. The IR is the same one a Cog project gives.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IR_VERSION, type Build, type CogIR, type IrType, type PlatformEntry, type Predictor, type Runtime } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { ModuleGraph, type PyModule } from '../../python/modules.js';
import type { Ctx } from '../cog/predictor/context.js';
import type { EndpointCandidate } from './entries.js';
import type { OutputRead, RequestRead } from './request.js';
import type { AppBuild } from './build.js';

export interface AppReadOptions {
  /** `--endpoint`: the endpoint path or method name that becomes Cog's predict. */
  endpoint?: string;
}

export interface AppReadResult {
  ir?: CogIR;
  findings: Finding[];
}

export interface EntryRead {
  candidate: EndpointCandidate;
  isAsync: boolean;
  request: RequestRead;
  output: OutputRead;
}

export type Loaded = { ok: true; ctx: Ctx; mod: PyModule } | { ok: false; findings: Finding[] };

export function loadAppModule(root: string, file: string, extraTypes: (qname: string) => IrType | undefined): Loaded {
  const graph = new ModuleGraph(root);
  const loaded = graph.load(file);
  if (!('root' in loaded)) {
    if (loaded.kind === 'syntax') return { ok: false, findings: [finding('CM808', `${file}:${loaded.line}:${loaded.column}: ${loaded.message}`, { file, line: loaded.line, column: loaded.column })] };
    if (loaded.kind === 'timeout') return { ok: false, findings: [finding('CM219', `${file} could not be parsed within the time budget`, { file, line: 1, column: 1 })] };
    return { ok: false, findings: [finding('CM809', loaded.detail, { file })] };
  }
  return { ok: true, ctx: { graph, findings: [], extraTypes }, mod: loaded };
}

export interface AppSpec {
  platform: PlatformEntry['platform'];
  className?: string;
  /** The app's own name (fal app_name, Modal App("name")), for the project name. */
  name: string;
  build: AppBuild;
  runtime: Partial<Pick<Runtime, 'concurrency'>>;
  setup: PlatformEntry['setup'];
  predict: EntryRead;
  train?: EntryRead;
}

export function appIr(ctx: Ctx, mod: PyModule, spec: AppSpec): CogIR {
  const root = ctx.graph.root;
  const imports = ctx.graph.localImports(mod);
  for (const { problem, at } of imports.problems) {
    if (problem.kind === 'read' && !at.deferred && !at.guarded) ctx.findings.push(finding('CM220', problem.detail, at));
  }
  ctx.findings.push(...spec.build.notes);
  const modules = projectModules(root);
  const predictor = (role: 'predict' | 'train', e: EntryRead): Predictor => {
    const app: PlatformEntry = {
      platform: spec.platform,
      ...(spec.className ? { className: spec.className } : {}),
      method: e.candidate.name,
      endpoint: e.candidate.endpoint,
      request: e.request.request,
      setup: spec.setup,
      ...(e.output.outputField ? { outputField: e.output.outputField } : {}),
      ...(e.output.sse ? { sse: true } : {}),
      ...(e.request.omitWhenNone ? { omitWhenNone: e.request.omitWhenNone } : {}),
      ...(e.request.aliases ? { aliases: e.request.aliases } : {}),
      ...(e.request.injected ? { injected: e.request.injected } : {}),
      ...(e.request.fileArguments ? { fileArguments: e.request.fileArguments } : {}),
      projectModules: modules,
    };
    return {
      role,
      ref: `${mod.file}:${spec.className ?? e.candidate.name}`,
      file: mod.file,
      name: spec.className ?? e.candidate.name,
      kind: spec.platform,
      method: e.candidate.name,
      isAsync: e.isAsync,
      inputs: e.request.inputs,
      output: e.output.output,
      localImports: imports.files,
      runtimeApis: [],
      app,
      loc: e.candidate.loc,
    };
  };
  const build: Build = spec.build.build;
  const predictors: CogIR['predictors'] = { predict: predictor('predict', spec.predict) };
  if (spec.train) predictors.train = predictor('train', spec.train);
  return {
    irVersion: IR_VERSION,
    project: { name: slug(spec.name), root, configGeneration: 'current' },
    build,
    runtime: { ...cogConcurrency(ctx, spec, build), environment: spec.build.environment, weights: [] },
    predictors,
  };
}

/**
 * The app's concurrency, where Cog can run it: Cog refuses concurrency.max > 1 unless predict()
 * is async and Python is 3.11 or newer (https://cog.run/yaml#concurrency). Elsewhere the setting
 * is left out, so that the project builds: each container then serves one prediction at a time.
 */
function cogConcurrency(ctx: Ctx, spec: AppSpec, build: Build): AppSpec['runtime'] {
  const c = spec.runtime.concurrency;
  if (!c?.max || c.max <= 1) return spec.runtime;
  const [major = 0, minor = 0] = build.pythonVersion.split('.').map(Number);
  const oldPython = major === 3 && minor < 11;
  if (spec.predict.isAsync && !oldPython) return spec.runtime;
  const why = !spec.predict.isAsync ? `${spec.predict.candidate.name}() is not async` : `the app's Python is ${build.pythonVersion}`;
  ctx.findings.push(finding('CM829', `concurrency of ${c.max} is left out of cog.yaml: Cog runs predictions concurrently only for an async predict() on Python 3.11 or newer, and ${why}`, c.loc));
  const { concurrency: _dropped, ...rest } = spec.runtime;
  return rest;
}

/** A lower-case, dash-separated name (`TextToImage` -> `text-to-image`). */
export function slug(name: string): string {
  const s = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'model';
}

/** Top-level module names in the project (`x.py` files and package folders). */
function projectModules(root: string): string[] {
  const out = new Set<string>();
  for (const name of readdirSync(root).sort()) {
    if (name.endsWith('.py')) out.add(name.slice(0, -3));
    else {
      try {
        if (!name.startsWith('.') && statSync(join(root, name)).isDirectory()) out.add(name);
      } catch { /* a dangling link names no module */ }
    }
  }
  return [...out];
}

