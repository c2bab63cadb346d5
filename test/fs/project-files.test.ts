import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectText } from '../../src/fs/project-files.js';

function project(): string {
  const base = mkdtempSync(join(tmpdir(), 'cogm-proj-'));
  const root = join(base, 'proj');
  mkdirSync(root);
  writeFileSync(join(base, 'outside.py'), 'secret = 1\n');
  writeFileSync(join(root, 'predict.py'), '\ufeffclass P: pass\n');
  return root;
}

describe('readProjectText', () => {
  it('reads a UTF-8 file inside the project and drops a BOM', () => {
    const r = readProjectText(project(), 'predict.py');
    expect(r).toMatchObject({ ok: true, text: 'class P: pass\n' });
  });

  it('refuses a path that climbs out of the project', () => {
    expect(readProjectText(project(), '../outside.py')).toMatchObject({ ok: false, problem: 'outside' });
  });

  it('refuses an absolute path', () => {
    expect(readProjectText(project(), '/etc/hostname')).toMatchObject({ ok: false, problem: 'outside' });
  });

  it('refuses a symlink that leaves the project', () => {
    const root = project();
    symlinkSync(join(root, '..', 'outside.py'), join(root, 'link.py'));
    expect(readProjectText(root, 'link.py')).toMatchObject({ ok: false, problem: 'outside' });
  });

  it('reports a missing file', () => {
    expect(readProjectText(project(), 'nope.py')).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('refuses binary and non-UTF-8 files', () => {
    const root = project();
    writeFileSync(join(root, 'bin.py'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    writeFileSync(join(root, 'latin1.py'), Buffer.from('x = "caf\xe9"\n', 'latin1'));
    expect(readProjectText(root, 'bin.py')).toMatchObject({ ok: false, problem: 'binary' });
    expect(readProjectText(root, 'latin1.py')).toMatchObject({ ok: false, problem: 'not-utf8' });
  });

  it('refuses files over the size limit', () => {
    const root = project();
    writeFileSync(join(root, 'big.py'), 'x'.repeat(2048));
    expect(readProjectText(root, 'big.py', 1024)).toMatchObject({ ok: false, problem: 'too-large' });
  });
});
