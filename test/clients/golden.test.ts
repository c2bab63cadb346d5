// Golden rewrites: for every fixture application and every target, the rewritten files and the
// findings are compared with fixtures-clients/<case>/expected/<target>/ (UPDATE_GOLDEN=1 rewrites
// them; a missing golden fails under CI). Then, on a copy: --write changes exactly the files the
// golden shows (all others byte-identical), and rewriting the rewritten code changes nothing.

import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteClients, writeClientRewrites } from '../../src/clients/index.js';
import { findingsToJson } from '../../src/findings/reporters/json.js';
import { expectGoldenDir, listFiles } from '../helpers/golden.js';
import { caseModels, clientCases, TARGETS } from './cases.js';

const REGENERATE = 'UPDATE_GOLDEN=1 npx vitest run test/clients/golden.test.ts';

function normalise(text: string, root: string): string {
  return text.split(`${root}/`).join('').split(root).join('.');
}

describe('clients golden fixtures', () => {
  const cases = clientCases();
  it('has the fixture applications (TS, JS, Python)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const actual: Record<string, string> = {};
      for (const to of TARGETS) {
        const result = rewriteClients([c.input], { to, models: caseModels(c, to) });
        actual[`${to}/findings.json`] = normalise(JSON.stringify(findingsToJson(result.findings), null, 2) + '\n', c.input);
        for (const f of result.files) if (f.after !== f.before) actual[`${to}/${relative(c.input, f.absPath)}`] = f.after;
      }
      expectGoldenDir(join(c.dir, 'expected'), actual, REGENERATE);
    });

    for (const to of TARGETS) {
      it(`${c.name} -> ${to}: --write changes only the rewritten files, and a second run changes nothing`, () => {
        const copy = join(mkdtempSync(join(tmpdir(), 'cogm-clients-')), 'app');
        cpSync(c.input, copy, { recursive: true });
        const models = caseModels(c, to);
        const first = rewriteClients([copy], { to, models });
        expect(writeClientRewrites([copy], first)).toEqual([]);
        const rewritten = new Map(first.files.filter((f) => f.after !== f.before).map((f) => [relative(copy, f.absPath), f.after]));
        for (const rel of listFiles(copy)) {
          const now = readFileSync(join(copy, rel), 'utf8');
          expect(now, rel).toBe(rewritten.get(rel) ?? readFileSync(join(c.input, rel), 'utf8'));
        }
        const second = rewriteClients([copy], { to, models });
        for (const f of second.files) expect(f.after, `${f.file} changed on the second run`).toBe(f.before);
      });
    }
  }
});
