// Options of a Modal entry -> build and runtime facts of the IR: `@app.cls(...)` /
// `@app.function(...)` keywords (gpu, image, secrets, volumes, scaling), `modal.App(image=...)`
// as the fallback image, and `@modal.concurrent(max_inputs=N)` (Cog's concurrency.max).
// Old spellings (keep_warm, allow_concurrent_inputs, modal.gpu.X()) are read with CM819.

import type { Runtime, SourceLocation } from '../../ir/types.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, locOf, unwrapExpr } from '../../python/nodes.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { emptyAppBuild, type AppBuild } from '../shared/build.js';
import { assumedPython } from '../shared/python-version.js';
import { readModalImage, type ImageReadOptions } from './image.js';

export interface ModalApp {
  variable: string;
  name?: string;
  call: SyntaxNode;
  loc: SourceLocation;
  /** The module whose `modal.App(...)` call this is, when not the app file (`from .common import app`). */
  module?: PyModule;
}

export interface ModalSettings {
  app: AppBuild;
  runtime: Pick<Runtime, 'concurrency'>;
  /** The Dockerfile the image is built from (`Image.from_dockerfile`), project-relative. */
  dockerfile?: string;
}

const HOST_ONLY = new Set([
  'timeout', 'scaledown_window', 'min_containers', 'max_containers', 'buffer_containers', 'region', 'cpu', 'memory',
  'retries', 'enable_memory_snapshot', 'cloud', 'ephemeral_disk', 'startup_timeout', 'schedule', 'experimental_options',
  'single_use_containers', 'restrict_modal_access', 'block_network', 'max_inputs', 'proxy', 'include_source', 'i6pn',
]);
const OLD = new Map([
  ['keep_warm', 'min_containers'], ['container_idle_timeout', 'scaledown_window'], ['concurrency_limit', 'max_containers'],
  ['allow_concurrent_inputs', '@modal.concurrent(max_inputs=...)'], ['mounts', 'Image.add_local_*'],
]);

export function readModalOptions(ctx: Ctx, mod: PyModule, app: ModalApp, decorator: SyntaxNode | undefined, classDecorators: { name: string; call: SyntaxNode }[], imageOptions: ImageReadOptions = {}): ModalSettings {
  const settings: ModalSettings = { app: emptyAppBuild(decorator ? locOf(decorator, mod.file) : app.loc), runtime: {} };
  const keywords = decorator && decorator.type === 'call' ? callArguments(decorator).keywords : [];
  const appKeywords = callArguments(app.call).keywords;
  const appMod = app.module ?? mod;
  const own = keywords.find((k) => k.name === 'image')?.value;
  const image = own ? { node: own, mod } : appKeywords.filter((k) => k.name === 'image').map((k) => ({ node: k.value, mod: appMod }))[0];
  if (image) {
    const read = readModalImage(ctx, image.mod, image.node, settings.app, imageOptions);
    if (read.dockerfile !== undefined) settings.dockerfile = read.dockerfile;
  }
  for (const k of appKeywords) {
    if (k.name === 'secrets') report(ctx, 'CM816', `modal.App(secrets=${excerpt(k.value)}): Cog has no app secrets`, appMod, k.value);
    if (k.name === 'volumes') report(ctx, 'CM817', `modal.App(volumes=${excerpt(k.value)}): Modal Volumes have no Cog counterpart`, appMod, k.value);
  }
  for (const { name, nameNode, value } of keywords) {
    if (name === 'image') continue;
    if (name === 'gpu') {
      readGpu(ctx, mod, value, settings.app);
      continue;
    }
    if (name === 'secrets') { report(ctx, 'CM816', `secrets=${excerpt(value)}: Cog has no app secrets`, mod, value); continue; }
    if (name === 'volumes' || name === 'network_file_systems' || name === 'cloud_bucket_mounts') {
      report(ctx, 'CM817', `${name}=${excerpt(value)}: Modal storage mounted at run time has no Cog counterpart`, mod, value);
      continue;
    }
    const replacement = OLD.get(name);
    if (replacement) {
      report(ctx, 'CM819', `\`${name}\` is the old spelling of ${replacement}${name === 'allow_concurrent_inputs' ? '; read as concurrency.max' : '; no cog.yaml counterpart'}`, mod, nameNode);
      if (name === 'allow_concurrent_inputs') setConcurrency(ctx, mod, value, nameNode, settings);
      continue;
    }
    if (HOST_ONLY.has(name)) report(ctx, 'CM810', `\`${name}=${excerpt(value)}\` has no cog.yaml counterpart; left out`, mod, nameNode);
  }
  for (const d of classDecorators) {
    if (d.name === 'modal.concurrent' && d.call.type === 'call') {
      const max = callArguments(d.call).keywords.find((k) => k.name === 'max_inputs');
      if (max) setConcurrency(ctx, mod, max.value, max.nameNode, settings);
    }
  }
  if (!settings.app.build.pythonVersionExplicit) assumedPython(ctx, settings.app, 'Modal', settings.app.build.loc);
  return settings;
}

function setConcurrency(ctx: Ctx, mod: PyModule, value: SyntaxNode, at: SyntaxNode, settings: ModalSettings): void {
  const r = literalOf(ctx, mod, value);
  if (r.ok && typeof r.value === 'number') settings.runtime.concurrency = { max: r.value, loc: locOf(at, mod.file) };
  else report(ctx, 'CM818', `${excerpt(value)} is not a literal; concurrency.max left out`, mod, value);
}

function readGpu(ctx: Ctx, mod: PyModule, value: SyntaxNode, app: AppBuild): void {
  const n = unwrapExpr(value);
  if (n.type === 'call') {
    const q = qnameOf(ctx.graph, mod, n.childForFieldName('function')!);
    if (q?.startsWith('modal.gpu.')) report(ctx, 'CM819', `${excerpt(n)} is the old GPU spelling (now gpu="${q.slice('modal.gpu.'.length)}")`, mod, n);
    app.build.gpu = true;
  } else {
    const r = literalOf(ctx, mod, n);
    if (!r.ok) { report(ctx, 'CM818', `gpu=${excerpt(n)} is not a literal; read as gpu: true`, mod, n); app.build.gpu = true; return; }
    if (r.value === null) return;
    app.build.gpu = true;
  }
  report(ctx, 'CM821', `gpu=${excerpt(n)} becomes gpu: true`, mod, n);
}
