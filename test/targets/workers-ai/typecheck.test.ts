// The generated Worker of every fixture, in both modes, type-checks against the pinned
// @cloudflare/workers-types and @cloudflare/containers with the tsconfig the output ships. One tsc
// run over all of them (each index.ts is a module of its own), so the suite stays quick.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCog } from '../../../src/frontends/cog/index.js';
import { parseTscOutput } from '../../../src/verify/static/typescript.js';
import { emitWorkersAi } from '../../../targets/workers-ai/index.js';
import { WORKER_TSCONFIG } from '../../../targets/workers-ai/project-files.js';
import { fixtureCases } from '../../helpers/fixtures.js';

const REPO = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'workers-typecheck-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes every fixture's Worker into root/<fixture>-<mode>/ and returns the folder names. */
function writeWorkers(): string[] {
  const written: string[] = [];
  for (const c of fixtureCases().filter((k) => !k.options.expectError)) {
    const { ir } = readCog(join(c.dir, 'input'));
    if (!ir) continue;
    for (const mode of ['byo', 'containers'] as const) {
      const worker = emitWorkersAi(ir, { mode }).files.find((f) => f.path === 'worker/src/index.ts');
      if (!worker) continue; // a GPU model refused by Containers: nothing emitted (CM430)
      const name = `${c.name}-${mode}`;
      mkdirSync(join(root, name), { recursive: true });
      writeFileSync(join(root, name, 'index.ts'), worker.text);
      written.push(name);
    }
  }
  return written;
}

describe('workers-ai: every generated Worker type-checks', () => {
  it('tsc --noEmit with the shipped tsconfig, over every fixture and mode', () => {
    const names = writeWorkers();
    expect(names.filter((n) => n.endsWith('-byo')).length).toBeGreaterThanOrEqual(40);
    expect(names.filter((n) => n.endsWith('-containers')).length).toBeGreaterThanOrEqual(30);
    const shipped = JSON.parse(WORKER_TSCONFIG) as { compilerOptions: Record<string, unknown> };
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: shipped.compilerOptions, include: ['*/index.ts'] }));
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    const listed = execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'tsconfig.json'), '--listFilesOnly'], { cwd: root, encoding: 'utf8' });
    expect(listed.split('\n').filter((l) => l.endsWith('/index.ts') && !l.includes('node_modules')).length).toBe(names.length);
    let out = '';
    try {
      execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(parseTscOutput(out, root).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    expect(out).toBe('');
  }, 300_000);

  it('a type error in a Worker is reported (the check can fail)', () => {
    const dir = join(root, '_broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), WORKER_TSCONFIG.replace('"src"', '"*.ts"'));
    writeFileSync(join(dir, 'index.ts'), 'export default { async fetch(request, env): Promise<Response> { return env.AI.run(1); } } satisfies ExportedHandler<{ AI: Ai }>;\n');
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    let out = '';
    try {
      execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(parseTscOutput(out, dir).length).toBeGreaterThan(0);
  }, 120_000);
});
