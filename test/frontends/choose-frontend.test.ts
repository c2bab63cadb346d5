// Which folder an app file is read from (src/frontends/index.ts): its own, or, for a file that is
// part of a package (multi-file Modal projects: `from .common import app`), the folder Python
// imports the package from, so that the generated predictor imports `pkg.module` and the app's
// own relative imports work in the Cog image.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFrontend } from '../../src/frontends/index.js';
import { tempProject } from '../helpers/cli.js';

const APP = 'import modal\n\napp = modal.App("a")\n';

describe('chooseFrontend for an app file', () => {
  it('reads a lone app file from its own folder', () => {
    const root = tempProject({ 'app.py': APP });
    expect(chooseFrontend(join(root, 'app.py'))).toEqual({ kind: 'app', platform: 'modal', root, file: 'app.py' });
  });

  it('goes up every __init__.py folder: the file is `pkg.sub.module`', () => {
    const root = tempProject({ 'pkg/__init__.py': '', 'pkg/sub/__init__.py': '', 'pkg/sub/model.py': `${APP}from pkg.common import x\n` });
    expect(chooseFrontend(join(root, 'pkg/sub/model.py'))).toMatchObject({ kind: 'app', root, file: 'pkg/sub/model.py' });
  });

  it('goes up as many folders as a relative import needs (a namespace package, no __init__.py)', () => {
    const root = tempProject({ 'src/model.py': 'import modal\n\nfrom .common import app\n', 'src/common.py': APP });
    expect(chooseFrontend(join(root, 'src/model.py'))).toMatchObject({ kind: 'app', root, file: 'src/model.py' });
    const deeper = tempProject({ 'a/b/model.py': 'import modal\nfrom ..common import app\n', 'a/common.py': APP });
    expect(chooseFrontend(join(deeper, 'a/b/model.py'))).toMatchObject({ root: deeper, file: 'a/b/model.py' });
  });

  it('does not widen the project for a relative import of a module that is not there', () => {
    const root = tempProject({ 'app.py': 'import modal\nfrom ..........common import app\nfrom .missing import x\n' });
    expect(chooseFrontend(join(root, 'app.py'))).toMatchObject({ kind: 'app', root, file: 'app.py' });
  });
});
