// Where the normalised cog.yaml takes its Python requirements from. A requirements file the
// project already names is kept as it is (it is carried unchanged); requirements that lived in
// cog.yaml itself (the deprecated python_packages list, the 2021 format's extra index URLs) are
// written to a requirements file, which current Cog recommends.

import type { Build } from '../ir/types.js';

export interface RequirementsPlan {
  /** Value of build.python_requirements, absent when there are no requirements at all. */
  file?: string;
  /** A generated requirements file, when the lines did not come from one the project has. */
  generated?: { path: string; text: string };
  /** Where the lines came from, for the finding that says so. */
  rewrittenFrom?: 'python_packages' | 'cog.yaml';
}

const GENERATED_NAMES = ['requirements.txt', 'requirements-cog.txt', 'cog-requirements.txt'];

export function planRequirements(build: Build): RequirementsPlan {
  const fromCogYaml = build.pythonRequirements.filter((r) => r.loc.file === 'cog.yaml');
  if (build.requirementsSource === 'python_requirements' && build.requirementsFile !== undefined) {
    if (fromCogYaml.length === 0) return { file: build.requirementsFile };
    // 2021 format: option lines from cog.yaml come first, then the project's own file.
    const path = freeName(build.requirementsFile);
    const lines = [...fromCogYaml.map((r) => r.raw), `-r ${build.requirementsFile}`];
    return { file: path, generated: { path, text: lines.join('\n') + '\n' }, rewrittenFrom: 'cog.yaml' };
  }
  if (build.pythonRequirements.length === 0) return {};
  const path = freeName(build.requirementsFile);
  const text = build.pythonRequirements.map((r) => r.raw).join('\n') + '\n';
  // Requirements an app declared itself (fal `requirements`, Modal `pip_install`) are not a
  // rewrite of cog.yaml: writing them to a requirements file is simply their Cog form.
  if (build.requirementsSource === 'app') return { file: path, generated: { path, text } };
  return { file: path, generated: { path, text }, rewrittenFrom: build.requirementsSource === 'python_packages' ? 'python_packages' : 'cog.yaml' };
}

function freeName(taken: string | undefined): string {
  return GENERATED_NAMES.find((n) => n !== taken) ?? 'requirements.txt';
}
