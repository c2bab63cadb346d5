import { CLIENT_TARGETS, loadModelIr, parseModelSpec, rewriteClients, unifiedDiff, writeClientRewrites, type ClientTarget, type ModelMapping } from '../../clients/index.js';
import type { Finding } from '../../findings/types.js';
import { EXIT, exitCodeFor, UsageError, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';

export interface ClientsCommandOptions {
  to: string;
  model?: string[];
  ir?: string[];
  write?: boolean;
  strict?: boolean;
}

export function runClients(paths: string[], opts: ClientsCommandOptions, io: Io): { code: ExitCode } {
  if (!(CLIENT_TARGETS as readonly string[]).includes(opts.to)) throw new UsageError(`--to ${opts.to} is not a clients target`, `choose one of ${CLIENT_TARGETS.join(', ')}`);
  const to = opts.to as ClientTarget;
  const specs = opts.model ?? [];
  if (specs.length === 0) throw new UsageError('no --model given', 'name each moved model: --model owner/name[:version]=TARGET_ID');
  const models: ModelMapping[] = [];
  for (const spec of specs) {
    const r = parseModelSpec(spec, to);
    if (!r.ok) throw new UsageError(r.error, 'fal: --model owner/name=fal-owner/app; modal: --model owner/name=app-name/ClassName or =https://...modal.run; workers-ai: --model owner/name=MODEL_NAME');
    models.push(r.mapping);
  }
  const findings: Finding[] = [];
  for (const irSpec of opts.ir ?? []) {
    const eq = irSpec.indexOf('=');
    const prefix = eq > 0 ? irSpec.slice(0, eq) : undefined;
    const target = prefix && models.some((m) => `${m.owner}/${m.name}` === prefix) ? prefix : undefined;
    const path = target ? irSpec.slice(eq + 1) : irSpec;
    const chosen = target ? models.filter((m) => `${m.owner}/${m.name}` === target) : models;
    if (!target && models.length > 1) throw new UsageError(`--ir ${irSpec} does not say which model it describes`, 'with several --model, write --ir owner/name=PATH');
    const loaded = loadModelIr(path);
    findings.push(...loaded.findings);
    if (loaded.ir) for (const m of chosen) m.ir = loaded.ir;
  }
  const result = rewriteClients(paths, { to, models });
  findings.push(...result.findings);
  const changed = result.files.filter((f) => f.after !== f.before);
  if (opts.write) {
    findings.push(...writeClientRewrites(paths, result));
    io.err(`cog-migrate clients: ${changed.length} file(s) rewritten of ${result.files.length} read`);
  } else {
    for (const f of changed) io.out(unifiedDiff(f.file, f.before, f.after));
    io.err(`cog-migrate clients: ${changed.length} file(s) would change of ${result.files.length} read; nothing written (pass --write)`);
  }
  reportFindings(io, findings);
  const code = exitCodeFor(findings, opts.strict ?? false);
  return { code: code === EXIT.ok && result.files.length === 0 && findings.length > 0 ? EXIT.findings : code };
}
