import type { ReportInput } from './migration-md.js';
import { findingsToJson } from '../findings/reporters/json.js';
import { TOOL_VERSION } from '../version.js';

/** The machine-readable twin of MIGRATION.md. No timestamps: same input, same bytes. */
export function migrationJson<O>({ ir, target, result, findings, dockerfile: plan }: ReportInput<O>): object {
  return {
    tool: { name: 'cog-migrate', version: TOOL_VERSION },
    model: ir.project.name,
    target: target.name,
    predictors: Object.fromEntries(
      Object.entries(ir.predictors).map(([role, p]) => [role, { ref: p.ref, kind: p.kind, inputs: p.inputs.map((i) => i.name) }]),
    ),
    mapping: result.mapping,
    nextSteps: result.nextSteps,
    dockerfileChanges: plan.changes.map((c) => ({ action: c.action, before: c.before ? `${c.before.keyword} ${c.before.args}` : undefined, after: c.after ? `${c.after.keyword} ${c.after.args}` : undefined, reason: c.reason })),
    findings: findingsToJson(findings),
  };
}
