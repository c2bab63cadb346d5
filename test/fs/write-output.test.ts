import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as nodeFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { recoverInterruptedWrites, unsafeOutputPath, writeOutput, type OutputFile, type OutputFs } from '../../src/fs/write-output.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'cogm-out-'));

describe('writeOutput', () => {
  it('writes every file into a new folder', () => {
    const out = join(tmp(), 'model-fal');
    const r = writeOutput(out, [{ path: 'app.py', content: 'x = 1\n' }, { path: 'sub/dir/m.py', content: new Uint8Array([1, 2]) }]);
    expect(r.ok).toBe(true);
    expect(readFileSync(join(out, 'app.py'), 'utf8')).toBe('x = 1\n');
    expect([...readFileSync(join(out, 'sub/dir/m.py'))]).toEqual([1, 2]);
  });

  it('refuses to overwrite a non-empty folder without force (CM010) and leaves it untouched', () => {
    const out = tmp();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const r = writeOutput(out, [{ path: 'app.py', content: '' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.map((f) => f.code)).toEqual(['CM010']);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('replaces a non-empty folder with force, leaving no staging folders behind', () => {
    const parent = tmp();
    const out = join(parent, 'o');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    const r = writeOutput(out, [{ path: 'new.txt', content: 'new' }], { force: true });
    expect(r.ok).toBe(true);
    expect(readdirSync(out)).toEqual(['new.txt']);
    expect(readdirSync(parent)).toEqual(['o']);
  });

  it.each(['../evil.py', '/etc/passwd', 'a/../../b', 'a//b', './a', 'C:/x', 'a\\b', 'a\0b', ''])(
    'refuses the path %j (CM011) and writes nothing',
    (bad) => {
      const parent = tmp();
      const out = join(parent, 'o');
      const r = writeOutput(out, [{ path: 'ok.py', content: '' }, { path: bad, content: 'x' }]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.findings[0]?.code).toBe('CM011');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(parent)).toEqual([]);
    },
  );

  it('refuses two files with the same path', () => {
    const r = writeOutput(join(tmp(), 'o'), [{ path: 'a', content: '1' }, { path: 'a', content: '2' }]);
    expect(r.ok).toBe(false);
  });

  it('accepts ordinary nested relative paths', () => {
    expect(unsafeOutputPath('cog/__init__.py')).toBeUndefined();
    expect(unsafeOutputPath('my-model.py')).toBeUndefined();
  });
});

/** Node's fs, except that the nth call (counting every op) throws EIO; `calls` counts them. */
function failingFs(n: number): { fs: OutputFs; calls: () => number; failed: () => string | undefined } {
  let count = 0;
  let failed: string | undefined;
  const wrap = <F extends (...args: never[]) => unknown>(name: string, f: F): F => ((...args: Parameters<F>) => {
    if (count++ === n) {
      failed = name;
      throw Object.assign(new Error(`EIO: injected failure in ${name}`), { code: 'EIO' });
    }
    return f(...args);
  }) as F;
  const fs: OutputFs = {
    mkdirSync: wrap('mkdirSync', nodeFs.mkdirSync),
    writeFileSync: wrap('writeFileSync', nodeFs.writeFileSync),
    copyFileSync: wrap('copyFileSync', nodeFs.copyFileSync),
    chmodSync: wrap('chmodSync', nodeFs.chmodSync),
    renameSync: wrap('renameSync', nodeFs.renameSync),
    rmSync: wrap('rmSync', nodeFs.rmSync),
  };
  return { fs, calls: () => count, failed: () => failed };
}

/** Every file under `dir` with its text, for comparing whole trees. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('writeOutput: a write failing midway (CM012, issue 18)', () => {
  const src = () => {
    const d = tmp();
    writeFileSync(join(d, 'weights.txt'), 'copied');
    return d;
  };
  const files = (from: string): OutputFile[] => [
    { path: 'app.py', content: 'new = 1\n' },
    { path: 'cog/__init__.py', content: '', mode: 0o644 },
    { path: 'model/weights.txt', copyFrom: join(from, 'weights.txt') },
    { path: 'run.sh', content: '#!/bin/sh\n', mode: 0o755 },
  ];

  it('a copy source that vanished fails the write: nothing is left, the old output is intact', () => {
    const parent = tmp();
    const out = join(parent, 'o');
    mkdirSync(join(out, 'keep'), { recursive: true });
    writeFileSync(join(out, 'keep', 'old.py'), 'old');
    const r = writeOutput(out, [{ path: 'a.py', content: 'x' }, { path: 'b.bin', copyFrom: join(parent, 'missing') }, { path: 'c.py', content: 'y' }], { force: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['CM012', 'error']]);
    expect(readdirSync(parent)).toEqual(['o']);
    expect(tree(out)).toEqual({ 'keep/old.py': 'old' });
  });

  it('whichever file-system call fails, the old output is intact and nothing else is left (replacing with force)', () => {
    const from = src();
    const total = failingFs(Number.POSITIVE_INFINITY);
    const probe = tmp();
    nodeFs.mkdirSync(join(probe, 'o'));
    nodeFs.writeFileSync(join(probe, 'o', 'old.py'), 'old');
    expect(writeOutput(join(probe, 'o'), files(from), { force: true, fs: total.fs }).ok).toBe(true);
    const n = total.calls();
    expect(n).toBeGreaterThan(8);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const parent = tmp();
      const out = join(parent, 'o');
      nodeFs.mkdirSync(out);
      nodeFs.writeFileSync(join(out, 'old.py'), 'old');
      const inject = failingFs(i);
      const r = writeOutput(out, files(from), { force: true, fs: inject.fs });
      seen.add(inject.failed()!);
      expect(r.ok, `call ${i} (${inject.failed()}) failed, yet the write reported success`).toBe(false);
      if (r.ok) continue;
      expect(r.findings.map((f) => f.code)).toEqual(['CM012']);
      expect(r.findings[0]!.message).toContain('injected failure');
      if (i < n - 1) {
        // Failed before the swap: the old output is back in place, no staging folder remains.
        expect(readdirSync(parent), `after failing call ${i} (${inject.failed()})`).toEqual(['o']);
        expect(tree(out), `after failing call ${i} (${inject.failed()})`).toEqual({ 'old.py': 'old' });
      } else {
        // The last call removes the previous output after the swap: the new output is in place
        // and the finding says where the old one was left.
        expect(inject.failed()).toBe('rmSync');
        expect(tree(out)['app.py']).toBe('new = 1\n');
        expect(r.findings[0]!.message).toMatch(/could not remove the previous output, moved to .*\.old/);
      }
    }
    expect([...seen].sort()).toEqual(['chmodSync', 'copyFileSync', 'mkdirSync', 'renameSync', 'rmSync', 'writeFileSync']);
  });

  it('whichever call fails writing a new folder under a new parent, nothing at all is left', () => {
    const from = src();
    const total = failingFs(Number.POSITIVE_INFINITY);
    expect(writeOutput(join(tmp(), 'new', 'deeper', 'o'), files(from), { fs: total.fs }).ok).toBe(true);
    for (let i = 0; i < total.calls(); i++) {
      const root = tmp();
      const r = writeOutput(join(root, 'new', 'deeper', 'o'), files(from), { fs: failingFs(i).fs });
      expect(r.ok, `call ${i}`).toBe(false);
      expect(readdirSync(root), `after failing call ${i}`).toEqual([]);
    }
  });

  it('says what it could not undo when the clean-up fails too', () => {
    const parent = tmp();
    const out = join(parent, 'o');
    nodeFs.mkdirSync(out);
    nodeFs.writeFileSync(join(out, 'old.py'), 'old');
    let renames = 0;
    const fs: OutputFs = {
      ...nodeFs,
      renameSync: (a, b) => {
        renames++;
        if (renames >= 2) throw new Error('EIO: injected failure in renameSync');
        nodeFs.renameSync(a, b);
      },
    };
    const r = writeOutput(out, [{ path: 'a.py', content: 'x' }], { force: true, fs });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.message).toMatch(/the previous output is at .*\.old, could not move it back/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([expect.stringMatching(/^\.o\.cog-migrate-\d+-\d+\.old$/)]);
  });
});

describe('recoverInterruptedWrites: writers stopped mid-write (batch, a second Ctrl-C)', () => {
  const ROOT = join(import.meta.dirname, '../..');

  it('a writer killed between moving the previous output aside and moving the new one in: the previous output comes back', () => {
    const parent = tmp();
    const out = join(parent, 'model');
    mkdirSync(out);
    writeFileSync(join(out, 'old.py'), 'old');
    // The second rename (staging -> the output) never happens: the process dies there, as a
    // terminated worker does, with the previous output only at its `.old` name.
    const child = `
      import * as fs from 'node:fs';
      import { writeOutput } from ${JSON.stringify(join(ROOT, 'src/fs/write-output.ts'))};
      let renames = 0;
      const dying = { ...fs, renameSync: (a, b) => { if (++renames === 2) process.kill(process.pid, 'SIGKILL'); fs.renameSync(a, b); } };
      writeOutput(${JSON.stringify(out)}, [{ path: 'new.py', content: 'new' }], { force: true, fs: dying });
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { cwd: ROOT, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent).filter((n) => n.endsWith('.old'))).toHaveLength(1);
    expect(recoverInterruptedWrites(parent)).toEqual([]);
    expect(readdirSync(parent)).toEqual(['model']);
    expect(tree(out)).toEqual({ 'old.py': 'old' });
  });

  it('removes staging folders, and a moved-aside output only when its new output is in place', () => {
    const dir = tmp();
    const folder = (name: string, file: string) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, file), name);
    };
    folder('.a.cog-migrate-1-2.old', 'old.py'); // a's new output never arrived: a comes back
    folder('b', 'new.py');
    folder('.b.cog-migrate-1-2.old', 'old.py'); // b's new output is in place: the old one goes
    folder('.c.cog-migrate-1-2', 'half.py'); // a staging folder: goes
    folder('.d.cog-migrate-x.y.cog-migrate-3-4', 'half.py'); // a name with the mark in it: goes
    folder('.hidden', 'keep.py'); // not cog-migrate's: stays
    expect(recoverInterruptedWrites(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['.hidden', 'a', 'b']);
    expect(readFileSync(join(dir, 'a', 'old.py'), 'utf8')).toBe('.a.cog-migrate-1-2.old');
    expect(readdirSync(join(dir, 'b'))).toEqual(['new.py']);
    expect(recoverInterruptedWrites(join(dir, 'missing'))).toEqual([]);
  });
});
