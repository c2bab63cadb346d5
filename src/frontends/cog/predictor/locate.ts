// From a cog.yaml reference (`sub/dir/my-model.py:Predictor`) to the parsed module and the
// class or function it names, with a finding for every way that can fail.

import { posix } from 'node:path';
import { finding } from '../../../findings/finding.js';
import type { SourceLocation } from '../../../ir/types.js';
import type { LoadProblem, ModuleGraph, PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import type { Ctx } from './context.js';

export interface ParsedRef {
  file: string;
  name: string;
}

/** Splits `file.py:Name`; undefined (with CM206) when malformed. */
export function parseRef(ctx: Ctx, ref: string, at: SourceLocation): ParsedRef | undefined {
  const text = ref.trim();
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    ctx.findings.push(finding('CM206', `predictor reference ${JSON.stringify(ref)} is not of the form file.py:Name`, at));
    return undefined;
  }
  const rawFile = text.slice(0, colon).trim().replace(/\\/g, '/');
  const name = text.slice(colon + 1).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    ctx.findings.push(finding('CM206', `${JSON.stringify(name)} in predictor reference ${JSON.stringify(ref)} is not a Python name`, at));
    return undefined;
  }
  // Keep `..` and absolute paths as written: the project reader refuses them with a clear reason.
  const file = rawFile.startsWith('/') || rawFile.split('/').includes('..') ? rawFile : posix.normalize(rawFile);
  return { file, name };
}

/** Turns a module load problem into a finding. `refLoc` is where cog.yaml named the file. */
export function loadProblemFinding(p: LoadProblem, code: { read: string; syntax: string }, refLoc?: SourceLocation) {
  if (p.kind === 'read') return finding(code.read, p.detail, refLoc ?? { file: p.file });
  if (p.kind === 'timeout') return finding('CM219', `${p.file} could not be parsed within the time budget`, { file: p.file, line: 1, column: 1 });
  return finding(code.syntax, `${p.file}:${p.line}:${p.column}: ${p.message}`, { file: p.file, line: p.line, column: p.column });
}

export type Target =
  | { kind: 'class'; module: PyModule; node: SyntaxNode; name: string }
  | { kind: 'function'; module: PyModule; node: SyntaxNode; name: string };

/** The class or function `name` of `mod`, following a re-export from a local module. */
export function findTarget(graph: ModuleGraph, mod: PyModule, name: string): Target | undefined {
  const r = graph.lookup(mod, name);
  if (!r) return undefined;
  if (r.kind === 'class') return { kind: 'class', module: r.module, node: r.node, name: r.name };
  if (r.kind === 'function') return { kind: 'function', module: r.module, node: r.node, name: r.name };
  return undefined;
}
