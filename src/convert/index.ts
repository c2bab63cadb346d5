// One conversion as a value: Cog project -> IR -> target files (+ carried user files, the
// Dockerfile, MIGRATION.md and migration.json). Never throws: an unexpected exception becomes a
// `failed` result with a CM901 finding (the CLI shows the stack with --debug).

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { hasErrors } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { readProject } from '../frontends/read-project.js';
import type { OutputFile } from '../fs/write-output.js';
import type { Target, TargetResult } from '../target/types.js';
import { carryUserFiles } from './carry.js';
import { contextExclusions } from './context-check.js';
import { cogImportFindings } from './cog-imports.js';
import { sdkImportFindings } from './cog-sdk-imports.js';
import { renderMigrationMarkdown } from '../report/migration-md.js';
import { migrationJson } from '../report/migration-json.js';
import { dockerfileFor } from '../dockerfile/index.js';
import { withShippedLines } from '../report/shipped-dockerfile.js';
import type { PriceTable } from '../hardware/prices.js';
import { replicateHardware } from '../hardware/index.js';
import { modelTestFiles } from '../model-tests/index.js';
import { deployWorkflow } from '../model-tests/workflow.js';
import { pushAll } from '../util/push-all.js';

/** Files every conversion writes beside the target's own. */
export const REPORT_FILES = ['MIGRATION.md', 'migration.json'] as const;

export type ConvertResult =
  | { status: 'converted'; ir: CogIR; files: OutputFile[]; findings: Finding[]; target: TargetResult }
  | { status: 'failed'; ir?: CogIR; findings: Finding[]; error?: Error };

/** What a conversion takes besides the target's own options. */
export interface ConvertExtras {
  /** `--hardware`: the Replicate machine the model runs on, over what cog-safe-push configs say. */
  hardware?: string;
  /** `--pricing FILE`: the price table for MIGRATION.md's cost view. */
  prices?: PriceTable;
  /** `--endpoint`: for a fal or Modal app, the endpoint Cog serves as predict. */
  endpoint?: string;
  /** `--variant`: one variant of a multi-model project (src/frontends/cog/variant.ts). */
  variant?: string;
}

export function convert<O>(dir: string, target: Target<O>, options: O, extras: ConvertExtras = {}): ConvertResult {
  try {
    const read = readProject(dir, { ...(extras.endpoint !== undefined ? { endpoint: extras.endpoint } : {}), ...(extras.variant !== undefined ? { variant: extras.variant } : {}) });
    if (!read.ir || hasErrors(read.findings)) return { status: 'failed', ir: read.ir, findings: read.findings };
    const app = read.ir.predictors.predict?.app;
    if (app && target.name !== 'cog') {
      const f = finding('CM823', `${read.ir.predictors.predict!.file} is a ${app.platform} app; it converts to Cog (--to cog), not to ${target.name}`, { file: read.ir.predictors.predict!.file });
      return { status: 'failed', ir: read.ir, findings: [...read.findings, f] };
    }
    // Validated by the CLI against the hardware table before this is called.
    if (extras.hardware !== undefined && replicateHardware(extras.hardware)) read.ir.runtime.hardware = { name: extras.hardware, from: '--hardware' };
    return convertIr(read.ir, target, options, read.findings, extras);
  } catch (error) {
    return { status: 'failed', findings: [internalFault(error)], error: error as Error };
  }
}

export function convertIr<O>(ir: CogIR, target: Target<O>, options: O, readFindings: Finding[] = [], extras: ConvertExtras = {}): ConvertResult {
  try {
    const own = target.emit(ir, options);
    const tests = target.modelTests ? modelTestFiles(ir, target.modelTests, ir.project.name) : [];
    // The CI workflow moves with the tests: deploy, then run them against the deployed app.
    const workflow = tests.length > 0 && own.deploy ? [deployWorkflow(own.deploy, ir.project.name, target.modelTests?.runner)] : [];
    const result: TargetResult = tests.length === 0 || !target.modelTests ? own : {
      ...own,
      files: [...own.files, ...tests, ...workflow],
      nextSteps: [
        ...own.nextSteps,
        { title: "Run the model's tests from its cog-safe-push config against the deployed app", command: target.modelTests.command },
        ...(workflow.length ? [{ title: `Or let GitHub Actions deploy and test (add the secrets ${workflow[0]!.path} names)`, command: `gh workflow run ${workflow[0]!.path.split('/').pop()}` }] : []),
      ],
    };
    const carried = carryUserFiles(ir);
    for (const rule of result.leaveOut ?? []) {
      const hit = (p: string) => (rule.path.endsWith('/') ? p.startsWith(rule.path) : p === rule.path);
      if (!carried.files.some((f) => hit(f.path))) continue;
      carried.files = carried.files.filter((f) => !hit(f.path));
      carried.findings.push(finding('CM442', `${rule.path} is not carried into the output: ${rule.reason}`, { file: rule.path }));
    }
    const generated = result.files.map((f) => f.path);
    const findings = [...readFindings, ...result.findings, ...carried.findings, ...contextExclusions(ir, carried.rules, generated), ...(target.cogModule === 'sdk' ? sdkImportFindings(ir) : cogImportFindings(ir))];
    if (hasErrors(findings)) return { status: 'failed', ir, findings };
    const emitted = new Set([...generated, ...REPORT_FILES]);
    // Files a target rewrites on purpose (the Cog target's and workers-ai's normalised cog.yaml): that replacement is the conversion itself.
    const replaced = new Set([...(result.replaces ?? []), ...(target.name === 'cog' ? ['cog.yaml'] : [])]);
    const clashes = carried.files.filter((c) => emitted.has(c.path) && !replaced.has(c.path)).map((c) => clash(ir, c.path));
    pushAll(findings, clashes);
    if (hasErrors(clashes)) return { status: 'failed', ir, findings };
    const files: OutputFile[] = [
      ...result.files.map((f) => ({ path: f.path, content: f.text, ...(f.mode !== undefined ? { mode: f.mode } : {}) })),
      ...carried.files.filter((c) => !emitted.has(c.path)),
    ];
    const plan = dockerfileFor(ir, target.name);
    const dockerfile = result.shippedDockerfile !== undefined ? withShippedLines(plan, result.shippedDockerfile, target.name) : plan;
    const report = { ir, target, result, findings, dockerfile, ...(extras.prices ? { prices: extras.prices } : {}) };
    files.push({ path: 'MIGRATION.md', content: renderMigrationMarkdown(report) });
    files.push({ path: 'migration.json', content: JSON.stringify(migrationJson(report), null, 2) + '\n' });
    files.sort((a, b) => a.path.localeCompare(b.path));
    return { status: 'converted', ir, files, findings, target: result };
  } catch (error) {
    return { status: 'failed', ir, findings: [...readFindings, internalFault(error)], error: error as Error };
  }
}

/** A project file with the name of a generated one: fatal when the predictor needs it. */
function clash(ir: CogIR, path: string): Finding {
  const needed = Object.values(ir.predictors).some((p) => p.file === path || p.localImports.includes(path));
  return needed
    ? finding('CM015', `the predictor needs ${path}, but the target generates a file of that name`, { file: path }, { severity: 'error', hint: 'Rename the file in your project (and the import or cog.yaml reference to it), then convert again.' })
    : finding('CM015', `${path} in the project is replaced by the generated file of that name`, { file: path });
}

function internalFault(error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return finding('CM901', `internal error: ${message}`);
}
