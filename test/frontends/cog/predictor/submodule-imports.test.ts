// Issue 9: a module import into a git submodule that is not checked out is an error with the
// command that fetches it (CM248), as a requirements file there is (CM130).

import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';

const GITMODULES = '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.invalid/lib.git\n';
const PREDICT = `
  from cog import BasePredictor
  import vendor.lib.tools
  class Predictor(BasePredictor):
      def predict(self) -> str:
          from vendor.lib.extra import later
          return ""
`;

describe('imports from git submodules', () => {
  it('refuses an import of a module inside an unchecked submodule, with the command (CM248); one inside a function is a note', () => {
    const e = extract(PREDICT, { extraFiles: { '.gitmodules': GITMODULES } });
    const found = e.findings.filter((f) => f.code === 'CM248');
    expect(found.map((f) => [f.severity, f.line])).toEqual([['error', 2], ['info', 5]]);
    expect(found[0]!.message).toContain('vendor.lib.tools');
    expect(found[0]!.hint).toContain('git submodule update --init vendor/lib');
  });

  it('says nothing once the submodule is checked out, or without .gitmodules', () => {
    const checkedOut = extract(PREDICT, { extraFiles: { '.gitmodules': GITMODULES, 'vendor/lib/tools.py': 'X = 1\n', 'vendor/lib/extra.py': 'def later():\n    pass\n' } });
    expect(checkedOut.codes).not.toContain('CM248');
    expect(extract(PREDICT).codes).not.toContain('CM248');
  });
});
