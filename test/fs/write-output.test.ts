import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafeOutputPath, writeOutput } from '../../src/fs/write-output.js';

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
