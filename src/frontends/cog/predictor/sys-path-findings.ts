// Findings on the folders modules add to sys.path (src/python/sys-path.ts reads them): a path
// that cannot be read statically (CM233), and a folder inside a git submodule that is not
// checked out (CM248, as for a direct import of a module there), where every module the
// predictor imports from it is missing, and Cog would fail to load the predictor.

import { finding } from '../../../findings/finding.js';
import { submoduleNote, uncheckedSubmoduleFor } from '../../../fs/submodules.js';
import type { Ctx } from './context.js';

/** Reports the sys.path statements of `files` (the predictor's file first) and of every module the graph read them in. */
export function reportSysPath(ctx: Ctx, files: readonly string[]): void {
  const seen = new Set<string>();
  for (const p of ctx.graph.sysPathProblems()) {
    const key = `${p.file}:${p.line}:${p.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = p.text.replace(/\s+/g, ' ');
    ctx.findings.push(finding('CM233', `the folder added to sys.path here (\`${text.length > 60 ? `${text.slice(0, 60)}…` : text}\`) cannot be read statically (${p.reason}); imports after it are not looked up in that folder, so names from modules there are not followed`, { file: p.file, line: p.line, column: p.column }));
  }
  for (const file of files) {
    for (const e of ctx.graph.sysPathEntries(file)) {
      const submodule = uncheckedSubmoduleFor(ctx.graph.root, e.dir);
      if (submodule === undefined) continue;
      const note = submoduleNote(submodule);
      ctx.findings.push(finding('CM248', `sys.path gains ${e.dir}, but the modules imported from there do not exist${note.message}`, { file, line: e.line, column: 1 }, { hint: note.hint }));
    }
  }
}
