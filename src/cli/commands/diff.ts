// `cog-migrate diff OLD NEW`: what changed in a model's schema and whether it breaks callers.
import { diffSchemas, loadSchema, renderChangesText } from '../../ir/compat/index.js';
import { EXIT, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';

export interface DiffOptions {
  json?: boolean;
}

export function runDiff(oldPath: string, newPath: string, opts: DiffOptions, io: Io): { code: ExitCode } {
  const before = loadSchema(oldPath);
  const after = loadSchema(newPath);
  if (!before.ok || !after.ok) {
    reportFindings(io, [...(before.ok ? [] : before.findings), ...(after.ok ? [] : after.findings)]);
    return { code: EXIT.usage };
  }
  const changes = diffSchemas(before.schema, after.schema);
  const breaking = changes.some((c) => c.breaking);
  if (opts.json) io.out(JSON.stringify({ old: oldPath, new: newPath, breaking, changes }, null, 2));
  else io.out(renderChangesText(changes));
  return { code: breaking ? EXIT.findings : EXIT.ok };
}
