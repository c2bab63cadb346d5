// One variant's cog.yaml, made as its select script would make it (./script.ts read the recipe),
// from the project's files only. Keeps track of where each line came from, so findings about the
// variant's cog.yaml point at the template or the variant's file and line the person wrote.

import { isMap, parseDocument } from 'yaml';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { readProjectText } from '../../fs/project-files.js';
import type { SelectPlan } from './script.js';

const MAX_BYTES = 1024 * 1024;

export interface AssembledCogYaml {
  text: string;
  /** The project files it was made from, in order. */
  sources: string[];
  /** Where line `line` of `text` was written. */
  origin(line: number): { file: string; line?: number };
  findings: Finding[];
}

/** The cog.yaml the plan's script would write for `variant`; undefined with CM179 when it cannot be made. */
export function assembleCogYaml(root: string, plan: SelectPlan, variant: string): { cogYaml?: AssembledCogYaml; findings: Finding[] } {
  const recipe = plan.recipe;
  const read = (file: string): string | Finding => {
    const r = readProjectText(root, file, MAX_BYTES);
    return r.ok ? r.text : finding('CM179', `${plan.script} builds variant ${variant}'s cog.yaml from ${file}, which cannot be read: ${r.detail}`, { file });
  };
  const variantFile = recipe.kind === 'envsubst' ? undefined : variantFileIn(root, recipe.dir, variant);
  if (recipe.kind !== 'envsubst' && !variantFile) {
    return { findings: [finding('CM179', `${plan.script} needs ${recipe.dir}/${variant}.yaml, which is not in the project`, { file: plan.script })] };
  }
  if (recipe.kind === 'copy') {
    const text = read(variantFile!);
    if (typeof text !== 'string') return { findings: [text] };
    return { cogYaml: { text, sources: [variantFile!], origin: (line) => ({ file: variantFile!, line }), findings: [] }, findings: [] };
  }
  const template = read(recipe.template);
  if (typeof template !== 'string') return { findings: [template] };
  if (recipe.kind === 'envsubst') return { cogYaml: substitute(recipe.template, template, recipe.values[variant] ?? {}, variant, plan.script), findings: [] };
  const own = read(variantFile!);
  if (typeof own !== 'string') return { findings: [own] };
  if (recipe.kind === 'merge') {
    const merged = mergeYaml(template, own, recipe.lists);
    if (merged === undefined) {
      return { findings: [finding('CM179', `${recipe.template} and ${variantFile} are not both YAML mappings, so yq's merge in ${plan.script} cannot be followed`, { file: variantFile! })] };
    }
    if (merged !== 'disjoint') return { cogYaml: { text: merged, sources: [recipe.template, variantFile!], origin: () => ({ file: variantFile! }), findings: [] }, findings: [] };
  }
  // Concatenated, or merged with no key in common (yq's merge is then the two files one after the other).
  const head = template.endsWith('\n') || template === '' ? template : `${template}\n`;
  const split = head.split('\n').length - 1;
  return {
    cogYaml: { text: head + own, sources: [recipe.template, variantFile!], origin: (line) => (line <= split ? { file: recipe.template, line } : { file: variantFile!, line: line - split }), findings: [] },
    findings: [],
  };
}

function variantFileIn(root: string, dir: string, variant: string): string | undefined {
  return [`${dir}/${variant}.yaml`, `${dir}/${variant}.yml`].find((f) => readProjectText(root, f, MAX_BYTES).ok);
}

/** envsubst: `$NAME` and `${NAME}` replaced by the variant's value, an unset one by nothing (CM178). */
function substitute(file: string, text: string, values: Readonly<Record<string, string | null>>, variant: string, script: string): AssembledCogYaml {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  const out = lines.map((l, i) => l.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = values[name];
    if (typeof value === 'string') return value;
    if (!seen.has(name)) {
      seen.add(name);
      const why = value === null ? `${script} computes it for variant ${variant} (not read statically)` : `${script} does not set it for variant ${variant}`;
      findings.push(finding('CM178', `${file} uses $${name}, but ${why}; it was read as empty, as envsubst writes an unset variable`, { file, line: i + 1 }));
    }
    return '';
  }));
  return { text: out.join('\n'), sources: [file], origin: (line) => ({ file, line }), findings };
}

/** yq's `*+` (lists appended) or `*` (lists replaced) deep merge; 'disjoint' when no top-level key is shared. */
export function mergeYaml(base: string, over: string, lists: 'append' | 'replace'): string | 'disjoint' | undefined {
  const a = parseDocument(base, { merge: true });
  const b = parseDocument(over, { merge: true });
  if (a.errors.length > 0 || b.errors.length > 0) return undefined;
  const left: unknown = a.contents === null ? {} : a.toJS({ maxAliasCount: 100 });
  const right: unknown = b.contents === null ? {} : b.toJS({ maxAliasCount: 100 });
  if ((a.contents !== null && !isMap(a.contents)) || (b.contents !== null && !isMap(b.contents))) return undefined;
  const l = left as Record<string, unknown>;
  const r = right as Record<string, unknown>;
  if (!Object.keys(r).some((k) => k in l)) return 'disjoint';
  const doc = parseDocument('{}');
  doc.contents = doc.createNode(deepMerge(l, r, lists)) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

function deepMerge(a: unknown, b: unknown, lists: 'append' | 'replace'): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return lists === 'append' ? [...a, ...b] : b;
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in a ? deepMerge(a[k], v, lists) : v;
    return out;
  }
  return b;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
