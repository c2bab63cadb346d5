// The hostile-input suite: every case under fixtures-hostile/ runs the real CLI in a child
// process with a time and a memory bound, and must end with the findings it expects, never an
// internal fault (exit 3), a hang, a memory blow-up, a flood of findings, or a side effect (a
// marker file a payload would write). Cases are discovered, never listed here.

import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillArgs, hostileCases, prepareCase, type HostileStep } from './cases.js';
import { printedCodes, runCliBounded } from './bounded-run.js';

const DEFAULT_STEPS: HostileStep[] = [{ args: ['{input}', '--to', 'fal', '--out', '{out}'] }];
const works: string[] = [];
afterAll(() => {
  if (process.env.KEEP_HOSTILE) return;
  for (const w of works) {
    try {
      rmSync(w, { recursive: true, force: true });
    } catch {
      // Node's rm walks by full path and fails past PATH_MAX (the carry-path case builds such a
      // tree); GNU rm walks relative to each folder.
      execFileSync('rm', ['-rf', '--', w]);
    }
  }
});

describe('hostile inputs', () => {
  const cases = hostileCases();
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const timeoutMs = c.spec.timeoutMs ?? 20_000;
    const maxRssMb = c.spec.maxRssMb ?? 512;
    const steps = c.spec.steps ?? DEFAULT_STEPS;
    it(`${c.name}: ${c.spec.description}`, { timeout: steps.length * Math.max(60_000, 4 * timeoutMs) + 60_000 }, async () => {
      const prepared = prepareCase(c);
      works.push(prepared.work);
      const printed = new Set<string>();
      for (const step of steps) {
        const args = fillArgs(step.args, prepared);
        const run = await runCliBounded(args, { timeoutMs, maxRssMb, cwd: prepared.work });
        const what = `cog-migrate ${step.args.join(' ')} (${run.ms} ms wall, ${run.cpuMs} ms CPU, ${run.peakRssMb} MB)\n${run.stderr.slice(0, 4000)}`;
        expect(run.killed, `${what}\nstopped by the ${run.killed} bound (${timeoutMs} ms CPU, ${maxRssMb} MB)`).toBeUndefined();
        expect(run.code, what).not.toBe(3);
        // Node itself exits 1 on an uncaught error: a stack trace is a crash whatever the code.
        expect(run.stderr, what).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n|RangeError|Maximum call stack/);
        expect(step.exit ?? [0, 1], what).toContain(run.code);
        for (const re of step.stdoutNot ?? []) expect(run.stdout, `${what}\nstdout matches ${re}`).not.toMatch(new RegExp(re, 'm'));
        const codes = printedCodes(run);
        expect(codes.length, `${what}\nprinted ${codes.length} findings`).toBeLessThanOrEqual(c.spec.maxFindings ?? 200);
        expect(codes, `${what}\nan internal fault (CM901) is a crash`).not.toContain('CM901');
        for (const code of codes) printed.add(code);
      }
      for (const code of c.spec.expectCodes ?? []) expect([...printed], `expected ${code}`).toContain(code);
      for (const code of c.spec.absentCodes ?? []) expect([...printed], `must not print ${code}`).not.toContain(code);
      for (const marker of c.spec.markers ?? []) expect(existsSync(join(prepared.work, marker)), `side-effect marker ${marker} exists: user code ran`).toBe(false);
    });
  }
});
