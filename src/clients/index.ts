// `cog-migrate clients`: finds the application code under PATH that calls a moved model through
// Replicate's client and rewrites those calls for fal, Modal or Workers AI. Library entry points:
// `rewriteClients` (never writes) and `writeClientRewrites` (atomic per file).

import { readFileSync, statSync } from 'node:fs';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { readCog } from '../frontends/cog/index.js';
import { irFromJson } from '../ir/json.js';
import type { CogIR } from '../ir/types.js';
import { discoverSources } from './discover.js';
import { rewritePySource } from './python/rewrite.js';
import { rewriteTsSource } from './ts/rewrite.js';
import type { ClientsOptions, FileRewrite } from './types.js';
import { writeInPlace } from '../fs/write-in-place.js';

export type { ClientTarget, ClientsOptions, FileRewrite, ModelMapping } from './types.js';
export { CLIENT_TARGETS } from './types.js';
export { parseModelSpec } from './models.js';
export { unifiedDiff } from './diff.js';

const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export interface ClientsResult {
  files: FileRewrite[];
  /** Findings about paths and files as a whole, and every file's findings, in file order. */
  findings: Finding[];
}

/** Rewrites (in memory) every source file under `paths`; nothing is written. Never throws for bad input. */
export function rewriteClients(paths: readonly string[], options: ClientsOptions): ClientsResult {
  const { files: sources, findings } = discoverSources(paths);
  const files: FileRewrite[] = [];
  for (const src of sources) {
    const bytes = readFileSync(src.absPath);
    if (bytes.length > MAX_SOURCE_BYTES) {
      findings.push(finding('CM703', `${src.display} is ${bytes.length} bytes; skipped`, { file: src.display }));
      continue;
    }
    let before: string;
    try {
      before = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      findings.push(finding('CM703', `${src.display} is not valid UTF-8; skipped`, { file: src.display }));
      continue;
    }
    // A BOM survives: TextDecoder drops it, so put it back before comparing or writing.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) before = `\ufeff${before}`;
    if (!mentionsReplicate(before)) {
      files.push({ file: src.display, absPath: src.absPath, before, after: before, findings: [] });
      continue;
    }
    let r: { after: string; findings: Finding[] };
    try {
      r = src.language === 'python' ? rewritePySource(before, src.display, options) : rewriteTsSource(before, src.display, options);
    } catch (e) {
      // A bug, never the user's fault: this file stays as it is and the others go on.
      r = { after: before, findings: [finding('CM901', `rewriting ${src.display} failed: ${(e as Error).message}; file left unchanged`, { file: src.display })] };
    }
    files.push({ file: src.display, absPath: src.absPath, before, after: r.after, findings: r.findings });
    findings.push(...r.findings);
  }
  return { files, findings };
}

/** Cheap pre-filter: a file that never says "replicate" or a --model id cannot call one. */
function mentionsReplicate(text: string): boolean {
  return /replicate/i.test(text) || /\.run\(|\.stream\(/.test(text);
}

/** Writes the changed files, each atomically; returns the findings of files that could not be written. */
export function writeClientRewrites(paths: readonly string[], result: ClientsResult): Finding[] {
  const { files: sources } = discoverSources(paths);
  const roots = new Map(sources.map((s) => [s.absPath, s.root]));
  const out: Finding[] = [];
  for (const f of result.files) {
    if (f.after === f.before || f.findings.some((x) => x.code === 'CM700')) continue;
    const root = roots.get(f.absPath);
    const problem = root ? writeInPlace(root, f.absPath, f.file, f.before, f.after) : finding('CM702', `${f.file} is no longer under the paths given`, { file: f.file });
    if (problem) out.push(problem);
  }
  return out;
}

/** The model IR from --ir: a Cog project folder (read statically) or IR JSON. */
export function loadModelIr(spec: string): { ir?: CogIR; findings: Finding[] } {
  let isDir = false;
  try {
    isDir = statSync(spec).isDirectory();
  } catch {
    return { findings: [finding('CM704', `--ir ${spec} does not exist`)] };
  }
  if (isDir) {
    const r = readCog(spec);
    if (!r.ir) return { findings: [finding('CM704', `--ir ${spec}: the Cog project could not be read`), ...r.findings] };
    return { ir: r.ir, findings: [] };
  }
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    return { findings: [finding('CM704', `--ir ${spec}: ${(e as Error).message}`)] };
  }
  const r = irFromJson(text);
  return r.ok ? { ir: r.ir, findings: [] } : { findings: [finding('CM704', `--ir ${spec}: ${r.error}`)] };
}
