// Multi-model repositories (issue 13): one Cog project publishing several Replicate models keeps
// one cog.yaml per variant, and a script that makes one of them the live cog.yaml. The script is
// read here as text, never run: the shapes replicate's repositories use are recognised, and
// anything else is reported with the variant files found (./index.ts).
//
//   yq eval-all 'select(fileIndex == 0) *+ select(fileIndex == 1)' cog.yaml.template model-cog-configs/$1.yaml > cog.yaml
//   cat cog.yaml.template > cog.yaml; cat model-cog-configs/$1.yaml >> cog.yaml
//   cp model-cog-configs/$1.yaml cog.yaml
//   if [[ "$MODEL" == "clip" ]]; then export PREDICTOR=Predictor; fi; envsubst < cog.yaml.tpl > cog.yaml
// and, beside any of them, `cp safe-push-configs/$1.yaml cog-safe-push.yaml`.
//
// Light on purpose (no YAML, no parser): batch discovery lists the variants in its main thread.

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readProjectText } from '../../fs/project-files.js';
import { parseBranches } from './branches.js';

/** Where repositories keep the script, in the order looked for. */
export const SELECT_SCRIPTS = [
  'script/select-model', 'script/select-model.sh', 'script/select.sh', 'script/select',
  'scripts/select-model', 'scripts/select-model.sh', 'scripts/select.sh', 'select-model.sh', 'select.sh',
] as const;
/** Scripts in a language not read here (a template engine decides the cog.yaml): always unreadable. */
const OTHER_SCRIPTS = ['select_model.py', 'script/select_model.py', 'scripts/select_model.py', 'render_template.py'] as const;
const TEMPLATES = ['cog.yaml.template', 'cog.yaml.tpl', 'cog.template.yaml', 'cog.yaml.j2', 'cog.yaml.jinja'] as const;
const MAX_SCRIPT_BYTES = 64 * 1024;
/** Longer lines are not a select script's commands (and would make the regular expressions slow). */
const MAX_LINE = 1000;
const MAX_VARIANTS = 200;
/** A variant name becomes part of a batch id and an output folder name. */
const VARIANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export type CogYamlRecipe =
  /** yq's deep merge of the template and the variant's file: `*+` appends lists, `*` replaces them. */
  | { kind: 'merge'; template: string; dir: string; lists: 'append' | 'replace' }
  /** The template's text, then the variant file's. */
  | { kind: 'concat'; template: string; dir: string }
  /** The variant's file is the whole cog.yaml. */
  | { kind: 'copy'; dir: string }
  /** envsubst on the template with the variables the script exports for the variant. */
  | { kind: 'envsubst'; template: string; values: VariantValues };

/** Variant -> variable -> value; null where the script computes it (`$(...)`, another variable). */
export type VariantValues = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export interface SelectPlan {
  /** The script, project-relative. */
  script: string;
  recipe: CogYamlRecipe;
  /** The variants the script can select, in a stable order. */
  variants: string[];
  /** The folder whose `<variant>.yaml` the script copies to cog-safe-push.yaml. */
  safePushDir?: string;
}

export interface UnreadableScript {
  script: string;
  reason: string;
  /** Candidate variant files found beside it (templates, per-variant cog.yaml files). */
  files: string[];
}

export type SelectRead = { plan: SelectPlan } | { unreadable: UnreadableScript };

/** The project's select script, read statically; undefined when it has none. */
export function readSelectScript(root: string): SelectRead | undefined {
  // Most folders have none of these: two looks before the full list (batch discovery asks every folder).
  if (!['script', 'scripts'].some((d) => isDir(root, d)) && ![...SELECT_SCRIPTS, ...OTHER_SCRIPTS].some((s) => !s.includes('/') && isFile(root, s))) return undefined;
  const script = SELECT_SCRIPTS.find((s) => isFile(root, s));
  const other = script ? undefined : OTHER_SCRIPTS.find((s) => isFile(root, s));
  if (!script && !other) return undefined;
  if (other) return { unreadable: { script: other, reason: 'it is a Python script (a template engine writes cog.yaml), not read statically', files: variantFiles(root) } };
  const read = readProjectText(root, script!, MAX_SCRIPT_BYTES);
  if (!read.ok) return { unreadable: { script: script!, reason: read.detail, files: variantFiles(root) } };
  const planned = planFrom(root, script!, read.text);
  return 'reason' in planned ? { unreadable: { script: script!, reason: planned.reason, files: variantFiles(root) } } : { plan: planned };
}

function planFrom(root: string, script: string, text: string): SelectPlan | { reason: string } {
  const lines = logicalLines(text);
  const names = nameVariables(lines);
  const variantPath = variantPathIn(names);
  const writes = lines.filter((l) => /(^|[\s;])(>>?\s*["']?(\.\/)?cog\.yaml\b|cp\s.*\s["']?(\.\/)?cog\.yaml["']?\s*$)/.test(l));
  if (writes.length === 0) return { reason: 'it does not write cog.yaml in a way cog-migrate reads (yq, cat, cp or envsubst into cog.yaml)' };
  const safePush = lines.map((l) => /^\s*cp\s+(.+?)\s+["']?(\.\/)?cog-safe-push\.yaml["']?\s*$/.exec(l)?.[1]).find((x) => x !== undefined);
  const safePushDir = safePush ? variantPath.find(safePush)?.dir : undefined;
  const recipe = recipeOf(root, { lines, names, writes, variantPath });
  if ('reason' in recipe) return recipe;
  const outside = [recipe.kind === 'envsubst' ? undefined : recipe.dir, 'template' in recipe ? recipe.template : undefined, safePushDir].find((p) => p !== undefined && !insideProject(p));
  if (outside) return { reason: `it names ${outside}, outside the project` };
  const variants = recipe.kind === 'envsubst' ? Object.keys(recipe.values) : yamlNames(root, recipe.dir);
  const bad = variants.filter((v) => !VARIANT_NAME.test(v));
  if (bad.length > 0) return { reason: `variant names ${bad.map((b) => JSON.stringify(b)).join(', ')} are not usable as model names` };
  if (variants.length === 0) return { reason: recipe.kind === 'envsubst' ? 'no `if`/`case` branch on the model name sets the template\'s variables' : `${recipe.dir}/ holds no <variant>.yaml` };
  return { script, recipe, variants: variants.slice(0, MAX_VARIANTS), ...(safePushDir ? { safePushDir } : {}) };
}

interface ScriptText {
  lines: string[];
  /** The variables holding the variant's name. */
  names: string[];
  /** The lines that write cog.yaml. */
  writes: string[];
  variantPath: VariantPath;
}

/** Finds a per-variant file (`dir/$1.yaml`, quoted or not) in a line: its folder, and where it starts. */
interface VariantPath {
  find(line: string): { dir: string; index: number } | undefined;
}

function variantPathIn(names: readonly string[]): VariantPath {
  // Anchored on the reference itself, then back over the folder's characters: linear in the line.
  const ref = new RegExp(`/\\$(?:\\{(?:${names.join('|')})\\}|(?:${names.join('|')})\\b)\\.ya?ml\\b`);
  return {
    find(line) {
      const m = ref.exec(line);
      if (!m) return undefined;
      let start = m.index;
      while (start > 0 && /[\w./-]/.test(line[start - 1]!)) start--;
      const dir = line.slice(start, m.index).replace(/^(\.\/)+/, '');
      return dir ? { dir, index: start } : undefined;
    },
  };
}

function recipeOf(root: string, { lines, names, writes, variantPath }: ScriptText): CogYamlRecipe | { reason: string } {
  const quote = (l: string) => `\`${l.trim().slice(0, 160)}\``;
  const first = writes[0]!;
  if (/\byq\b/.test(first)) {
    const expr = /'([^']*)'|"([^"]*)"/.exec(first);
    const body = expr?.[1] ?? expr?.[2] ?? '';
    const lists = /\*\+/.test(body) ? 'append' : /\*(?![a-z?+])/.test(body) ? 'replace' : undefined;
    const dir = variantPath.find(first)?.dir;
    const template = templateIn(root, first);
    if (!lists || !dir || !template || writes.length > 1) return { reason: `cog.yaml is written by ${quote(first)}, a yq expression other than a merge of a template with the variant's file` };
    return { kind: 'merge', template, dir, lists };
  }
  if (/^\s*cp\s/.test(first) && writes.length === 1) {
    const dir = variantPath.find(first)?.dir;
    return dir ? { kind: 'copy', dir } : { reason: `cog.yaml is copied by ${quote(first)} from no per-variant file` };
  }
  if (writes.every((l) => /^\s*cat\s/.test(l))) {
    const template = templateIn(root, writes.join(' '));
    const dir = writes.map((l) => variantPath.find(l)?.dir).find((d) => d !== undefined);
    const joined = writes.join(' ');
    if (template && dir && joined.indexOf(template) < (variantPath.find(joined)?.index ?? -1)) return { kind: 'concat', template, dir };
    return { reason: `cog.yaml is written by ${writes.map(quote).join(' and ')}, not a template followed by the variant's file` };
  }
  if (/\benvsubst\b/.test(first) && writes.length === 1) {
    const template = templateIn(root, first);
    if (!template) return { reason: `${quote(first)} substitutes no template file of the project` };
    const branches = parseBranches(lines, names);
    if ('reason' in branches) return branches;
    return { kind: 'envsubst', template, values: branches.values };
  }
  return { reason: `cog.yaml is written by ${quote(first)}, which cog-migrate does not read` };
}

/** Script lines with continuations joined and comment lines dropped. */
export function logicalLines(text: string): string[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).filter((l) => l.length <= MAX_LINE && !/^\s*#/.test(l) && l.trim() !== '');
}

/** `1` and every variable the script assigns the first argument to (`MODEL=$1`). */
export function nameVariables(lines: readonly string[]): string[] {
  const names = ['1'];
  for (const l of lines) {
    const m = /^\s*(?:export\s+|local\s+|readonly\s+|declare\s+)?([A-Za-z_]\w*)=["']?\$\{?1\}?["']?\s*$/.exec(l);
    if (m) names.push(m[1]!);
  }
  return names;
}

/** The template file a command line names, when it exists in the project. */
function templateIn(root: string, line: string): string | undefined {
  const words = line.split(/[\s<>;|]+/).map((w) => w.replace(/^["']|["']$/g, '').replace(/^\.\//, ''));
  return words.find((w) => (TEMPLATES as readonly string[]).includes(w) && isFile(root, w))
    ?? words.find((w) => /^[\w./-]+\.(template|tpl)$/.test(w) && /cog/.test(w) && isFile(root, w));
}

/** `<name>.yaml` / `.yml` names in a project folder, sorted. */
function yamlNames(root: string, dir: string): string[] {
  if (!isDir(root, dir)) return []; // not through a symlink: it could lead out of the project
  return listDir(root, dir).flatMap((n) => { const m = /^(.+)\.ya?ml$/.exec(n); return m?.[1] ? [m[1]] : []; });
}

/** What a person picking a variant by hand would look at: templates and per-variant cog.yaml folders. */
function variantFiles(root: string): string[] {
  const out = TEMPLATES.filter((t) => isFile(root, t)) as string[];
  for (const dir of listDir(root, '.')) {
    if (!/cog|config|model|variant/i.test(dir) || !isDir(root, dir)) continue;
    const yamls = listDir(root, dir).filter((n) => /\.(ya?ml|json)$/.test(n));
    if (yamls.length > 0) out.push(...yamls.slice(0, 20).map((n) => `${dir}/${n}`));
  }
  return out;
}

/** A project-relative path that stays in the project (no absolute path, no `..`). */
function insideProject(rel: string): boolean {
  return !rel.startsWith('/') && !rel.split('/').includes('..');
}

function listDir(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir)).sort();
  } catch {
    return [];
  }
}

// A regular file or folder itself, not through a symlink. A missing path is the common answer
// (every project is asked), so it is no exception: throwing one costs more than the lstat.
function isFile(root: string, rel: string): boolean {
  try {
    return lstatSync(join(root, rel), { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function isDir(root: string, rel: string): boolean {
  try {
    return lstatSync(join(root, rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
