// A reader that closes the pipe early (`cog-migrate batch --help | head -1`) is not a crash.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('cog-migrate writing into a closed pipe', () => {
  it('stops quietly: no stack trace, exit 0', () => {
    // `true` exits before node has started, so every write meets a closed pipe.
    const cmd = `"${process.execPath}" --import tsx "${join(ROOT, 'src/cli/main.ts')}" batch --help 2>"$ERR" | true; echo "status=\${PIPESTATUS[0]}"; cat "$ERR"`;
    const out = execFileSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ERR: join(tmpdir(), `cogm-epipe-${process.pid}.err`) } });
    expect(out).not.toMatch(/EPIPE|Unhandled 'error'/);
    expect(out).toMatch(/^status=0$/m);
  });
});
