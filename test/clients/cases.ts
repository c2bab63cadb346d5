// The fixture applications of `cog-migrate clients`: every folder under fixtures-clients/ with
// an input/ and a case.json is a case (discovered, never listed). case.json names the models the
// case moves, with each target's id and the model's IR (a Cog fixture of this repository).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModelIr } from '../../src/clients/index.js';
import { parseModelSpec } from '../../src/clients/models.js';
import type { ClientTarget, ModelMapping } from '../../src/clients/types.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const CLIENT_FIXTURES = join(REPO, 'fixtures-clients');
export const TARGETS: ClientTarget[] = ['fal', 'modal', 'workers-ai'];

interface CaseModel { id: string; ir?: string; fal: string; modal: string; 'workers-ai': string }
export interface ClientCase { name: string; dir: string; input: string; description: string; models: CaseModel[] }

export function clientCases(): ClientCase[] {
  return readdirSync(CLIENT_FIXTURES)
    .filter((name) => !name.startsWith('.') && statSync(join(CLIENT_FIXTURES, name)).isDirectory() && existsSync(join(CLIENT_FIXTURES, name, 'input')))
    .sort()
    .map((name) => {
      const dir = join(CLIENT_FIXTURES, name);
      const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { description: string; models: CaseModel[] };
      return { name, dir, input: join(dir, 'input'), description: c.description, models: c.models };
    });
}

/** The --model mappings of a case for one target, with their IR loaded. */
export function caseModels(c: ClientCase, to: ClientTarget): ModelMapping[] {
  return c.models.map((m) => {
    const parsed = parseModelSpec(`${m.id}=${m[to]}`, to);
    if (!parsed.ok) throw new Error(parsed.error);
    if (m.ir) {
      const loaded = loadModelIr(join(REPO, m.ir));
      if (!loaded.ir) throw new Error(`IR ${m.ir}: ${JSON.stringify(loaded.findings)}`);
      parsed.mapping.ir = loaded.ir;
    }
    return parsed.mapping;
  });
}
