// Imports of a module inside a git submodule that a plain clone did not check out
// (`from third_party.GFPGAN.gfpgan import GFPGANer` with third_party/GFPGAN named in .gitmodules
// and empty): Python would fail with ModuleNotFoundError when Cog loads the predictor, and the
// module graph can only see "no such file", which reads as an installed package. The same
// error and command as a requirements file there (CM130).

import { readProjectText } from '../../../fs/project-files.js';
import { submoduleNote, uncheckedSubmodules } from '../../../fs/submodules.js';
import { finding } from '../../../findings/finding.js';
import { scanImports } from '../../../python/import-scan.js';
import type { Ctx } from './context.js';

/** The unchecked submodule a dotted module path lies in (`a.b.c` as a/b/c), if any. */
function submoduleOf(parts: string[], unchecked: string[]): string | undefined {
  const path = parts.join('/');
  return unchecked.find((p) => path === p || path.startsWith(`${p}/`));
}

/** Reports CM248 for each absolute import, in `files`, of a module inside an unchecked submodule. */
export function reportSubmoduleImports(ctx: Ctx, files: readonly string[]): void {
  const unchecked = uncheckedSubmodules(ctx.graph.root);
  if (unchecked.length === 0) return;
  for (const file of files) {
    const read = readProjectText(ctx.graph.root, file);
    if (!read.ok) continue;
    for (const stmt of scanImports(read.text)) {
      const modules = stmt.kind === 'import' ? stmt.modules : stmt.level === 0 ? [stmt.module.split('.')] : [];
      for (const parts of modules) {
        const submodule = submoduleOf(parts, unchecked);
        if (!submodule) continue;
        const note = submoduleNote(submodule);
        const f = finding('CM248', `the import of ${parts.join('.')} names a module that does not exist${note.message}`, { file, line: stmt.line, column: stmt.column }, { hint: note.hint });
        // An import inside a function fails only when that function runs, one guarded by
        // `except ImportError` not at all, as CM220 says.
        if (stmt.deferred || stmt.guarded) f.severity = 'info';
        ctx.findings.push(f);
      }
    }
  }
}
