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

const PROVIDED: ReadonlySet<string> = new Set(COG_COMPAT_NAMES);
/** Modules of the package: `from cog.types import X` reads the same names. */
const COG_MODULES = new Set(['cog', 'cog.types']);
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
const IMPORTS: ReadonlySet<string> = new Set(['import_from_statement', 'import_statement']);

/** Names one Python source imports from `cog` (or uses as `cog.X` after `import cog`) that the
 * compatibility package does not provide, with where. */
export function unprovidedCogNames(source: string): { name: string; line: number; column: number }[] {
  return onlyProvidedImports(source) ? [] : scanCogNames(source);
}

/** unprovidedCogNames by a full parse, always (the fast path's tests compare against it). */
export function scanCogNames(source: string): { name: string; line: number; column: number }[] {
  const parsed = parsePython(source, { full: true });
  if (!parsed.root) return [];
  type Use = { name: string; line: number; column: number };
  const use = (n: SyntaxNode, name: string): Use => ({ name, line: n.startPosition.row + 1, column: n.startPosition.column + 1 });
  const fromImports: Use[] = [];
  const attributes: Use[] = [];
  let importsCogModule = false;
  // Only import statements and attributes matter: tree-sitter finds them natively, which is far
  // cheaper than walking every node of the file in JS.
  for (const n of descendantsOfTypes(parsed.root, IMPORTS)) {
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name');
      if (!mod || !COG_MODULES.has(mod.text)) continue;
      for (const nameNode of n.childrenForFieldName('name')) {
        const ident = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('name') : nameNode;
        if (ident && !PROVIDED.has(ident.text)) fromImports.push(use(ident, ident.text));
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
      if (obj?.type === 'identifier' && obj.text === 'cog' && attr && attr.text !== 'types' && !PROVIDED.has(attr.text)) attributes.push(use(attr, `cog.${attr.text}`));
    }
  }
  return [...fromImports, ...attributes].sort((a, b) => a.line - b.line || a.column - b.column);
}

// `from cog import A, B as C` on one line, nothing else on it.
const SIMPLE_FROM_COG = /^[ \t]*from[ \t]+cog(?:\.types)?[ \t]+import[ \t]+([\w \t,]+?)[ \t]*$/;

/**
 * True when the source certainly names nothing from `cog` the package lacks, without parsing it:
 * every line that mentions the word `cog` is a one-line `from cog import ...` of provided names.
 * Anything else (`import cog`, `cog.X`, a parenthesised or continued import, a comment or string
 * saying cog) returns false and the file is parsed. Most predictors take this path, and the
 * conversion then parses each file once instead of twice.
 */
export function onlyProvidedImports(source: string): boolean {
  if (!/\bcog\b/.test(source)) return true;
  for (const line of source.split('\n')) {
    if (!/\bcog\b/.test(line)) continue;
    const m = SIMPLE_FROM_COG.exec(line.replace(/\r$/, ''));
    if (!m) return false;
    for (const item of m[1]!.split(',')) {
      const name = /^\s*(\w+)(?:\s+as\s+\w+)?\s*$/.exec(item)?.[1];
      if (!name || !PROVIDED.has(name)) return false;
    }
  }
  return true;
}

/** CM030 for every such name in the predictor files and the local modules they import. */
export function cogImportFindings(ir: CogIR): Finding[] {
  const files = new Set<string>();
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    if (!p) continue;
    files.add(p.file);
    for (const m of p.localImports) files.add(m);
  }
  const findings: Finding[] = [];
  for (const file of [...files].sort()) {
    const read = readRegularFile(join(ir.project.root, file), MAX_SOURCE_BYTES, file);
    if (!read.ok) continue; // the frontend already reported a file it could not read
    for (const u of unprovidedCogNames(read.bytes.toString('utf8'))) {
      findings.push(finding('CM030', `${file} imports ${u.name.startsWith('cog.') ? u.name : `${u.name} from cog`}, which the cog compatibility package does not provide`, { file, line: u.line, column: u.column }));
    }
  }
  return findings;
}
