// The gate between cog.yaml values and Dockerfile text: each system package, run step,
// environment variable and requirement either passes a check that makes it safe to write, or is
// left out with an error finding pointing at the user's cog.yaml.

import type { Build, EnvironmentVariable, RunStep, Runtime } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { RELEASE } from './tables.js';
import { cogRequirementLines } from './requirements.js';
import { splitRunOptions } from './run-options.js';
import { readAptEntry } from './apt-entries.js';
import { breaksInstruction, continuesLine, isEnvName, isMountValue, isPlainEnvValue, opensHeredoc } from './quote.js';

export interface SafeInputs {
  systemPackages: string[];
  run: RunStep[];
  environment: EnvironmentVariable[];
  requirementLines: string[];
  findings: Finding[];
}

function reserved(name: string): boolean {
  return RELEASE.environmentDenyList.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name));
}

export function safeInputs(build: Build, runtime: Runtime): SafeInputs {
  const findings: Finding[] = [];
  const systemPackages: string[] = [];
  for (const pkg of build.systemPackages) {
    // Cog writes the entry into `apt-get install` as written; keep it whole so the line matches.
    const entry = readAptEntry(pkg.name);
    if (!entry.ok) {
      findings.push(finding('CM301', `system package ${JSON.stringify(pkg.name)} cannot be passed to apt-get install: ${entry.why}`, pkg.loc));
      continue;
    }
    systemPackages.push(pkg.name.trim().split(/\s+/).join(' '));
    if (entry.options.length > 0) {
      findings.push(finding('CM344', `system package entry ${JSON.stringify(pkg.name)} carries the apt-get option${entry.options.length > 1 ? 's' : ''} ${entry.options.join(' ')}; kept as written in the apt-get install line, as Cog does`, pkg.loc));
    }
  }
  // Cog runs build.run first and the legacy pre_install lines after them.
  const run: RunStep[] = [];
  for (const step of [...build.run, ...build.preInstall]) {
    const command = step.command.trim();
    if (breaksInstruction(command) || continuesLine(command)) {
      findings.push(finding('CM302', `run command spans several lines: ${JSON.stringify(command.slice(0, 60))}`, step.loc));
      continue;
    }
    if (opensHeredoc(command)) {
      findings.push(finding('CM340', `run command ${JSON.stringify(command.slice(0, 60))} contains \`<<\`, which BuildKit reads as a here-document swallowing the lines after it`, step.loc));
      continue;
    }
    if (command.startsWith('-')) {
      const split = splitRunOptions(command);
      if (!split.ok) {
        findings.push(finding('CM310', `run command ${JSON.stringify(command.slice(0, 60))} starts with ${JSON.stringify(split.bad.slice(0, 60))}, which would break the RUN line: ${split.why}`, step.loc));
        continue;
      }
      const options = split.options.map((o) => o.text).join(' ');
      const [what, them] = split.options.length > 1 ? ['options', 'them'] : ['option', 'it'];
      findings.push(finding('CM342', `build.run step starts with the BuildKit RUN ${what} ${options}; Cog writes ${them} into the RUN line, and so does the cog debug form`, step.loc));
    }
    const badMount = step.mounts.find((m) => !isMountValue(m.id) || !isMountValue(m.target));
    if (badMount) {
      findings.push(finding('CM303', `secret mount ${JSON.stringify(badMount.id)} -> ${JSON.stringify(badMount.target)} cannot be written safely`, step.loc));
      continue;
    }
    run.push({ ...step, command });
  }
  const environment: EnvironmentVariable[] = [];
  const seen = new Set<string>();
  for (const v of runtime.environment) {
    if (!isEnvName(v.name) || reserved(v.name) || seen.has(v.name)) {
      const why = !isEnvName(v.name) ? 'is not a valid name' : reserved(v.name) ? 'is reserved by Cog' : 'is defined twice';
      findings.push(finding('CM304', `environment variable ${JSON.stringify(v.name)} ${why}`, v.loc));
      continue;
    }
    if (breaksInstruction(v.value)) {
      findings.push(finding('CM305', `environment variable ${v.name} has a line break in its value`, v.loc));
      continue;
    }
    if (!isPlainEnvValue(v.value)) findings.push(finding('CM306', `environment variable ${v.name} is written quoted`, v.loc));
    seen.add(v.name);
    environment.push(v);
  }
  const requirementLines: string[] = [];
  for (const r of build.pythonRequirements) {
    if (breaksInstruction(r.raw) || continuesLine(r.raw)) {
      findings.push(finding('CM309', `requirement ${JSON.stringify(r.raw.slice(0, 60))} spans several lines`, r.loc));
      continue;
    }
    if (opensHeredoc(r.raw)) {
      findings.push(finding('CM341', `requirement ${JSON.stringify(r.raw.slice(0, 60))} contains \`<<\``, r.loc));
      continue;
    }
    requirementLines.push(r.raw);
  }
  return { systemPackages, run, environment, requirementLines: cogRequirementLines(requirementLines, build.requirementsSource === 'python_requirements'), findings };
}
