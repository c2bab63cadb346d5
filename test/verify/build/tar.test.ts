import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tar, tarNameFits } from '../../../src/verify/build/tar.js';

describe('tar', () => {
  it("writes an archive Python's tarfile reads back byte for byte, long names and modes included", () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}.py`;
    const archive = tar([
      { name: 'app.py', data: Buffer.from('print(1)\n') },
      { name: 'cog/__init__.py', data: Buffer.alloc(0) },
      { name: long, data: Buffer.alloc(1500, 7), mode: 0o755 },
    ]);
    const out = execFileSync('python3', ['-c', [
      'import io, json, sys, tarfile, hashlib',
      't = tarfile.open(fileobj=io.BytesIO(sys.stdin.buffer.read()))',
      'print(json.dumps([[m.name, m.size, oct(m.mode), hashlib.sha256(t.extractfile(m).read()).hexdigest()[:8]] for m in t.getmembers()]))',
    ].join('\n')], { input: archive, encoding: 'utf8' });
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 8);
    expect(JSON.parse(out)).toEqual([
      ['app.py', 9, '0o644', sha(Buffer.from('print(1)\n'))],
      ['cog/__init__.py', 0, '0o644', sha(Buffer.alloc(0))],
      [long, 1500, '0o755', sha(Buffer.alloc(1500, 7))],
    ]);
  });

  it('knows which names do not fit a ustar header', () => {
    expect(tarNameFits('a/b.py')).toBe(true);
    expect(tarNameFits('x'.repeat(101))).toBe(false);
  });
});
