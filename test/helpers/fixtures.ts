// Fixture discovery, shared by the golden suite and the suites that run every fixture through
// one stage: every folder under fixtures/ with an input/ is a case; `.name` and `_name` are skipped.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface CaseOptions {
  description?: string;
  expectError?: boolean;
  verify?: string;
  tags?: string[];
}

export function fixtureCases(): { name: string; dir: string; options: CaseOptions }[] {
  return readdirSync(FIXTURES)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_') && statSync(join(FIXTURES, name)).isDirectory())
    .filter((name) => existsSync(join(FIXTURES, name, 'input')))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const caseFile = join(dir, 'case.json');
      const options = existsSync(caseFile) ? (JSON.parse(readFileSync(caseFile, 'utf8')) as CaseOptions) : {};
      return { name, dir, options };
    });
}
