// Writes a rewritten file in place (`cog-migrate clients --write`) with one atomic rename: the new
// text goes to a sibling temporary file first, so a failure leaves the original untouched. It is
// written only while it is inside its PATH argument, is not a symbolic link and still holds the
// text that was rewritten (so a concurrent edit is never overwritten).

import { chmodSync, lstatSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';

export function writeInPlace(root: string, absPath: string, display: string, before: string, after: string): Finding | undefined {
  const tmp = join(dirname(absPath), `.${basename(absPath)}.cog-migrate-${process.pid}`);
  try {
    const inside = relative(root, realpathSync(absPath));
    if (isAbsolute(inside) || inside.startsWith('..')) return finding('CM702', `${display} is not inside the path given; not written`, { file: display });
    const st = lstatSync(absPath);
    if (st.isSymbolicLink() || !st.isFile()) return finding('CM702', `${display} is not a regular file; not written`, { file: display });
    if (readFileSync(absPath, 'utf8') !== before) return finding('CM702', `${display} changed while it was being rewritten; not written`, { file: display });
    writeFileSync(tmp, after, { flag: 'wx' });
    chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, absPath);
    return undefined;
  } catch (e) {
    rmSync(tmp, { force: true });
    return finding('CM702', `could not write ${display}: ${(e as Error).message}`, { file: display });
  }
}
