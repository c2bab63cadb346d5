// `--model owner/name[:version]=TARGET_ID`: parsing, and matching the model ids call sites name.

import type { ClientTarget, ModelMapping } from './types.js';

const OWNER_NAME = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\/([A-Za-z0-9][A-Za-z0-9_.-]*)(?::([A-Za-z0-9]+))?$/;

export type ParsedModelSpec = { ok: true; mapping: ModelMapping } | { ok: false; error: string };

/** Parses one --model value; the TARGET_ID is checked for the target's form. */
export function parseModelSpec(spec: string, to: ClientTarget): ParsedModelSpec {
  const eq = spec.indexOf('=');
  if (eq < 0) return { ok: false, error: `--model ${JSON.stringify(spec)} needs the form owner/name[:version]=TARGET_ID` };
  const id = parseModelId(spec.slice(0, eq));
  if (!id) return { ok: false, error: `--model ${JSON.stringify(spec)}: ${JSON.stringify(spec.slice(0, eq))} is not a Replicate model id (owner/name or owner/name:version)` };
  const targetId = spec.slice(eq + 1);
  const problem = targetIdProblem(targetId, to);
  if (problem) return { ok: false, error: `--model ${JSON.stringify(spec)}: ${problem}` };
  return { ok: true, mapping: { ...id, targetId, spec } };
}

function targetIdProblem(id: string, to: ClientTarget): string | undefined {
  if (id.length === 0) return 'the TARGET_ID after = is empty';
  if (/[\s\0]/.test(id)) return 'the TARGET_ID contains white space';
  if (to === 'fal' && !/^[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]*)?$/.test(id)) return `${JSON.stringify(id)} is not a fal app id (owner/app[/path])`;
  if (to === 'modal' && !modalTarget(id)) return `${JSON.stringify(id)} is neither app-name/ClassName[.method] nor an https:// URL of the app's web endpoint`;
  return undefined;
}

/** A Modal TARGET_ID: the deployed class (Python SDK) or the URL of its Cog-compatible endpoint. */
export type ModalTarget =
  /** `named`: the TARGET_ID names the method (a hand-written class taking keyword arguments); else cog-migrate's `predict(input)`. */
  | { kind: 'cls'; app: string; cls: string; method: string; named: boolean }
  | { kind: 'url'; url: string };

export function modalTarget(id: string): ModalTarget | undefined {
  if (/^https?:\/\/[^\s]+$/.test(id)) return { kind: 'url', url: id.replace(/\/+$/, '') };
  const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\/([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/.exec(id);
  if (!m) return undefined;
  return { kind: 'cls', app: m[1]!, cls: m[2]!, method: m[3] ?? 'predict', named: m[3] !== undefined };
}

export function parseModelId(text: string): { owner: string; name: string; version?: string } | undefined {
  const m = OWNER_NAME.exec(text);
  if (!m) return undefined;
  return m[3] ? { owner: m[1]!, name: m[2]!, version: m[3] } : { owner: m[1]!, name: m[2]! };
}

/**
 * The mapping a model id written in code names, if any. `owner/name` in --model matches every
 * version; `owner/name:version` only that version.
 */
export function findMapping(modelId: string, models: readonly ModelMapping[]): ModelMapping | undefined {
  const id = parseModelId(modelId);
  if (!id) return undefined;
  const same = models.filter((m) => m.owner === id.owner && m.name === id.name);
  return same.find((m) => m.version !== undefined && m.version === id.version) ?? same.find((m) => m.version === undefined);
}

/** Whether a string looks like a Replicate model id at all (so an untraced `.run("a/b")` is worth a finding). */
export function looksLikeModelId(text: string): boolean {
  return parseModelId(text) !== undefined;
}

/** An environment variable name derived from a target id, e.g. `sdxl-lite` -> `SDXL_LITE`. */
export function envName(text: string): string {
  const base = text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(base) ? `_${base}` : base || 'MODEL';
}
