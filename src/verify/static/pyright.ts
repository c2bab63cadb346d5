// Static level: the generated adapters type-check with pyright (from npm) against the real
// platform SDK, installed in a pinned venv (scripts/python-env.sh <target>). Only the generated
// files are checked; the user's carried-over modules are resolved for types but not judged.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { nodeToolPath } from '../node-tools/index.js';
import { pythonEnv } from '../python-env.js';

interface PyrightDiagnostic {
  file: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  range?: { start: { line: number; character: number } };
  rule?: string;
}

/** Builds (once) and returns the python of the SDK venv for `target`, or why it is unavailable. */
export function sdkPython(target: string): Promise<{ python?: string; problem?: string }> {
  return pythonEnv(target);
}

/** pyright's command-line entry inside node_modules. */
export const PYRIGHT_ENTRY = 'pyright/index.js';

/**
 * Runs pyright on `files` (output-relative paths) inside `outDir` with `python`'s site-packages.
 * Errors become CM502; pyright failing to run becomes CM503; pyright found neither beside
 * cog-migrate nor installable into verify's cache, CM507.
 */
export async function checkWithPyright(outDir: string, files: string[], python: string, opts: { onProgress?: (line: string) => void } = {}): Promise<Finding[]> {
  if (files.length === 0) return [];
  const tool = await nodeToolPath('pyright', PYRIGHT_ENTRY, { skipped: 'the adapters were not type-checked', ...opts });
  if (!tool.path) return tool.finding ? [tool.finding] : [];
  const pyright = tool.path;
  const confDir = mkdtempSync(join(tmpdir(), 'cog-migrate-pyright-'));
  const config = join(confDir, 'pyrightconfig.json');
  // Files go on the command line (pyright ignores absolute `include` paths); the config only
  // carries settings.
  writeFileSync(config, JSON.stringify({
    extraPaths: [outDir],
    typeCheckingMode: 'basic',
    // The user's own modules import heavy packages (torch ...) that the SDK venv lacks; those are
    // the user's dependencies, not the adapter's mistakes.
    reportMissingImports: 'none',
    reportMissingModuleSource: 'none',
    reportAttributeAccessIssue: 'error',
  }));
  return new Promise((resolve) => {
    execFile(process.execPath, [pyright, '--outputjson', '--pythonpath', python, '--project', config, ...files.map((f) => join(outDir, f))],
      // Pyright asks the interpreter for its search paths; it runs there, not in the output.
      { cwd: confDir, timeout: 300_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
        rmSync(confDir, { recursive: true, force: true });
        let parsed: { generalDiagnostics?: PyrightDiagnostic[] };
        try {
          parsed = JSON.parse(stdout) as typeof parsed;
        } catch {
          resolve([finding('CM503', `pyright did not run: ${(stderr || err?.message || stdout).trim().slice(0, 500)}`)]);
          return;
        }
        const out: Finding[] = [];
        for (const d of parsed.generalDiagnostics ?? []) {
          if (d.severity !== 'error') continue;
          const rel = d.file.startsWith(outDir) ? d.file.slice(outDir.length).replace(/^[\\/]+/, '') : d.file;
          const loc = { file: rel, line: (d.range?.start.line ?? 0) + 1, column: (d.range?.start.character ?? 0) + 1 };
          out.push(finding('CM502', `${d.message}${d.rule ? ` (${d.rule})` : ''}`, loc));
        }
        resolve(out);
      });
  });
}
