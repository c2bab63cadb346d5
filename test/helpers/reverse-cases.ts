// The reverse fixture cases: fixtures-fal/<case>/ and fixtures-modal/<case>/, discovered.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export interface ReverseCase {
  platform: 'fal' | 'modal';
  name: string;
  dir: string;
  options: { description?: string; expectError?: boolean; endpoint?: string; app?: string };
  /** What is converted: input/, or the app file in it that case.json names (`"app": "pkg/model.py"`). */
  path: string;
}

export function reverseCases(): ReverseCase[] {
  return (['fal', 'modal'] as const).flatMap((platform) => {
    const base = join(REPO, `fixtures-${platform}`);
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .filter((n) => !n.startsWith('.') && !n.startsWith('_') && statSync(join(base, n)).isDirectory() && existsSync(join(base, n, 'input')))
      .sort()
      .map((name) => {
        const dir = join(base, name);
        const caseFile = join(dir, 'case.json');
        const options: ReverseCase['options'] = existsSync(caseFile) ? JSON.parse(readFileSync(caseFile, 'utf8')) : {};
        return { platform, name, dir, options, path: options.app ? join(dir, 'input', options.app) : join(dir, 'input') };
      });
  });
}

