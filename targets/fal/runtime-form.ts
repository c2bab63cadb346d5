// Which environment the fal app declares: fal's managed Python environment (the "fal Runtime":
// `requirements = [...]` plus `app_files`, fal builds and caches it) or a custom container
// (`image = fal.ContainerImage.from_dockerfile_str(...)`, the pruned Cog Dockerfile). fal's own
// rule ("Which Should I Use?", https://docs.fal.ai/documentation/development/container-setup):
// a Python model with pip packages -> fal Runtime; system packages, a specific CUDA or PyTorch
// build, a non-Python runtime -> custom container. What in a Cog build goes beyond pip packages
// is listed below, each as the reason the container stays. fal 1.83 refuses `app_files` on
// container apps (fal/api/api.py), so the two forms never mix.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { cudaNeed } from '../../src/dockerfile/index.js';

export type FalForm =
  | { kind: 'runtime'; requirements: string[] }
  | { kind: 'container'; reason: string };

/** Where fal puts `app_files` on the runner (and makes the working directory): fal/app_files.py. */
export const RUNTIME_PROJECT_DIR = '/app';

/**
 * The form for this build. `forced`: --container. `gpuLibraries`: the container needs lines the
 * fal Runtime cannot add (pip's nvidia library folders on the linker path, gpu-libraries.ts).
 * `dockerFindings`: the Dockerfile stage's findings; an error there stays visible in the container.
 */
export function falForm(ir: CogIR, opts: { forced: boolean; gpuLibraries: boolean; dockerFindings: readonly Finding[] }): FalForm {
  const b = ir.build;
  const container = (reason: string): FalForm => ({ kind: 'container', reason });
  if (opts.forced) return container('--container');
  if (b.systemPackages.length > 0) return container(`cog.yaml installs system packages (${b.systemPackages.map((p) => p.name).join(', ')})`);
  if (b.run.length > 0 || b.preInstall.length > 0) return container('cog.yaml has build.run steps');
  if (b.cuda !== undefined || b.cudnn !== undefined) return container(`cog.yaml asks for CUDA ${b.cuda ?? ''}${b.cudnn ? ` with cuDNN ${b.cudnn}` : ''}`.replace(/ +$/, ''));
  if (ir.runtime.environment.length > 0) return container('cog.yaml sets environment variables, which the image carries');
  const odd = b.pythonRequirements.find((r) => r.kind !== 'package' && r.kind !== 'url');
  if (odd) return container(`the requirement line \`${odd.raw}\` is a pip option or a local path`);
  const need = cudaNeed({ gpu: b.gpu, requirementLines: b.pythonRequirements.map((r) => r.raw), runCommands: [], systemPackages: [] });
  if (need.need !== 'none') return container(`the build needs a CUDA ${need.need} image: ${need.reasons[0] ?? ''}`);
  if (opts.gpuLibraries) return container('a package loads GPU libraries from outside its wheel (CM453), which the image puts on the linker path');
  if (opts.dockerFindings.some((f) => f.severity === 'error')) return container('the Dockerfile stage reported an error');
  return { kind: 'runtime', requirements: b.pythonRequirements.map((r) => r.raw) };
}
