import { loadProject } from '../../frontends/index.js';
import type { CogIR, Predictor } from '../../ir/types.js';
import { describeConstraints, describeType, describeValue } from '../../ir/describe.js';
import { irToJson } from '../../ir/json.js';
import { safePushSummary } from '../../ir/describe-safe-push.js';
import { buildOpenApi } from '../../ir/openapi.js';
import { finding } from '../../findings/finding.js';
import { EXIT, exitCodeFor, type ExitCode } from '../exit.js';
import { reportFindings, type Io } from '../io.js';
import { terminalSafeJson, visible } from '../../findings/reporters/escape.js';
import { pushAll } from '../../util/push-all.js';

export interface InspectOptions {
  json?: boolean;
  openapi?: boolean;
  strict?: boolean;
  endpoint?: string;
  variant?: string;
}

export async function runInspect(dir: string, opts: InspectOptions, io: Io): Promise<{ code: ExitCode }> {
  const { ir, findings } = await loadProject(dir, { ...(opts.endpoint !== undefined ? { endpoint: opts.endpoint } : {}), ...(opts.variant !== undefined ? { variant: opts.variant } : {}) });
  if (ir) {
    // User text (names, descriptions, non-literal source) is printed as findings are: escaped.
    if (opts.json) io.out(terminalSafeJson(irToJson(ir)));
    else if (opts.openapi) {
      const { schema, notes } = buildOpenApi(ir);
      io.out(terminalSafeJson(JSON.stringify(schema, null, 2)));
      // What the schema could not carry exactly is said once, where the user wrote it.
      for (const n of notes) findings.push(finding('CM020', n.message, n.loc));
    }
    else io.out(summary(ir).split('\n').map(visible).join('\n'));
  }
  reportFindings(io, findings);
  const code = exitCodeFor(findings, opts.strict ?? false);
  return { code: !ir && code === EXIT.ok ? EXIT.findings : code };
}

function summary(ir: CogIR): string {
  const b = ir.build;
  const lines = [
    `${ir.project.name}  (cog.yaml: ${ir.project.configGeneration === 'current' ? 'current format' : '2021 pre-release format'})`,
    '',
    'build',
    `  gpu: ${b.gpu}${b.cuda ? `, cuda ${b.cuda}` : ''}${b.cudnn ? `, cudnn ${b.cudnn}` : ''}`,
    `  python: ${b.pythonVersion}${b.pythonVersionExplicit ? '' : ' (Cog default)'}`,
    `  system packages: ${b.systemPackages.map((p) => p.name).join(' ') || '-'}`,
    `  python requirements (${b.requirementsSource}${b.requirementsFile ? `: ${b.requirementsFile}` : ''}): ${b.pythonRequirements.map((r) => r.raw).join(', ') || '-'}`,
    `  run steps: ${b.run.length}`,
  ];
  if (ir.runtime.concurrency?.max !== undefined) lines.push(`  concurrency.max: ${ir.runtime.concurrency.max}`);
  for (const p of [ir.predictors.predict, ir.predictors.train]) if (p) lines.push('', ...predictorSummary(p));
  if (!ir.predictors.predict && !ir.predictors.train) lines.push('', 'no predictor (cog.yaml names no predict, run or train)');
  pushAll(lines, safePushSummary(ir.safePush));
  return lines.join('\n');
}

function predictorSummary(p: Predictor): string[] {
  const lines = [`${p.role}: ${p.ref}  (${p.kind}${p.isAsync ? ', async' : ''}, ${p.file}:${p.loc.line})`];
  const width = Math.max(4, ...p.inputs.map((i) => i.name.length));
  for (const i of p.inputs) {
    const c = describeConstraints(i);
    lines.push(`  ${i.name.padEnd(width)}  ${describeType(i.type)} = ${describeValue(i.default)}${c ? `  [${c}]` : ''}`);
  }
  lines.push(`  -> ${describeType(p.output)}`);
  return lines;
}
