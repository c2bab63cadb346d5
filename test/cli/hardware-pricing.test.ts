// convert --hardware and --pricing, end to end through the CLI.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const PROJECT = resolve(import.meta.dirname, '../../fixtures/safe-push-all-checkers/input');
const out = () => join(mkdtempSync(join(tmpdir(), 'cogm-hw-')), 'out');

describe('convert --hardware / --pricing', () => {
  it('--hardware sets the target machine over the config, with the reason in app.py', async () => {
    const dir = out();
    const r = await cli(PROJECT, '--to', 'fal', '--out', dir, '--hardware', 'gpu-2x-l40s');
    expect(r.code).toBe(0);
    const app = readFileSync(join(dir, 'app.py'), 'utf8');
    expect(app).toContain('machine_type = "GPU-L40"  # --hardware: gpu-2x-l40s (docs/hardware.md)');
    expect(app).toContain('num_gpus = 2');
  });

  it('an unknown --hardware is a usage error that suggests the real names and writes nothing', async () => {
    const dir = out();
    const r = await cli(PROJECT, '--to', 'fal', '--out', dir, '--hardware', 'gpu-a100');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean gpu-a100-large');
    expect(existsSync(dir)).toBe(false);
  });

  it('--pricing replaces the price table in MIGRATION.md\'s cost view, with its date', async () => {
    const dir = out();
    const table = join(mkdtempSync(join(tmpdir(), 'cogm-price-')), 'prices.json');
    writeFileSync(table, JSON.stringify({ currency: 'USD', platforms: { fal: { source: 'https://example.com/our-contract', read: '2026-11-30', usdPerHour: { 'GPU-H100': 1.5 } } } }));
    expect((await cli(PROJECT, '--to', 'fal', '--out', dir, '--pricing', table)).code).toBe(0);
    expect(readFileSync(join(dir, 'MIGRATION.md'), 'utf8')).toContain('| fal | GPU-H100 | $1.5 | https://example.com/our-contract (2026-11-30) |');
  });

  it('a malformed --pricing file is a usage error naming the field', async () => {
    const table = join(mkdtempSync(join(tmpdir(), 'cogm-price-')), 'prices.json');
    writeFileSync(table, JSON.stringify({ currency: 'USD', platforms: { fal: { source: 'x', read: 'y', usdPerHour: { 'GPU-H100': 'cheap' } } } }));
    const r = await cli(PROJECT, '--to', 'fal', '--out', out(), '--pricing', table);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('platforms.fal.usdPerHour.GPU-H100 must be a number');
    expect((await cli(PROJECT, '--to', 'fal', '--out', out(), '--pricing', '/nonexistent/prices.json')).stderr).toContain('cannot be read (ENOENT)');
  });
});
