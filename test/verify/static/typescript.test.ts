import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTypeScript, parseTscOutput } from '../../../src/verify/static/typescript.js';

describe('parseTscOutput', () => {
  it('turns tsc diagnostics into CM504 findings relative to the output', () => {
    const f = parseTscOutput("/o/src/index.ts(3,7): error TS2322: Type 'number' is not assignable to type 'string'.\n", '/o');
    expect(f).toEqual([expect.objectContaining({ code: 'CM504', file: 'src/index.ts', line: 3, column: 7 })]);
  });
});

describe('checkTypeScript', () => {
  it('finds a type error in an emitted file and passes a correct one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-ts-'));
    writeFileSync(join(dir, 'ok.ts'), 'export const a: string = "x";\n');
    expect(await checkTypeScript(dir, ['ok.ts'])).toEqual([]);
    writeFileSync(join(dir, 'bad.ts'), 'export const b: string = 1;\n');
    const f = await checkTypeScript(dir, ['bad.ts']);
    expect(f.map((x) => [x.code, x.file, x.line])).toEqual([['CM504', 'bad.ts', 1]]);
  });
});
