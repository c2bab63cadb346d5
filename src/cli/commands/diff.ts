// `cog-migrate diff OLD NEW`: what changed in a model's schema and whether it breaks callers.
import { diffSchemas, loadSchema, renderChangesText } from '../../ir/compat/index.js';
import { join } from 'node:path';
import type { Finding } from '../../findings/types.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';

export interface DiffOptions {
  json?: boolean;
  /** Compare this variant of both versions (a project of several models). */
  variant?: string;
}

export function runDiff(oldPath: string, newPath: string, opts: DiffOptions, io: Io): { code: ExitCode } {
  const load = { ...(opts.variant !== undefined ? { variant: opts.variant } : {}) };
  const before = loadSchema(oldPath, load);
  const after = loadSchema(newPath, load);
  if (!before.ok || !after.ok) {
    reportFindings(io, [...(before.ok ? [] : before.findings), ...(after.ok ? [] : after.findings)]);
    return { code: EXIT.usage };
  }
  // What reading each project warned of (stderr, beside the verdict): an input it could not read
  // statically changes in the schema without changing in the model.
  reportFindings(io, [...before.findings.map((f) => inVersion(f, oldPath)), ...after.findings.map((f) => inVersion(f, newPath))]);
  const changes = diffSchemas(before.schema, after.schema);
  const breaking = changes.some((c) => c.breaking);
  if (opts.json) io.out(JSON.stringify({ old: oldPath, new: newPath, breaking, changes }, null, 2));
  else io.out(renderChangesText(changes));
  return { code: breaking ? EXIT.findings : EXIT.ok };
}

/** A reading finding of one version: its file is named inside that version's folder. */
function inVersion(f: Finding, version: string): Finding {
  return f.file !== undefined ? { ...f, file: join(version, f.file) } : f;
}
