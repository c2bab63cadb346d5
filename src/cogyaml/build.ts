// The build: section of a normalised cog.yaml. Every user value passes through yamlScalar.

import type { CogIR, RunStep } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { yamlScalar } from '../quote/index.js';
import { RELEASE } from '../dockerfile/tables.js';
import { COG_RELEASE } from '../dockerfile/release.js';
import { MINIMUM_CUDA_MAJOR, MINIMUM_PYTHON_MINOR } from '../frontends/cog/config/keys.js';
import { planRequirements, type RequirementsPlan } from './requirements.js';
import { pushAll } from '../util/push-all.js';

const COG_YAML = 'cog.yaml';

export interface BuildSection {
  lines: string[];
  requirements: RequirementsPlan;
}

export function buildSection(ir: CogIR, findings: Finding[]): BuildSection {
  const { build } = ir;
  const out = ['build:'];
  if (ir.project.configGeneration === 'pre-release-2021') {
    findings.push(finding('CM171', 'cog.yaml was rewritten from the 2021 pre-release layout (environment:, model:) to build: and predict:', { file: COG_YAML, line: 1, column: 1 }));
  }
  if (build.gpu) out.push('  gpu: true');
  const cuda = build.cuda;
  if (cuda !== undefined) {
    const major = Number(cuda.split('.')[0]);
    if (Number.isInteger(major) && major < MINIMUM_CUDA_MAJOR) {
      findings.push(finding('CM174', `cuda ${cuda} is older than Cog ${RELEASE.release} builds; it was left out (Cog picks CUDA from torch or tensorflow; set cuda where it cannot)`, build.loc));
    } else out.push(`  cuda: ${yamlScalar(cuda)}`);
  }
  if (build.cudnn !== undefined) out.push(`  cudnn: ${yamlScalar(build.cudnn)}`);
  out.push(`  python_version: ${yamlScalar(pythonVersion(ir, findings))}`);
  if (build.systemPackages.length > 0) {
    out.push('  system_packages:');
    for (const p of build.systemPackages) out.push(`    - ${yamlScalar(p.name)}`);
  }
  const requirements = planRequirements(build);
  if (requirements.file !== undefined) out.push(`  python_requirements: ${yamlScalar(requirements.file)}`);
  if (requirements.rewrittenFrom) {
    const from = requirements.rewrittenFrom === 'python_packages' ? 'build.python_packages (deprecated)' : 'pip options in cog.yaml';
    findings.push(finding('CM170', `${from} written to ${requirements.file} and named by build.python_requirements`, build.pythonRequirements.find((r) => r.loc.file === COG_YAML)?.loc ?? build.loc));
  }
  // Cog runs the legacy pre_install lines after build.run, so appending them keeps the order.
  const run = [...build.run, ...build.preInstall];
  if (build.preInstall.length > 0) {
    findings.push(finding('CM170', `build.pre_install (deprecated) written as the last ${build.preInstall.length === 1 ? 'item' : `${build.preInstall.length} items`} of build.run, where Cog runs it`, build.preInstall[0]!.loc));
  }
  if (run.length > 0) {
    out.push('  run:');
    for (const step of run) pushAll(out, runStep(oneLine(step, findings)));
  }
  pushAll(out, sdkVersion(ir, findings));
  return { lines: out, requirements };
}

/** The oldest Cog whose cog.yaml schema has build.sdk_version. */
const SDK_VERSION_KEY_SINCE = '0.17.0';

/**
 * build.sdk_version as read, or else the release cog-migrate checked the predictor's `cog`
 * imports against (CM031): without a pin, `cog build` installs the newest cog on PyPI, which the
 * check never saw. The comment says why, for the person who reads the emitted cog.yaml; it goes
 * with that release whoever pinned it, so normalising a normalised cog.yaml changes nothing.
 */
function sdkVersion(ir: CogIR, findings: Finding[]): string[] {
  const release = COG_RELEASE.replace(/^v/, '');
  const pinned = ir.build.sdkVersion ?? release;
  if (ir.build.sdkVersion === undefined) {
    findings.push(finding('CM173', `sdk_version written as ${release}, the Cog SDK release the predictor's imports were checked against (without it \`cog build\` installs the newest cog on PyPI)`, ir.build.loc));
  }
  const why = pinned !== release ? [] : [
    `  # cog-migrate checked the predictor's \`cog\` imports against Cog ${release}; without this pin`,
    `  # \`cog build\` installs the newest cog on PyPI. (build.sdk_version needs Cog ${SDK_VERSION_KEY_SINCE} or later.)`,
  ];
  return [...why, `  sdk_version: ${yamlScalar(pinned)}`];
}

/**
 * Cog refuses a command with a line break. Backslash-newline is the shell's own line continuation
 * and a trailing newline (a YAML `|` block) means nothing, so both are removed with the same
 * meaning; other line breaks are separate commands only a person can split, left for Cog to refuse.
 */
function oneLine(step: RunStep, findings: Finding[]): RunStep {
  const command = step.command.replace(/\\\r?\n/g, '').trimEnd();
  if (command === step.command || /[\r\n]/.test(command)) return step;
  findings.push(finding('CM174', 'a build.run command continued over several lines (backslash-newline) was joined into one line, which Cog requires', step.loc));
  return { ...step, command };
}

function runStep(step: RunStep): string[] {
  if (step.mounts.length === 0) return [`    - ${yamlScalar(step.command)}`];
  const lines = [`    - command: ${yamlScalar(step.command)}`, '      mounts:'];
  for (const m of step.mounts) {
    lines.push(`        - type: ${yamlScalar(m.type)}`, `          id: ${yamlScalar(m.id)}`, `          target: ${yamlScalar(m.target)}`);
  }
  return lines;
}

/** The version to write: as read, or Cog's default made explicit, raised to what Cog still builds. */
function pythonVersion(ir: CogIR, findings: Finding[]): string {
  const { build } = ir;
  const [major, minor] = build.pythonVersion.split('.').map(Number);
  const minimum = `3.${MINIMUM_PYTHON_MINOR}`;
  if (major === 3 && minor !== undefined && minor < MINIMUM_PYTHON_MINOR) {
    const how = build.pythonVersionExplicit ? `python_version ${build.pythonVersion}` : `the assumed python_version ${build.pythonVersion}`;
    findings.push(finding('CM172', `${how} raised to ${minimum}, the oldest Python Cog ${RELEASE.release} builds`, build.loc));
    return minimum;
  }
  if (!build.pythonVersionExplicit) {
    findings.push(finding('CM173', `python_version written as ${build.pythonVersion}, the default the project was read with`, build.loc));
  }
  return build.pythonVersion;
}
