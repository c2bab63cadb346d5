// Ctrl-C in the middle of a batch: the process exits 130, every model folder in OUT is complete
// (no half-written folder, no staging leftovers), and the report marks the rest interrupted.
// Ctrl-C twice stops at once: the running models are stopped too, and still nothing half-written.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, countFiles, freshOut, modelTree, readReport } from '../helpers/batch.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs a batch of 40 identical models as a user would, sends SIGINT once the third is done and,
 * with `twice`, again as soon as the first is acknowledged (the workers are then mid-model).
 */
async function interruptedBatch(jobs: number, twice: boolean): Promise<{ out: string; code: number | null; stderr: string; sent: number }> {
  const models: Record<string, Record<string, string>> = {};
  for (let i = 0; i < 40; i++) models[`m${String(i).padStart(2, '0')}`] = GOOD;
  const root = modelTree(models);
  const out = freshOut();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'batch', root, '--to', 'fal', '--out', out, '--jobs', String(jobs)], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
  let stderr = '';
  let sent = 0;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (sent === 0 && /\[3\/40\]/.test(stderr)) {
      sent = 1;
      child.kill('SIGINT');
    }
    if (twice && sent === 1 && stderr.includes('Ctrl-C again')) {
      sent = 2;
      child.kill('SIGINT');
    }
  });
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { out, code, stderr, sent };
}

describe('batch and SIGINT', () => {
  it('stops starting models, finishes the running one, leaves only whole model folders', async () => {
    const { out, code, stderr, sent } = await interruptedBatch(1, false);
    expect(sent).toBe(1);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    const report = readReport(out);
    const rows = report.models.map((m) => ({ id: m.id, row: m.rows[0]! }));
    const converted = rows.filter((r) => r.row.status === 'converted');
    const interrupted = rows.filter((r) => r.row.status === 'interrupted');
    expect(converted.length).toBeGreaterThanOrEqual(3);
    expect(interrupted.length).toBeGreaterThan(0);
    expect(converted.length + interrupted.length).toBe(40);
    for (const r of interrupted) expect(r.row.findings.map((f) => f.code)).toEqual(['CM603']);
    const folders = readdirSync(out).filter((n) => !/^(report\.(json|html|sarif)|junit\.xml|summary\.md)$/.test(n));
    expect(folders.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(folders.sort()).toEqual(converted.map((r) => r.id).sort());
    for (const r of converted) expect(countFiles(join(out, r.id, 'fal'))).toBe(r.row.files);
    for (const r of interrupted) expect(existsSync(join(out, r.id))).toBe(false);
  }, 120_000);

  it('a second Ctrl-C stops the running models at once and leaves only whole model folders', async () => {
    const { out, code, stderr, sent } = await interruptedBatch(2, true);
    expect(sent).toBe(2);
    expect(code).toBe(130);
    expect(stderr).toContain('stopping now');
    const report = readReport(out);
    const rows = report.models.map((m) => ({ id: m.id, row: m.rows[0]! }));
    const converted = rows.filter((r) => r.row.status === 'converted');
    // Stopped at once: the models queued after the first Ctrl-C never ran.
    expect(converted.length).toBeLessThan(40);
    expect(rows.filter((r) => r.row.status === 'interrupted').length).toBe(40 - converted.length);
    const folders = readdirSync(out).filter((n) => !/^(report\.(json|html|sarif)|junit\.xml|summary\.md)$/.test(n));
    expect(folders.filter((n) => n.startsWith('.'))).toEqual([]);
    // Every model folder there is whole: as many files as a converted model of the same project.
    const whole = countFiles(join(out, converted[0]!.id, 'fal'));
    for (const name of folders) expect(countFiles(join(out, name, 'fal')), name).toBe(whole);
    for (const r of converted) expect(folders).toContain(r.id);
  }, 120_000);
});
