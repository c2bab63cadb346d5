// Static level for targets that emit TypeScript (Workers): the output's own tsconfig.json, or the
// emitted .ts files with strict defaults, type-check with the TypeScript compiler the package uses.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { nodeToolPath } from '../node-tools/index.js';

/** tsc's command-line entry inside node_modules. */
export const TSC_ENTRY = 'typescript/bin/tsc';

/** Parses `file(line,col): error TSxxxx: message` lines of tsc's output. */
export function parseTscOutput(text: string, outDir: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)) {
    const file = m[1]!.startsWith(outDir) ? m[1]!.slice(outDir.length).replace(/^[\\/]+/, '') : m[1]!;
    out.push(finding('CM504', `${m[4]}: ${m[5]}`, { file, line: Number(m[2]), column: Number(m[3]) }));
  }
  return out;
}

export interface TypeScriptCheckOptions {
  /** The node_modules to take tsc from (a Worker's tools); default beside cog-migrate, else verify's cache. */
  nodeModules?: string;
  onProgress?: (line: string) => void;
}

export async function checkTypeScript(outDir: string, files: string[], opts: TypeScriptCheckOptions = {}): Promise<Finding[]> {
  if (files.length === 0) return [];
  let tsc = opts.nodeModules ? join(opts.nodeModules, TSC_ENTRY) : undefined;
  if (!tsc) {
    // The one TypeScript the package pins is the Cloudflare set's (the Workers are its only TypeScript).
    const tool = await nodeToolPath('cloudflare', TSC_ENTRY, { skipped: 'TypeScript was not type-checked', ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    if (!tool.path) return tool.finding ? [tool.finding] : [];
    tsc = tool.path;
  }
  const args = existsSync(join(outDir, 'tsconfig.json'))
    ? ['--noEmit', '-p', join(outDir, 'tsconfig.json')]
    : ['--noEmit', '--strict', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--skipLibCheck', ...files.map((f) => join(outDir, f))];
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, ...args], { cwd: outDir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const found = parseTscOutput(stdout, outDir);
      if (err && found.length === 0) {
        resolve([finding('CM503', `tsc did not run cleanly: ${(stderr || stdout || err.message).trim().slice(0, 500)}`)]);
        return;
      }
      resolve(found);
    });
  });
}
