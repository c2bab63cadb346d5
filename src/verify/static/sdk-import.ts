// Static level: the generated adapter imports under the real platform SDK (for fal, creating the
// App subclass validates its options). Only generated code may run on the host. The output's
// root holds the user's files, so a project file named like one of the SDK's own dependencies
// (`colorama.py`, `uuid.py`, `annotated_types.py`) would run if the output were on sys.path
// (issue 18): the adapter is copied with the generated packages (`cog`, cog_migrate_runtime), nothing
// else, into a fresh folder, and imported from there by an isolated interpreter (`python -I`:
// no script folder, PYTHONPATH or user site on sys.path). An adapter whose top level imports the
// user's modules is not imported at all; the smoke level imports it in the image.

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { RUNTIME_PACKAGE } from '../../runtime/index.js';

/** The generated packages an adapter may import beside it: the `cog` compatibility package and
 * the shared adapter code. Only these are copied next to the adapter for its import. */
export const GENERATED_PACKAGES = ['cog', RUNTIME_PACKAGE] as const;

const IMPORT = `
import ast, importlib.util, json, os, sys, traceback
path, local = sys.argv[1], set(json.loads(sys.argv[2]))
tree = ast.parse(open(path, 'rb').read())
top = set()
for node in tree.body:
    if isinstance(node, ast.Import):
        top.update(a.name.split('.')[0] for a in node.names)
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        top.add(node.module.split('.')[0])
    elif isinstance(node, ast.ImportFrom):
        top.add('.')
user = sorted(top & local) + (['(relative import)'] if '.' in top else [])
if user:
    json.dump({'skipped': user}, sys.stdout)
    sys.exit(0)
# The sandbox folder holds only the adapter and the generated cog package.
sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
try:
    spec = importlib.util.spec_from_file_location('_cog_migrate_adapter', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    json.dump({'ok': True}, sys.stdout)
except BaseException as e:
    tb = traceback.extract_tb(e.__traceback__)
    line = next((f.lineno for f in reversed(tb) if f.filename == path), None)
    json.dump({'error': '%s: %s' % (type(e).__name__, e), 'line': line}, sys.stdout)
`;

/** Names a top-level `import X` would resolve to inside the output: its .py files and packages. */
export function localModules(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true })
    .flatMap((e) => {
      if (e.isFile() && e.name.endsWith('.py')) return [e.name.slice(0, -3)];
      if (e.isDirectory() && existsSync(join(outDir, e.name, '__init__.py'))) return [e.name];
      return [];
    })
    // The generated packages are the target's own code, not the user's.
    .filter((n) => !(GENERATED_PACKAGES as readonly string[]).includes(n));
}

/** The generated packages' regular .py files (never a symlink), output-relative. */
function generatedFiles(outDir: string): string[] {
  return GENERATED_PACKAGES.flatMap((pkg) => {
    const dir = join(outDir, pkg);
    if (!isRegularDir(dir)) return [];
    return readdirSync(dir).filter((n) => n.endsWith('.py') && isRegularFile(join(dir, n))).map((n) => `${pkg}/${n}`);
  });
}

function isRegularFile(p: string): boolean {
  try { return lstatSync(p).isFile(); } catch { return false; }
}

function isRegularDir(p: string): boolean {
  try { return lstatSync(p).isDirectory(); } catch { return false; }
}

/** A fresh folder holding only the adapter `file` and the generated packages. */
function sandbox(outDir: string, file: string): string | undefined {
  if (!isRegularFile(join(outDir, file))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cog-migrate-import-'));
  copyFileSync(join(outDir, file), join(dir, basename(file)));
  for (const rel of generatedFiles(outDir)) {
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    copyFileSync(join(outDir, rel), join(dir, rel));
  }
  return dir;
}

export function checkSdkImport(outDir: string, file: string, python: string): Promise<Finding[]> {
  const others = localModules(outDir).filter((n) => `${n}.py` !== file);
  const dir = sandbox(outDir, file);
  if (!dir) return Promise.resolve([finding('CM503', `${file} was not imported: it is not a regular file`, { file })]);
  const copy = join(dir, basename(file));
  return new Promise((resolve) => {
    execFile(python, ['-I', '-c', IMPORT, copy, JSON.stringify(others)],
      { cwd: dir, timeout: 120_000, maxBuffer: 8 * 1024 * 1024, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }, (err, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        let r: { ok?: boolean; skipped?: string[]; error?: string; line?: number | null };
        try {
          r = JSON.parse(stdout) as typeof r;
        } catch {
          resolve([finding('CM503', `${file} could not be imported under the SDK: ${(stderr || err?.message || '').trim().split('\n').at(-1) ?? ''}`)]);
          return;
        }
        if (r.skipped) {
          resolve([finding('CM503', `${file} was not imported on the host: its top level imports the project's own ${r.skipped.join(', ')}, which must only run in a container (the smoke level imports it there)`, { file }, { severity: 'info' })]);
        } else if (r.error) {
          resolve([finding('CM506', `${file} does not import under the real SDK: ${r.error}`, { file, ...(r.line ? { line: r.line } : {}) })]);
        } else resolve([]);
      });
  });
}
