import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Predictor } from '../../../src/ir/types.js';
import { MARKER, parseReport, predictorTarget, prepareSmokeDir, reportFindings } from '../../../src/verify/smoke/run.js';

const loc = { file: 'predict.py', line: 1, column: 1 };
const predictor: Predictor = {
  role: 'predict', ref: 'predict.py:Predictor', file: 'predict.py', name: 'Predictor', kind: 'class', method: 'predict', isAsync: false,
  inputs: [{ name: 'image', type: { kind: 'path' }, default: 'required', order: 0, spelling: 'Input', loc }],
  output: { kind: 'path' }, localImports: [], runtimeApis: [], loc,
};

describe('parseReport and reportFindings', () => {
  it('reads the last marker line and maps each failing stage to its code', () => {
    const out = `noise\n${MARKER} {"ok": false}\nmore\n${MARKER} {"ok": false, "stage": "setup", "error": "E: x", "traceback": "Traceback\\n  line\\nE: x"}\n`;
    const report = parseReport(out);
    expect(report?.stage).toBe('setup');
    const f = reportFindings(report, out);
    expect(f.map((x) => x.code)).toEqual(['CM521']);
    expect(f[0]?.message).toContain('E: x');
    for (const [stage, code] of [['import', 'CM520'], ['adapter-predict', 'CM522'], ['adapter-train', 'CM522'], ['direct-predict', 'CM523'], ['direct-train', 'CM523'], ['compare', 'CM524'], ['invalid-input', 'CM543'],
      ['reference-predict', 'CM523'], ['compare-reference', 'CM538'], ['reference-invalid', 'CM539']] as const) {
      expect(reportFindings({ ok: false, stage }, '')[0]?.code).toBe(code);
    }
    expect(reportFindings({ ok: true }, '')).toEqual([]);
    // A front of Cog's server (the Worker): both answers quoted, at the file the target names.
    expect(reportFindings({ ok: false, stage: 'compare-reference', error: 'predict: differs', adapter: 'a!', reference_output: 'a' }, '', 'worker/src/index.ts')).toEqual([
      expect.objectContaining({ code: 'CM538', file: 'worker/src/index.ts', message: 'predict: differs: through the platform "a!", from Cog\'s server directly "a"' }),
    ]);
  });

  it('quotes the container output when the driver never reported', () => {
    const f = reportFindings(parseReport('ModuleNotFoundError: No module named pydantic\n'), 'ModuleNotFoundError: No module named pydantic\n');
    expect(f[0]).toMatchObject({ code: 'CM520', message: expect.stringContaining('No module named pydantic') });
  });
});

describe('prepareSmokeDir', () => {
  it("lays out app, the target's serve module, driver, each role's example files and the spec", () => {
    const out = mkdtempSync(join(tmpdir(), 'cm-out-'));
    writeFileSync(join(out, 'app.py'), '');
    const serve = join(mkdtempSync(join(tmpdir(), 'cm-serve-')), 'serve.py');
    writeFileSync(serve, 'FILE_INPUTS = "url"\n');
    const dir = prepareSmokeDir({
      outDir: out, serveModule: serve,
      roles: [{ role: 'predict', predictor: predictorTarget(predictor), examples: { values: {}, files: { image: { path: 'inputs/image.png', data: Buffer.from('x') } }, missing: {} } }],
      cases: [{ id: 'predict-1', role: 'predict', inputs: { image: 'data:,x' }, timeout: 60 }],
    });
    try {
      expect(existsSync(join(dir, 'app', 'app.py'))).toBe(true);
      expect(readFileSync(join(dir, 'serve.py'), 'utf8')).toBe('FILE_INPUTS = "url"\n');
      expect(existsSync(join(dir, 'driver.py'))).toBe(true);
      expect(existsSync(join(dir, 'standin'))).toBe(false);
      const spec = JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8'));
      expect(spec).toMatchObject({
        roles: [{ role: 'predict', files: { image: 'predict/inputs/image.png' }, kinds: { image: 'path' }, predictor: { file: 'predict.py', name: 'Predictor' } }],
        cases: [{ id: 'predict-1', inputs: { image: 'data:,x' } }],
      });
      expect(readFileSync(join(dir, 'predict', 'inputs', 'image.png'), 'utf8')).toBe('x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves inputs to the driver (null) when no examples are given', () => {
    const out = mkdtempSync(join(tmpdir(), 'cm-out-'));
    const serve = join(out, 'serve.py');
    writeFileSync(serve, '');
    const dir = prepareSmokeDir({ outDir: out, serveModule: serve, roles: [{ role: 'predict', predictor: predictorTarget(predictor) }] });
    expect(JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')).roles[0].inputs).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });
});
