// The versioned JSON form of the IR (`cog-migrate inspect --json`, golden ir.json files).
// Keys are written in a stable order (irVersion first, everything else sorted) so the same IR
// always gives the same bytes, whatever order a frontend filled its objects in.

import { IR_VERSION, type CogIR } from './types.js';

export interface IrToJsonOptions {
  /** Replace `project.root` (an absolute, machine-specific path) with `<FIXTURE>`. */
  normaliseRoot?: boolean;
}

export const NORMALISED_ROOT = '<FIXTURE>';

/** The IR as pretty-printed JSON text ending in a newline. */
export function irToJson(ir: CogIR, options: IrToJsonOptions = {}): string {
  const value = options.normaliseRoot ? { ...ir, project: { ...ir.project, root: NORMALISED_ROOT } } : ir;
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a === 'irVersion' ? -1 : b === 'irVersion' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

export type IrFromJsonResult = { ok: true; ir: CogIR } | { ok: false; error: string };

/**
 * Reads IR JSON back. Checks the version and the shape the rest of the tool relies on; it
 * never throws for bad text (the text may come from a user).
 */
export function irFromJson(text: string): IrFromJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  if (!isObject(value)) return { ok: false, error: 'IR JSON must be an object' };
  if (!('irVersion' in value)) return { ok: false, error: 'missing irVersion' };
  if (value.irVersion !== IR_VERSION) {
    return { ok: false, error: `irVersion ${JSON.stringify(value.irVersion)} is not supported (this cog-migrate reads irVersion ${IR_VERSION})` };
  }
  const problem = shapeProblem(value);
  if (problem) return { ok: false, error: problem };
  return { ok: true, ir: value as unknown as CogIR };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TYPE_KINDS = new Set([
  'str', 'int', 'float', 'bool', 'path', 'file', 'secret', 'any', 'dict',
  'list', 'optional', 'iterator', 'concatenateIterator', 'asyncIterator', 'asyncConcatenateIterator', 'object',
]);

function typeProblem(t: unknown, at: string): string | undefined {
  if (!isObject(t) || typeof t.kind !== 'string' || !TYPE_KINDS.has(t.kind)) return `${at}: not an IR type`;
  if ('items' in t && t.kind !== 'object') return typeProblem(t.items, `${at}.items`);
  if (t.kind === 'optional') return typeProblem(t.inner, `${at}.inner`);
  if (t.kind === 'dict' && 'values' in t) return typeProblem(t.values, `${at}.values`);
  if (t.kind === 'object') {
    if (typeof t.name !== 'string' || !Array.isArray(t.fields)) return `${at}: object type needs name and fields`;
    for (const [i, f] of t.fields.entries()) {
      if (!isObject(f) || typeof f.name !== 'string') return `${at}.fields[${i}]: needs a name`;
      const p = typeProblem(f.type, `${at}.fields[${i}].type`);
      if (p) return p;
    }
  }
  if ((t.kind === 'list' || t.kind.endsWith('terator')) && !('items' in t)) return `${at}: ${t.kind} needs items`;
  return undefined;
}

function shapeProblem(v: Record<string, unknown>): string | undefined {
  for (const key of ['project', 'build', 'runtime', 'predictors']) {
    if (!isObject(v[key])) return `${key} must be an object`;
  }
  const project = v.project as Record<string, unknown>;
  if (typeof project.name !== 'string' || typeof project.root !== 'string') return 'project needs name and root';
  const predictors = v.predictors as Record<string, unknown>;
  for (const role of ['predict', 'train'] as const) {
    const p = predictors[role];
    if (p === undefined) continue;
    if (!isObject(p)) return `predictors.${role} must be an object`;
    if (typeof p.file !== 'string' || typeof p.name !== 'string') return `predictors.${role} needs file and name`;
    if (!Array.isArray(p.inputs)) return `predictors.${role}.inputs must be a list`;
    for (const [i, input] of p.inputs.entries()) {
      if (!isObject(input) || typeof input.name !== 'string' || typeof input.order !== 'number') {
        return `predictors.${role}.inputs[${i}] needs name and order`;
      }
      const problem = typeProblem(input.type, `predictors.${role}.inputs[${i}].type`);
      if (problem) return problem;
    }
    const problem = typeProblem(p.output, `predictors.${role}.output`);
    if (problem) return problem;
  }
  return undefined;
}
