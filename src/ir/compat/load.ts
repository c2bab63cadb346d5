// What `cog-migrate diff` compares: a Cog project folder (or a converted output, which carries
// the project), an IR JSON file (`inspect --json`) or an OpenAPI document (`inspect --openapi`,
// a model's /openapi.json). Everything becomes the OpenAPI document Cog serves; never throws.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { hasErrors } from '../../findings/types.js';
import { readCog } from '../../frontends/cog/index.js';
import { irFromJson } from '../json.js';
import { toOpenApi, type JsonObject } from '../openapi.js';

export type SchemaSource = 'project' | 'ir' | 'openapi';

/** `findings`: a project's reading warnings (a default kept as source text, CM204, is compared as
 * Cog's static generator reads it: as no default), so a change the reading made is not taken for
 * one the model made. */
export type LoadedSchema = { ok: true; schema: JsonObject; source: SchemaSource; findings: Finding[] } | { ok: false; findings: Finding[] };

const MAX_BYTES = 32 * 1024 * 1024;

export interface LoadSchemaOptions {
  /** A project of several models (a select script, cog-safe-push-configs/): the one to compare. */
  variant?: string;
}

export function loadSchema(path: string, options: LoadSchemaOptions = {}): LoadedSchema {
  const fail = (why: string): LoadedSchema => ({ ok: false, findings: [finding('CM622', `${path}: ${why}`)] });
  if (!existsSync(path)) return fail('does not exist');
  const st = statSync(path);
  if (st.isDirectory()) {
    // A project whose select script makes cog.yaml has none until a variant is chosen: its reading
    // (CM001, CM177) names the variants to pass with --variant.
    if (!existsSync(join(path, 'cog.yaml')) && options.variant === undefined && !readCog(path).findings.some((f) => f.code === 'CM177')) return fail('is a folder without cog.yaml');
    const read = readCog(path, options.variant !== undefined ? { variant: options.variant } : {});
    if (!read.ir || hasErrors(read.findings)) {
      return { ok: false, findings: [finding('CM622', `${path}: the Cog project cannot be read`), ...read.findings] };
    }
    return { ok: true, schema: toOpenApi(read.ir), source: 'project', findings: read.findings.filter((f) => f.severity !== 'info') };
  }
  if (st.size > MAX_BYTES) return fail(`is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return fail(`is not JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('is not a JSON object');
  if ('irVersion' in value) {
    const ir = irFromJson(JSON.stringify(value));
    return ir.ok ? { ok: true, schema: toOpenApi(ir.ir), source: 'ir', findings: [] } : fail(`is not usable IR JSON: ${ir.error}`);
  }
  const doc = value as JsonObject;
  const schemas = typeof doc.components === 'object' && doc.components !== null && !Array.isArray(doc.components) ? (doc.components as JsonObject).schemas : undefined;
  if (typeof doc.openapi === 'string' && typeof schemas === 'object' && schemas !== null) return { ok: true, schema: doc, source: 'openapi', findings: [] };
  return fail('is neither IR JSON (irVersion) nor an OpenAPI document (openapi, components.schemas)');
}
