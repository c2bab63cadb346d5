// Checks of a call site against the model's IR: the input names and literal values a caller
// passes, and what shape the model's output has (file URLs, lists of them, streams).

import type { CogIR, Input, IrType, LiteralValue } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';

/** One key of the `input` object at a call site. `value` is absent when it is not a literal. */
export interface InputEntry {
  name: string;
  value?: LiteralValue;
  loc: { file: string; line: number; column: number };
}

export interface InputObject {
  entries: InputEntry[];
  /** A spread (`...rest`, `**kwargs`) or computed key: the full set of names is unknown. */
  open: boolean;
  loc: { file: string; line: number; column: number };
}

export function checkInputs(ir: CogIR, model: string, input: InputObject): Finding[] {
  const predictor = ir.predictors.predict;
  if (!predictor) return [];
  const byName = new Map(predictor.inputs.map((i) => [i.name, i]));
  const out: Finding[] = [];
  for (const e of input.entries) {
    const decl = byName.get(e.name);
    if (!decl) {
      const known = predictor.inputs.map((i) => i.name).join(', ') || 'none';
      out.push(finding('CM720', `${model} has no input ${JSON.stringify(e.name)} (its inputs: ${known})`, e.loc));
      continue;
    }
    if (e.value === undefined) continue;
    const typeProblem = literalTypeProblem(e.value, decl.type);
    if (typeProblem) {
      out.push(finding('CM721', `input ${JSON.stringify(e.name)} of ${model}: ${typeProblem}`, e.loc));
      continue;
    }
    const rangeProblem = constraintProblem(e.value, decl);
    if (rangeProblem) out.push(finding('CM722', `input ${JSON.stringify(e.name)} of ${model}: ${rangeProblem}`, e.loc));
  }
  if (!input.open) {
    const given = new Set(input.entries.map((e) => e.name));
    for (const i of predictor.inputs) {
      if (i.default === 'required' && !given.has(i.name)) out.push(finding('CM723', `${model} requires input ${JSON.stringify(i.name)}, which this call does not pass`, input.loc));
    }
  }
  return out;
}

function describe(v: LiteralValue): string {
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Why `v` is not a value of type `t`, or undefined when it is (or cannot be judged). */
function literalTypeProblem(v: LiteralValue, t: IrType): string | undefined {
  const want = (name: string) => `${describe(v)} is not ${name}`;
  switch (t.kind) {
    case 'str': case 'secret': case 'path': case 'file':
      return typeof v === 'string' ? undefined : want(t.kind === 'str' || t.kind === 'secret' ? 'a string' : 'a file URL string');
    case 'int': return typeof v === 'number' && Number.isInteger(v) ? undefined : want('an integer');
    case 'float': return typeof v === 'number' ? undefined : want('a number');
    case 'bool': return typeof v === 'boolean' ? undefined : want('a boolean');
    case 'optional': return v === null ? undefined : literalTypeProblem(v, t.inner);
    case 'list': {
      if (!Array.isArray(v)) return want('a list');
      for (const item of v) {
        const p = literalTypeProblem(item, t.items);
        if (p) return `item ${p}`;
      }
      return undefined;
    }
    case 'dict': return v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : want('an object');
    default: return undefined;
  }
}

function constraintProblem(v: LiteralValue, i: Input): string | undefined {
  if (typeof v === 'number') {
    if (i.ge !== undefined && v < i.ge) return `${v} is below the minimum ${i.ge}`;
    if (i.le !== undefined && v > i.le) return `${v} is above the maximum ${i.le}`;
  }
  if (typeof v === 'string') {
    if (i.minLength !== undefined && v.length < i.minLength) return `${describe(v)} is shorter than ${i.minLength} characters`;
    if (i.maxLength !== undefined && v.length > i.maxLength) return `${describe(v)} is longer than ${i.maxLength} characters`;
  }
  if (i.choices?.kind === 'literal' && Array.isArray(i.choices.value) && v !== null && typeof v !== 'object') {
    const choices = i.choices.value;
    if (!choices.some((c) => c === v)) return `${describe(v)} is not one of ${choices.map(describe).join(', ')}`;
  }
  return undefined;
}

/** What a caller sees of the output: file URLs read `.url` on fal; streams use streaming APIs. */
export type OutputShape = 'file' | 'files' | 'stream' | 'value' | 'unknown';

export function outputShape(ir: CogIR | undefined): OutputShape {
  const t = ir?.predictors.predict?.output;
  if (!t) return 'unknown';
  return shapeOf(t);
}

function shapeOf(t: IrType): OutputShape {
  if (t.kind === 'optional') return shapeOf(t.inner);
  if (t.kind === 'path' || t.kind === 'file') return 'file';
  if (t.kind === 'list') return shapeOf(t.items) === 'file' ? 'files' : 'value';
  if (t.kind.endsWith('terator')) return 'stream';
  return 'value';
}

/** Whether the items a streaming model yields are files (each event then carries URLs). */
export function streamsFiles(ir: CogIR | undefined): boolean {
  const t = ir?.predictors.predict?.output;
  return !!t && 'items' in t && t.kind !== 'list' && shapeOf(t.items) === 'file';
}
