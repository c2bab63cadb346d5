// How the predictor's code loads Hugging Face weights, read statically (nothing is run): which
// calls download from the Hub, the cache folders the code chooses, and the project folders it
// loads from instead. A target decides from this whether the model needs a weights cache: a
// predictor that only reads `from_pretrained("hf-cache")` (a folder a script filled before
// `cog build`) downloads nothing, whatever its requirements install.

import { statSync } from 'node:fs';
import type { HuggingFaceUse, SourceLocation } from '../../../ir/types.js';
import { resolveProjectPath } from '../../../fs/project-files.js';
import type { PyModule } from '../../../python/modules.js';
import { callArguments, descendantsOfTypes, locOf } from '../../../python/nodes.js';
import type { SyntaxNode } from '../../../python/parse.js';
import type { Ctx } from './context.js';
import { qnameOf } from './symbols.js';
import { literalOf } from './values.js';

/** A cheap test on the text before a module's tree is walked. */
const MENTIONS = /from_pretrained|pipeline|hf_hub_download|snapshot_download|SentenceTransformer|WhisperModel|load_model|create_model_|HF_HOME|HF_HUB_CACHE|TRANSFORMERS_CACHE|HUGGINGFACE_HUB_CACHE/;

const NODE_TYPES = new Set(['call', 'assignment']);
/**
 * Functions that download from the Hub, by canonical name: Hugging Face's own, and libraries that
 * fetch their checkpoints from it into the same cache (faster-whisper and whisperx through
 * huggingface_hub, open_clip's pretrained tags).
 */
const HUB_DOWNLOADS = new Set([
  'huggingface_hub.hf_hub_download', 'huggingface_hub.snapshot_download', 'transformers.pipeline', 'sentence_transformers.SentenceTransformer',
  'faster_whisper.WhisperModel', 'whisperx.load_model', 'open_clip.create_model_and_transforms', 'open_clip.create_model_from_pretrained',
]);
/** Environment variables that move the Hub cache. */
const CACHE_VARIABLES = new Set(['HF_HOME', 'HF_HUB_CACHE', 'TRANSFORMERS_CACHE', 'HUGGINGFACE_HUB_CACHE']);
/** Keywords naming where a loader downloads to. */
const CACHE_KEYWORDS = new Set(['cache_dir', 'cache_folder', 'local_dir', 'download_root']);
/** The keyword a loader's first positional argument also goes by. */
const SOURCE_KEYWORDS = new Set(['pretrained_model_name_or_path', 'model_name_or_path', 'model', 'repo_id']);

/**
 * A name a loader is given: a folder (absolute, `./x`, `../x`, a folder the project has, or a
 * single word that names a cache or weights folder: `hf-cache`, `weights`) or a Hub repository
 * id (`org/name`, or a legacy single word such as `gpt2`).
 */
function isFolder(value: string, inProject: boolean): boolean {
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~') || value === '.') return true;
  if (inProject) return true;
  return !value.includes('/') && /cache|weight|checkpoint|ckpt|pretrained|^models?$/i.test(value);
}

function projectHasFolder(root: string, rel: string): boolean {
  const clean = rel.replace(/^\.\//, '').replace(/^\/src\//, '');
  if (clean === '' || clean.startsWith('/') || clean.startsWith('~')) return false;
  const resolved = resolveProjectPath(root, clean);
  if (!resolved.ok) return false;
  try {
    return statSync(resolved.path).isDirectory();
  } catch {
    return false;
  }
}

function stringOf(ctx: Ctx, mod: PyModule, node: SyntaxNode): string | undefined {
  const r = literalOf(ctx, mod, node);
  return r.ok && typeof r.value === 'string' ? r.value : undefined;
}

/** The called function's last name (`from_pretrained` of `X.from_pretrained`) and canonical name. */
function callee(ctx: Ctx, mod: PyModule, call: SyntaxNode): { last: string; qname?: string } | undefined {
  const fn = call.childForFieldName('function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) return undefined;
  const last = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn.text;
  if (!last) return undefined;
  const qname = qnameOf(ctx.graph, mod, fn);
  return { last, ...(qname ? { qname } : {}) };
}

/** `os.environ["HF_HOME"] = "..."` and `os.environ.setdefault("HF_HOME", "...")`. */
function environmentCacheDir(ctx: Ctx, mod: PyModule, node: SyntaxNode): { name: string; path: string; at: SyntaxNode } | undefined {
  if (node.type === 'assignment') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type !== 'subscript' || !right) return undefined;
    const target = left.childForFieldName('value');
    const key = left.childForFieldName('subscript');
    if (!target || !key || qnameOf(ctx.graph, mod, target) !== 'os.environ') return undefined;
    const name = stringOf(ctx, mod, key);
    const path = name && CACHE_VARIABLES.has(name) ? stringOf(ctx, mod, right) : undefined;
    return name && path !== undefined ? { name, path, at: node } : undefined;
  }
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'setdefault') return undefined;
  const target = fn.childForFieldName('object');
  if (!target || qnameOf(ctx.graph, mod, target) !== 'os.environ') return undefined;
  const [key, value] = callArguments(node).positional;
  const name = key ? stringOf(ctx, mod, key) : undefined;
  const path = name && CACHE_VARIABLES.has(name) && value ? stringOf(ctx, mod, value) : undefined;
  return name && path !== undefined ? { name, path, at: node } : undefined;
}

/** Calls that only look at a path (`os.path.exists`, `os.path.join`, `print`): passing a folder to them does not fill it. */
const READS_ONLY = /^(os\.path\.|builtins\.|print$|str$|len$|Path$|pathlib\.)/;
/** Argument nodes whose string value is cheap to find: names, constants, strings, and one level of lists. */
const PATH_NODES = new Set(['identifier', 'attribute', 'string']);

/** String values passed to a call, positionally, by keyword or inside a list (`["pget", url, DEST]`). */
function collectPaths(ctx: Ctx, mod: PyModule, call: SyntaxNode, into: Set<string>): void {
  const args = callArguments(call);
  const nodes = [...args.positional, ...args.keywords.map((k) => k.value)];
  for (const n of nodes) {
    const items = n.type === 'list' || n.type === 'tuple' ? n.namedChildren : [n];
    for (const item of items) {
      if (!PATH_NODES.has(item.type)) continue;
      const value = stringOf(ctx, mod, item);
      if (value !== undefined) into.add(value);
    }
  }
}

function scanModule(ctx: Ctx, mod: PyModule, use: HuggingFaceUse, seen: Set<string>, passed: Set<string>): void {
  if (!MENTIONS.test(mod.parsed.text)) return;
  const at = (node: SyntaxNode): SourceLocation => locOf(node, mod.file);
  const once = (kind: string, loc: SourceLocation) => {
    const key = `${kind}:${loc.file}:${loc.line}:${loc.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const node of descendantsOfTypes(mod.root, NODE_TYPES)) {
    const env = environmentCacheDir(ctx, mod, node);
    if (env) {
      if (once('variable', at(env.at))) use.cacheVariables.push({ name: env.name, path: env.path, loc: at(env.at) });
      continue;
    }
    if (node.type !== 'call') continue;
    const fn = callee(ctx, mod, node);
    if (!fn) continue;
    const alwaysHub = fn.qname !== undefined && HUB_DOWNLOADS.has(fn.qname);
    if (fn.last !== 'from_pretrained' && !alwaysHub) {
      if (!READS_ONLY.test(fn.qname ?? fn.last)) collectPaths(ctx, mod, node, passed);
      continue;
    }
    const args = callArguments(node);
    const cacheNode = args.keywords.find((k) => CACHE_KEYWORDS.has(k.name))?.value;
    const cacheDir = cacheNode ? stringOf(ctx, mod, cacheNode) : undefined;
    // pipeline("task", model=...) names the model by keyword; the others take it first.
    const sourceNode = fn.qname === 'transformers.pipeline'
      ? args.keywords.find((k) => k.name === 'model')?.value ?? args.positional[1]
      : args.positional[0] ?? args.keywords.find((k) => SOURCE_KEYWORDS.has(k.name))?.value;
    const source = sourceNode ? stringOf(ctx, mod, sourceNode) : undefined;
    const hubIds = fn.qname === 'huggingface_hub.hf_hub_download' || fn.qname === 'huggingface_hub.snapshot_download';
    if (source !== undefined && !hubIds && isFolder(source, projectHasFolder(ctx.graph.root, source))) {
      if (once('folder', at(sourceNode!))) use.projectFolders.push({ path: source, exists: projectHasFolder(ctx.graph.root, source), loc: at(sourceNode!) });
      continue;
    }
    if (once('download', at(node))) use.downloads.push({ loc: at(node), ...(cacheDir !== undefined ? { cacheDir } : {}) });
  }
}

/**
 * The Hugging Face use of a predictor: its module, the module its class is defined in, and the
 * local modules they import that mention a loader (only those are parsed).
 */
export function huggingFaceUse(ctx: Ctx, modules: PyModule[], localImports: string[]): HuggingFaceUse | undefined {
  const use: HuggingFaceUse = { downloads: [], cacheVariables: [], projectFolders: [] };
  const seen = new Set<string>();
  const scanned = new Set<string>();
  const passed = new Set<string>();
  const scan = (mod: PyModule) => {
    if (scanned.has(mod.file)) return;
    scanned.add(mod.file);
    scanModule(ctx, mod, use, seen, passed);
  };
  modules.forEach(scan);
  for (const file of localImports) {
    if (scanned.has(file)) continue;
    const text = ctx.graph.loaded(file) ? undefined : ctx.graph.text(file);
    if (text !== undefined && !MENTIONS.test(text)) continue;
    const loaded = ctx.graph.loaded(file) ?? ctx.graph.load(file);
    if ('root' in loaded) scan(loaded);
  }
  for (const f of use.projectFolders) if (passed.has(f.path)) f.filledBySetup = true;
  return use.downloads.length + use.cacheVariables.length + use.projectFolders.length > 0 ? use : undefined;
}
