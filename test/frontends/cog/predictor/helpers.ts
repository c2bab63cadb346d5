// Inline extractor tests in the spirit of LibCST's assertCodemod: a dedented Python snippet goes
// into a temporary project, and the test gets the predictor and the finding codes back.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { extractPredictor } from '../../../../src/frontends/cog/predictor/index.js';
import type { PredictorRef, PredictorResult } from '../../../../src/frontends/cog/types.js';
import type { Finding } from '../../../../src/findings/types.js';
import type { Predictor } from '../../../../src/ir/types.js';

/** Removes the common leading indentation and the first blank line, so snippets can be indented. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

export function tempProject(files: Record<string, string | Buffer>, symlinks: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cogm-pred-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? dedent(content) : content);
  }
  for (const [rel, target] of Object.entries(symlinks)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    symlinkSync(target, join(root, rel));
  }
  return root;
}

export interface ExtractOptions {
  ref?: string;
  key?: PredictorRef['key'];
  role?: PredictorRef['role'];
  /** Other project files, path -> content (dedented). The snippet itself goes to the ref's file. */
  extraFiles?: Record<string, string | Buffer>;
  symlinks?: Record<string, string>;
}

export interface Extracted {
  predictor: Predictor | undefined;
  codes: string[];
  findings: Finding[];
  result: PredictorResult;
  root: string;
}

export function refOf(ref: string, key: PredictorRef['key'] = 'predict', role: PredictorRef['role'] = 'predict'): PredictorRef {
  return { ref, key, role, loc: { file: 'cog.yaml', line: 1, column: 1 } };
}

/** Writes `pySource` as the predictor file (default `predict.py:Predictor`) and extracts it. */
export function extract(pySource: string | undefined, options: ExtractOptions = {}): Extracted {
  const ref = options.ref ?? 'predict.py:Predictor';
  const file = ref.slice(0, ref.lastIndexOf(':'));
  const files: Record<string, string | Buffer> = { ...(options.extraFiles ?? {}) };
  if (pySource !== undefined) files[file] = pySource;
  const root = tempProject(files, options.symlinks);
  const role = options.role ?? 'predict';
  const result = extractPredictor(root, refOf(ref, options.key ?? role, role));
  return { predictor: result.predictor, codes: result.findings.map((f) => f.code), findings: result.findings, result, root };
}

/** The predictor, failing the test with the findings when there is none. */
export function predictorOf(e: Extracted): Predictor {
  if (!e.predictor) throw new Error(`no predictor; findings: ${JSON.stringify(e.findings, null, 2)}`);
  return e.predictor;
}
