// `cog-migrate inspect` prints user text as findings do (issue 18): ESC, C1 and other control
// characters from cog.yaml and from non-literal source text arrive as visible escapes.
import { describe, expect, it } from 'vitest';
import { cli, tempProject } from '../helpers/cli.js';

const CONTROL = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

function hostile(): string {
  return tempProject({
    'cog.yaml': 'build:\n  python_version: "3.11"\n  python_packages: ["numpy\\e[2J==2.0.0", "x\\u009b31m"]\npredict: "predict.py:Predictor"\n',
    'predict.py': [
      'import os',
      'from cog import BasePredictor, Input',
      '',
      'class Predictor(BasePredictor):',
      '    def predict(self, text: str = Input(default=os.environ.get("\x1b]0;pwned\x07\x1b[2J", "\u009b31m"), description="\x1b[31mred")) -> str:',
      '        return text',
      '',
    ].join('\n'),
  });
}

describe('cog-migrate inspect: control characters (issue 18)', () => {
  it('the summary shows them escaped, and prints nothing a terminal acts on', async () => {
    const r = await cli('inspect', hostile());
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J');
    expect(r.stdout).toContain('\\x9b31m');
    expect(r.stdout).toContain('numpy\\x1b[2J==2.0.0');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });
  for (const flag of ['--json', '--openapi']) {
    it(`${flag} writes them as JSON escapes: the same value, no raw control character`, async () => {
      const r = await cli('inspect', hostile(), flag);
      expect(r.stdout).not.toMatch(CONTROL);
      const text = JSON.stringify(JSON.parse(r.stdout));
      expect(text).toMatch(flag === '--json' ? /\\u001b\]0;pwned/ : /\\u001b\[31mred/);
      expect(JSON.parse(r.stdout)).toBeTypeOf('object');
    });
  }
  it('--json keeps C1 text exactly (the escape is JSON syntax, not a change of value)', async () => {
    const r = await cli('inspect', hostile(), '--json');
    expect(r.stdout).toContain('\\u009b31m');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('\u009b31m');
  });
});
