// A fal app's settings: class attributes (`machine_type = "GPU-A100"`) and class keyword
// arguments (`class App(fal.App, keep_alive=300, name="x")`), or the keywords of
// `@fal.function(...)`, read as literals -> build, runtime and project facts of the IR.
// Docs: https://docs.fal.ai/documentation/development/endpoints-overview (App attributes);
// names checked against fal 1.83.0's `fal.App` class variables.

import type { Runtime, SourceLocation } from '../../ir/types.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, locOf, statements, unwrapExpr } from '../../python/nodes.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { addRequirement, emptyAppBuild, setPython, type AppBuild } from '../shared/build.js';
import { readFalImage } from './image.js';
import { assumedPython } from '../shared/python-version.js';

export interface FalSettings {
  app: AppBuild;
  runtime: Pick<Runtime, 'concurrency'>;
  appName?: string;
}

/** Settings with no cog.yaml counterpart: scaling, placement and timeouts are the host's. */
const HOST_ONLY = new Set([
  'keep_alive', 'min_concurrency', 'max_concurrency', 'concurrency_buffer', 'concurrency_buffer_perc', 'scaling_delay',
  'regions', 'request_timeout', 'request_start_timeout', 'startup_timeout', 'app_auth', 'num_gpus',
  'termination_grace_period_seconds', 'skip_retry_conditions', 'retry_config', 'max_batch_size', 'kind',
]);
/** Settings that only shape what fal uploads; the Cog project is the whole folder anyway. */
const UPLOAD_ONLY = new Set(['local_python_modules', 'app_files', 'app_files_ignore', 'app_files_context_dir', 'requirements_context_dir', 'serve', 'metrics_port', 'host_kwargs']);

/** The settings of a fal.App subclass (`cls` is its class_definition node). */
export function readClassSettings(ctx: Ctx, mod: PyModule, cls: SyntaxNode): FalSettings {
  const values: { name: string; nameNode: SyntaxNode; value: SyntaxNode }[] = [];
  const supers = cls.childForFieldName('superclasses');
  for (const a of supers?.namedChildren ?? []) {
    if (a.type !== 'keyword_argument') continue;
    const n = a.childForFieldName('name');
    const v = a.childForFieldName('value');
    if (n && v) values.push({ name: n.text, nameNode: n, value: v });
  }
  const body = cls.childForFieldName('body');
  for (const stmt of body ? statements(body) : []) {
    const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right) values.push({ name: left.text, nameNode: left, value: right });
  }
  return readSettings(ctx, mod, values, locOf(cls.childForFieldName('name') ?? cls, mod.file));
}

/** The settings of `@fal.function(...)` (its call node). */
export function readFunctionSettings(ctx: Ctx, mod: PyModule, call: SyntaxNode, loc: SourceLocation): FalSettings {
  const { keywords } = callArguments(call);
  return readSettings(ctx, mod, keywords, loc);
}

function readSettings(ctx: Ctx, mod: PyModule, values: { name: string; nameNode: SyntaxNode; value: SyntaxNode }[], loc: SourceLocation): FalSettings {
  const settings: FalSettings = { app: emptyAppBuild(loc), runtime: {} };
  let sawImage = false;
  for (const { name, nameNode, value } of values) {
    const lit = literalOf(ctx, mod, value);
    const notLiteral = () => report(ctx, 'CM818', `\`${name} = ${excerpt(value)}\` is not a literal; left out of cog.yaml`, mod, value);
    if (name === 'image') {
      sawImage = readFalImage(ctx, mod, value, settings.app) || sawImage;
      continue;
    }
    if (name === 'machine_type') {
      const types = lit.ok ? (Array.isArray(lit.value) ? lit.value : [lit.value]) : undefined;
      if (!types) { notLiteral(); continue; }
      settings.app.build.gpu = types.some((t) => typeof t === 'string' && t.toUpperCase().startsWith('GPU'));
      if (settings.app.build.gpu) report(ctx, 'CM821', `machine_type ${JSON.stringify(lit.ok ? lit.value : '')} becomes gpu: true`, mod, value);
      continue;
    }
    if (name === 'requirements') {
      if (!lit.ok || !Array.isArray(lit.value)) { notLiteral(); continue; }
      // fal takes a list, or a list of lists installed step by step; Cog installs one file.
      for (const item of lit.value.flat()) if (typeof item === 'string') addRequirement(settings.app, item, locOf(value, mod.file));
      continue;
    }
    if (name === 'python_version') {
      // fal's managed environment runs this Python (`class App(fal.App, python_version="3.11")`).
      if (lit.ok && typeof lit.value === 'string' && /^3\.\d{1,2}$/.test(lit.value)) setPython(settings.app, lit.value);
      else notLiteral();
      continue;
    }
    if (name === 'max_multiplexing') {
      if (lit.ok && typeof lit.value === 'number') settings.runtime.concurrency = { max: lit.value, loc: locOf(nameNode, mod.file) };
      else notLiteral();
      continue;
    }
    if (name === 'app_name' || name === 'name') {
      if (lit.ok && typeof lit.value === 'string') settings.appName = lit.value;
      continue;
    }
    if (name === 'secrets') {
      report(ctx, 'CM816', `secrets ${excerpt(value)}: Cog has no app secrets`, mod, value);
      continue;
    }
    if (name === 'data_mounts') {
      report(ctx, 'CM817', `data_mounts ${excerpt(value)}: fal's persistent /data has no Cog counterpart`, mod, value);
      continue;
    }
    if (HOST_ONLY.has(name)) {
      report(ctx, 'CM810', `\`${name} = ${excerpt(value)}\` has no cog.yaml counterpart; left out`, mod, nameNode);
      continue;
    }
    if (UPLOAD_ONLY.has(name) || name.startsWith('_')) continue;
  }
  if (!sawImage && !settings.app.build.pythonVersionExplicit) assumedPython(ctx, settings.app, 'fal', loc);
  return settings;
}


/** True for `fal.App` however imported. */
export function isFalAppBase(q: string | undefined): boolean {
  return q === 'fal.App' || q === 'fal.app.App';
}

export const isFalName = (ctx: Ctx, mod: PyModule, node: SyntaxNode, ...names: string[]) => {
  const n = unwrapExpr(node);
  const q = qnameOf(ctx.graph, mod, n.type === 'call' ? n.childForFieldName('function')! : n);
  return q !== undefined && names.includes(q);
};
