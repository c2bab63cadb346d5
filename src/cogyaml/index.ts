// IR build + runtime + predictor references -> a cog.yaml that current Cog (the release pinned in
// src/dockerfile/data/cog-release.json) builds: every key in its current spelling and place, the
// deprecated ones rewritten (python_packages -> a requirements file, pre_install -> build.run, the
// 2021 environment:/model: layout -> build:/predict:), values current Cog rejects replaced by the
// nearest accepted one. Each rewrite this module makes is a finding (CM170-CM174) pointing at the
// user's cog.yaml; keys the reader already dropped carry the reader's own findings.
// Used by every target that ships a Cog project (workers-ai BYO, the reverse targets/cog).

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import type { EmittedFile } from '../target/types.js';
import { buildSection } from './build.js';
import { runtimeSections, predictorLines } from './runtime.js';

export interface NormalisedCogYaml {
  /** cog.yaml, plus a requirements file when requirements lived in cog.yaml itself. */
  files: EmittedFile[];
  findings: Finding[];
}

const HEADER = [
  '# Normalised by cog-migrate for the current Cog release: keys in their current form.',
  '# Reference: https://cog.run/yaml',
];

export function normaliseCogYaml(ir: CogIR): NormalisedCogYaml {
  const findings: Finding[] = [];
  const build = buildSection(ir, findings);
  const lines = [...HEADER, '', ...build.lines, ...runtimeSections(ir, findings), ...predictorLines(ir)];
  const files: EmittedFile[] = [{ path: 'cog.yaml', text: lines.join('\n') + '\n' }];
  if (build.requirements.generated) files.push({ path: build.requirements.generated.path, text: build.requirements.generated.text });
  return { files, findings };
}

export { planRequirements, type RequirementsPlan } from './requirements.js';
