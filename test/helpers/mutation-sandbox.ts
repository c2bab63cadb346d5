// globalSetup of the mutation run (vitest.mutation.config.ts). Stryker copies the project into
// .stryker-tmp/sandbox-*/ with fs.copyFile, which turns the fixtures' symlinks into copies of
// their targets, so a fixture about a symlink would test something else there. This puts the
// symlinks back, read from the project the sandbox was copied from, and links .cache (the shared
// Python venvs, which Stryker is told to leave out) so no suite builds a venv of its own.
import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

function symlinksUnder(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isSymbolicLink()) out.push(p);
    else if (e.isDirectory()) symlinksUnder(p, out);
  }
  return out;
}

export default function setup(): void {
  const sandbox = process.cwd();
  if (!basename(sandbox).startsWith('sandbox-') || basename(dirname(sandbox)) !== '.stryker-tmp') return;
  const project = resolve(sandbox, '../..');
  if (!existsSync(join(sandbox, '.cache')) && existsSync(join(project, '.cache'))) symlinkSync(join(project, '.cache'), join(sandbox, '.cache'));
  for (const link of symlinksUnder(join(project, 'fixtures'))) {
    const copy = join(sandbox, relative(project, link));
    if (existsSync(copy) && lstatSync(copy).isSymbolicLink()) continue;
    rmSync(copy, { force: true });
    symlinkSync(readlinkSync(link), copy);
  }
}
