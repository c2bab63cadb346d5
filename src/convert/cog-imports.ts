// The predictor and its local modules run on the target against the `cog` compatibility package
// (runtime/cog), not the Cog SDK: a name imported from `cog` that the package lacks would be an
// ImportError (or AttributeError) when the app starts. Found here, at conversion time, at the
// import line, instead of in production.

import { join } from 'node:path';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { COG_COMPAT_NAMES } from '../runtime/index.js';
import { parsePython, type SyntaxNode } from '../python/parse.js';
import { descendantsOfTypes } from '../python/nodes.js';
import { readRegularFile } from '../fs/bounded-read.js';

/** What a `cog` module provides: the names `from MODULE import NAME` succeeds with, per module. */
export interface CogModuleNames {
  names: ReadonlySet<string>;
  /** The modules those names are imported from (`cog`, and for the package also `cog.types`). */
  modules: ReadonlySet<string>;
}

/** The compatibility package: `from cog.types import X` reads the same names as `from cog`. */
export const COMPAT_PACKAGE: CogModuleNames = { names: new Set(COG_COMPAT_NAMES), modules: new Set(['cog', 'cog.types']) };
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
const IMPORTS: ReadonlySet<string> = new Set(['import_from_statement', 'import_statement']);

/** One use of a name `cog` lacks: `streaming`, or `cog.concurrent` after `import cog`. */
export interface CogNameUse { name: string; line: number; column: number }

/** Names one Python source imports from `cog` (or uses as `cog.X` after `import cog`) that
 * `provided` (default: the compatibility package) does not have, with where. */
export function unprovidedCogNames(source: string, provided: CogModuleNames = COMPAT_PACKAGE): CogNameUse[] {
  return onlyProvidedImports(source, provided) ? [] : scanCogNames(source, provided);
}

/** unprovidedCogNames by a full parse, always (the fast path's tests compare against it). */
export function scanCogNames(source: string, provided: CogModuleNames = COMPAT_PACKAGE): CogNameUse[] {
  const parsed = parsePython(source, { full: true });
  if (!parsed.root) return [];
  type Use = CogNameUse;
  const use = (n: SyntaxNode, name: string): Use => ({ name, line: n.startPosition.row + 1, column: n.startPosition.column + 1 });
  const fromImports: Use[] = [];
  const attributes: Use[] = [];
  let importsCogModule = false;
  // Only import statements and attributes matter: tree-sitter finds them natively, which is far
  // cheaper than walking every node of the file in JS.
  for (const n of descendantsOfTypes(parsed.root, IMPORTS)) {
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name');
      if (!mod || !provided.modules.has(mod.text)) continue;
      for (const nameNode of n.childrenForFieldName('name')) {
        const ident = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('name') : nameNode;
        if (ident && !provided.names.has(ident.text)) fromImports.push(use(ident, ident.text));
      }
    } else if (n.childrenForFieldName('name').some((c) => c.type === 'dotted_name' && c.text === 'cog')) {
      // `import cog` binds the module (an aliased `import cog as c` is left alone).
      importsCogModule = true;
    }
  }
  // `cog.X` counts only where the file binds `cog` to the module.
  if (importsCogModule) {
    for (const n of parsed.root.descendantsOfType('attribute')) {
      const obj = n.childForFieldName('object');
      const attr = n.childForFieldName('attribute');
      if (obj?.type === 'identifier' && obj.text === 'cog' && attr && attr.text !== 'types' && !provided.names.has(attr.text)) attributes.push(use(attr, `cog.${attr.text}`));
    }
  }
  return [...fromImports, ...attributes].sort((a, b) => a.line - b.line || a.column - b.column);
}

// `from cog import A, B as C` on one line, nothing else on it.
const SIMPLE_FROM_COG = /^[ \t]*from[ \t]+(cog(?:\.types)?)[ \t]+import[ \t]+([\w \t,]+?)[ \t]*$/;

/**
 * True when the source certainly names nothing from `cog` the package lacks, without parsing it:
 * every line that mentions the word `cog` is a one-line `from cog import ...` of provided names.
 * Anything else (`import cog`, `cog.X`, a parenthesised or continued import, a comment or string
 * saying cog) returns false and the file is parsed. Most predictors take this path, and the
 * conversion then parses each file once instead of twice.
 */
export function onlyProvidedImports(source: string, provided: CogModuleNames = COMPAT_PACKAGE): boolean {
  if (!/\bcog\b/.test(source)) return true;
  for (const line of source.split('\n')) {
    if (!/\bcog\b/.test(line)) continue;
    const m = SIMPLE_FROM_COG.exec(line.replace(/\r$/, ''));
    if (!m || !provided.modules.has(m[1]!)) return false;
    for (const item of m[2]!.split(',')) {
      const name = /^\s*(\w+)(?:\s+as\s+\w+)?\s*$/.exec(item)?.[1];
      if (!name || !provided.names.has(name)) return false;
    }
  }
  return true;
}

/** Every use of a name `provided` lacks in the predictor files and the local modules they import. */
export function predictorCogUses(ir: CogIR, provided: CogModuleNames): { file: string; use: CogNameUse }[] {
  const files = new Set<string>();
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    if (!p) continue;
    files.add(p.file);
    for (const m of p.localImports) files.add(m);
  }
  const uses: { file: string; use: CogNameUse }[] = [];
  for (const file of [...files].sort()) {
    const read = readRegularFile(join(ir.project.root, file), MAX_SOURCE_BYTES, file);
    if (!read.ok) continue; // the frontend already reported a file it could not read
    for (const use of unprovidedCogNames(read.bytes.toString('utf8'), provided)) uses.push({ file, use });
  }
  return uses;
}

/** `streaming from cog`, or `cog.concurrent` as written. */
export function importedName(u: CogNameUse): string {
  return u.name.startsWith('cog.') ? u.name : `${u.name} from cog`;
}

/** CM030 for every name the compatibility package lacks (targets that ship it: fal, modal). */
export function cogImportFindings(ir: CogIR): Finding[] {
  return predictorCogUses(ir, COMPAT_PACKAGE).map(({ file, use }) =>
    finding('CM030', `${file} imports ${importedName(use)}, which the cog compatibility package does not provide`, { file, line: use.line, column: use.column }));
}
