// Invariants of the findings catalogue, in the spirit of ts-morph's verification scripts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/findings/codes/index.js';
import { renderFindingsCatalogue } from '../../src/docs/findings-md.js';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('findings catalogue', () => {
  it('every code used in src/ and targets/ is in the catalogue', () => {
    const known = new Set(ALL_CODES.map((c) => c.code));
    const unknown: string[] = [];
    for (const file of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'targets'))]) {
      if (file.includes(`${join('findings', 'codes')}`)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](CM\d{3})['"`]/g)) if (!known.has(m[1]!)) unknown.push(`${m[1]} in ${file}`);
    }
    expect(unknown).toEqual([]);
  });

  it('codes are well-formed and have a title and a hint', () => {
    for (const c of ALL_CODES) {
      expect(c.code).toMatch(/^CM\d{3}$/);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.hint.length).toBeGreaterThan(5);
    }
  });

  it('docs/findings.md lists every code of the catalogue (each range has its section)', () => {
    const page = renderFindingsCatalogue();
    expect(ALL_CODES.filter((c) => !page.includes(`<a id="${c.code.toLowerCase()}"></a>${c.code} |`)).map((c) => c.code)).toEqual([]);
  });

  it('docs/findings.md is up to date (regenerate with `npm run docs`)', () => {
    expect(readFileSync(join(ROOT, 'docs/findings.md'), 'utf8')).toBe(renderFindingsCatalogue());
  });
});
