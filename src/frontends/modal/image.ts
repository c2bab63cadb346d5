// A Modal image chain (`modal.Image.debian_slim(python_version="3.11").pip_install(...)...`)
// read back into cog.yaml terms, step by step. A receiver that is a name (`base.pip_install()`)
// is followed to its module-level assignment. Docs: https://modal.com/docs/reference/modal.Image
// (names checked against modal 1.6.4).

import { posix } from 'node:path';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, locOf, unwrapExpr } from '../../python/nodes.js';
import { readProjectText } from '../../fs/project-files.js';
import { splitRequirementLines } from '../cog/config/requirements.js';
import { excerpt, report, type Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { readDockerfileInto } from '../shared/dockerfile-build.js';
import { addRequirement, addSystemPackage, baseImageFacts, setEnv, setPython, type AppBuild } from '../shared/build.js';

const MAX_CHAIN = 64;
const PIP_METHODS = new Set(['pip_install', 'uv_pip_install']);
const FILE_METHODS = new Set(['add_local_dir', 'add_local_file', 'add_local_python_source', 'copy_local_dir', 'copy_local_file']);

/** The calls of a chain, first (the constructor) to last. */
function chainCalls(ctx: Ctx, mod: PyModule, node: SyntaxNode): { method: string; call: SyntaxNode; mod: PyModule }[] | undefined {
  const out: { method: string; call: SyntaxNode; mod: PyModule }[] = [];
  let n = unwrapExpr(node);
  let m = mod;
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (fn?.type !== 'attribute') return undefined;
      const q = qnameOf(ctx.graph, m, fn);
      const method = fn.childForFieldName('attribute')!.text;
      out.unshift({ method, call: n, mod: m });
      if (q?.startsWith('modal.Image.') || q?.startsWith('modal.image.Image.')) return out;
      n = unwrapExpr(fn.childForFieldName('object')!);
      continue;
    }
    if (n.type === 'identifier') {
      const r = ctx.graph.resolve(m, n);
      if (r?.kind !== 'value') return undefined;
      n = unwrapExpr(r.node);
      m = r.module;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function strings(ctx: Ctx, mod: PyModule, nodes: SyntaxNode[]): string[] | undefined {
  const out: string[] = [];
  for (const node of nodes) {
    const r = literalOf(ctx, mod, node);
    if (!r.ok) return undefined;
    const values = Array.isArray(r.value) ? r.value : [r.value];
    for (const v of values) if (typeof v === 'string') out.push(v);
  }
  return out;
}

export interface ImageReadOptions {
  /**
   * The image of cog-migrate's own Modal wrapper (./cog-wrapper.ts): its steps after the
   * Dockerfile (FastAPI for the web endpoint, the project folder mounted at /src as Cog copies
   * it) serve the wrapper, not the model.
   */
  wrapper?: boolean;
}

export interface ImageRead {
  /** The Dockerfile of `Image.from_dockerfile`, project-relative, when it was read. */
  dockerfile?: string;
}

/** Reads the image expression into `app`. */
export function readModalImage(ctx: Ctx, mod: PyModule, node: SyntaxNode, app: AppBuild, options: ImageReadOptions = {}): ImageRead {
  const calls = chainCalls(ctx, mod, node);
  const out: ImageRead = {};
  if (!calls) {
    report(ctx, 'CM818', `image ${excerpt(node)} is not a modal.Image chain that can be read statically; it is not carried into cog.yaml`, mod, node);
    return out;
  }
  let afterDockerfile = false;
  for (const { method, call, mod: m } of calls) {
    const { positional, keywords } = callArguments(call);
    const kw = (name: string) => keywords.find((k) => k.name === name)?.value;
    const str = (node: SyntaxNode | undefined) => {
      if (!node) return undefined;
      const r = literalOf(ctx, m, node);
      return r.ok && typeof r.value === 'string' ? r.value : undefined;
    };
    const loc = locOf(call, m.file);
    const notLiteral = () => report(ctx, 'CM818', `${method}(${excerpt(call.childForFieldName('arguments') ?? call)}) is not made of literals; left out of cog.yaml`, m, call);
    switch (method) {
      case 'debian_slim': case 'micromamba': {
        const python = str(kw('python_version') ?? positional[0]);
        if (python) setPython(app, python);
        break;
      }
      case 'from_registry': case 'from_dockerhub': case 'from_aws_ecr': case 'from_gcp_artifact_registry': {
        const tag = str(positional[0] ?? kw('tag'));
        const facts = tag ? baseImageFacts(tag) : {};
        if (facts.python) setPython(app, facts.python);
        if (facts.cuda) app.build.cuda = facts.cuda;
        if (facts.cudnn) app.build.cudnn = facts.cudnn;
        const python = str(kw('add_python'));
        if (python) setPython(app, python);
        break;
      }
      case 'from_dockerfile': {
        const given = positional[0] ?? kw('path');
        const path = given ? pathNextToFile(ctx, m, given) : undefined;
        const file = path !== undefined ? posix.normalize(posix.join(posix.dirname(m.file), path)) : undefined;
        const read = file !== undefined ? readProjectText(ctx.graph.root, file) : undefined;
        if (!read?.ok) {
          report(ctx, 'CM818', `the Dockerfile ${path ?? excerpt(call)} cannot be read${read && !read.ok ? ` (${read.detail})` : ''}; the image is not carried into cog.yaml`, m, call);
          break;
        }
        readDockerfileInto(app, read.text, loc, ctx.findings, { platform: 'Modal' });
        out.dockerfile = file;
        afterDockerfile = true;
        const python = str(kw('add_python'));
        if (python) setPython(app, python);
        break;
      }
      case 'pip_install': case 'uv_pip_install': case 'pip_install_private_repos': {
        const pkgs = strings(ctx, m, positional);
        if (!pkgs) { notLiteral(); break; }
        if (options.wrapper && afterDockerfile && pkgs.length > 0 && pkgs.every((p) => /^fastapi(\[[^\]]*\])?([<>=!~].*)?$/.test(p))) {
          report(ctx, 'CM826', `${method}(${pkgs.join(', ')}) is the web framework of the wrapper's HTTP endpoint; Cog serves its own HTTP API, so it is left out of requirements.txt`, m, call);
          break;
        }
        for (const flag of ['index_url', 'extra_index_url', 'find_links'] as const) {
          const v = str(kw(flag));
          // A Modal step's index applies to that step only; in requirements.txt it applies to all.
          if (v) addRequirement(app, `--${flag === 'find_links' ? 'find-links' : flag.replace(/_/g, '-')} ${v}`.replace('--index-url', '--extra-index-url'), loc);
        }
        if (kw('pre')) addRequirement(app, '--pre', loc);
        for (const p of pkgs) addRequirement(app, p, loc);
        break;
      }
      case 'pip_install_from_requirements': case 'uv_pip_install_from_requirements': {
        const file = str(positional[0]);
        const read = file ? readProjectText(ctx.graph.root, posix.normalize(posix.join(posix.dirname(m.file), file))) : undefined;
        if (!read?.ok) { report(ctx, 'CM818', `${method}: ${file ?? excerpt(call)} cannot be read; left out of requirements.txt`, m, call); break; }
        for (const line of splitRequirementLines(read.text)) addRequirement(app, line.text, loc);
        break;
      }
      case 'apt_install': {
        const pkgs = strings(ctx, m, positional);
        if (!pkgs) { notLiteral(); break; }
        for (const p of pkgs) addSystemPackage(app, p, loc);
        break;
      }
      case 'run_commands': {
        const cmds = strings(ctx, m, positional);
        if (!cmds) { notLiteral(); break; }
        for (const c of cmds) app.build.run.push({ command: c, mounts: [], loc });
        if (kw('secrets')) report(ctx, 'CM816', 'run_commands(secrets=...): Cog build steps take secrets only as build.run mounts; add them there by hand', m, kw('secrets')!);
        if (kw('gpu')) report(ctx, 'CM820', 'run_commands(gpu=...): Cog builds have no GPU; the command runs without one', m, kw('gpu')!);
        break;
      }
      case 'env': {
        const r = positional[0] ? literalOf(ctx, m, positional[0]) : undefined;
        if (!r?.ok || r.value === null || typeof r.value !== 'object' || Array.isArray(r.value)) { notLiteral(); break; }
        for (const [k, v] of Object.entries(r.value)) if (typeof v === 'string') setEnv(app, k, v, loc);
        break;
      }
      case 'workdir': case 'entrypoint': case 'shell': case 'dockerfile_commands':
        report(ctx, 'CM820', `Image.${method}(...) has no cog.yaml counterpart (Cog works in /src and starts its own server)`, m, call);
        break;
      default:
        if (options.wrapper && method === 'add_local_dir') {
          // The wrapper mounts its own folder at /src, which is what Cog's `COPY . /src` does.
        } else if (FILE_METHODS.has(method)) {
          report(ctx, 'CM820', `Image.${method}(...): Cog copies the whole project folder to /src, so files inside it come along; files from elsewhere must be copied into the folder`, m, call);
        } else if (method === 'run_function') {
          report(ctx, 'CM820', 'Image.run_function(...) runs Python at build time; Cog has no counterpart (do it in setup(), or as a build.run command)', m, call);
        } else if (!PIP_METHODS.has(method)) {
          report(ctx, 'CM820', `Image.${method}(...) is not carried into cog.yaml`, m, call);
        }
    }
  }
  return out;
}

/**
 * A path given as a string, or built next to the app file as Modal's docs write it:
 * `Path(__file__).parent / "Dockerfile"` (also through a module-level name such as
 * `HERE = Path(__file__).parent`). The result is relative to the app file's folder.
 */
function pathNextToFile(ctx: Ctx, mod: PyModule, node: SyntaxNode, depth = 0): string | undefined {
  const n = unwrapExpr(node);
  if (depth > 8) return undefined;
  if (n.type === 'identifier') {
    const r = ctx.graph.resolve(mod, n);
    return r?.kind === 'value' && r.module === mod ? pathNextToFile(ctx, mod, r.node, depth + 1) : undefined;
  }
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '/') {
    const left = pathNextToFile(ctx, mod, n.childForFieldName('left')!, depth + 1);
    const right = literalOf(ctx, mod, n.childForFieldName('right')!);
    return left !== undefined && right.ok && typeof right.value === 'string' ? posix.join(left, right.value) : undefined;
  }
  if (isFileFolder(ctx, mod, n)) return '.';
  const r = literalOf(ctx, mod, n);
  return r.ok && typeof r.value === 'string' ? r.value : undefined;
}

/** `Path(__file__).parent` or `Path(__file__).resolve().parent` (pathlib.Path too). */
function isFileFolder(ctx: Ctx, mod: PyModule, n: SyntaxNode): boolean {
  if (n.type !== 'attribute' || n.childForFieldName('attribute')?.text !== 'parent') return false;
  let inner = unwrapExpr(n.childForFieldName('object')!);
  if (inner.type === 'call' && inner.childForFieldName('function')?.type === 'attribute' && ['resolve', 'absolute'].includes(inner.childForFieldName('function')!.childForFieldName('attribute')!.text)) {
    inner = unwrapExpr(inner.childForFieldName('function')!.childForFieldName('object')!);
  }
  if (inner.type !== 'call') return false;
  const q = qnameOf(ctx.graph, mod, inner.childForFieldName('function')!);
  const args = callArguments(inner).positional;
  return (q === 'pathlib.Path' || q === 'pathlib.PurePath') && args.length === 1 && args[0]!.text === '__file__';
}
