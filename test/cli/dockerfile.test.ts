// `cog-migrate dockerfile` prints user text as `inspect` does (issue 18): ESC, BEL, C1 and other
// control characters from cog.yaml's build.run or from a `cog debug` file arrive as visible
// escapes, never raw; a tab stays a tab (harmless to a terminal, and part of the RUN line).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempProject } from '../helpers/cli.js';

const CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

function hostile(): string {
  return tempProject({
    'cog.yaml': 'build:\n  python_version: "3.11"\n  run:\n    - "echo \\e]0;pwned\\a hi\\tthere \\u009b31m"\npredict: "predict.py:Predictor"\n',
    'predict.py': 'from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, text: str) -> str:\n        return text\n',
  });
}

describe('cog-migrate dockerfile: control characters (issue 18)', () => {
  for (const flags of [[], ['--explain']]) {
    it(`${flags.join(' ') || 'the pruned file'} shows them escaped and prints nothing a terminal acts on`, async () => {
      const r = await cli('dockerfile', hostile(), '--for', 'fal', ...flags);
      expect(r.stdout).toContain('RUN echo \\x1b]0;pwned\\x07 hi\tthere \\x9b31m');
      expect(r.stdout).not.toMatch(CONTROL);
      expect(r.stderr).not.toMatch(CONTROL);
    });
  }
  it('--from-cog-debug: the lines of the given file too', async () => {
    const dir = hostile();
    const debug = join(dir, 'cog-debug.Dockerfile');
    writeFileSync(debug, 'FROM python:3.11-slim\nRUN echo "\x1b[2J\x1b]0;pwned\x07"\nCMD ["python", "-m", "cog.server.http"]\n');
    const r = await cli('dockerfile', dir, '--for', 'fal', '--from-cog-debug', debug);
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });
});
