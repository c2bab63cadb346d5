// GPU libraries that pip packages load from outside their wheel (ctranslate2 and what uses it:
// cuBLAS, cuDNN). fal's image for a torch GPU model is the slim Python image, which has no system
// CUDA, and neither LD_LIBRARY_PATH nor the linker's cache names pip's nvidia/*/lib folders, so
// such a package fails at its first GPU call. The rule puts those folders on the dynamic linker's
// path, installing the nvidia-* wheels when torch does not bring matching ones, and warns where
// the versions cannot meet.
// The facts are data (data/gpu-libraries.json) with their sources.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { instr, renderDockerfile, type Dockerfile, type Instruction } from '../../src/dockerfile/model.js';
import { shellWord } from '../../src/dockerfile/quote.js';
import { parseVer, verGreater } from '../../src/dockerfile/version.js';
import data from './data/gpu-libraries.json' with { type: 'json' };
import { installedPackages, type InstalledPackage } from './installed-packages.js';

interface Release { below?: string; cuda: string; cudnn: string; last?: string }
interface LibraryPackage { libraries: ('cublas' | 'cudnn')[]; why: string; source: string; releases: Release[] }
type Entry = LibraryPackage | { uses: string };

const PACKAGES = data.packages as Record<string, Entry>;

/** `v < limit`, on the numeric release part (`4.4.0`, `2.1.0`). */
function isBelow(v: string, limit: string): boolean {
  const release = /^\d+(?:\.\d+){0,2}/.exec(v)?.[0];
  return release !== undefined && parseVer(release) !== undefined && verGreater(limit, release);
}

function pick<T extends { below?: string }>(rows: readonly T[], version: string | undefined): T {
  return rows.find((r) => version !== undefined && r.below !== undefined && isBelow(version, r.below)) ?? rows[rows.length - 1]!;
}

/** What one package in the build needs: the library package whose release decides, and that release. */
interface Need { pkg: InstalledPackage; library: string; spec: LibraryPackage; release: Release }

function needs(installed: InstalledPackage[]): Need[] {
  const out: Need[] = [];
  for (const pkg of installed) {
    const entry = PACKAGES[pkg.name];
    if (!entry || out.some((n) => n.library === ('uses' in entry ? entry.uses : pkg.name))) continue;
    const library = 'uses' in entry ? entry.uses : pkg.name;
    const spec = PACKAGES[library] as LibraryPackage;
    // A wrapper (faster-whisper) takes the library's newest release unless the build pins the library itself.
    const own = installed.find((p) => p.name === library);
    out.push({ pkg: own ?? pkg, library, spec, release: pick(spec.releases, own?.pinned) });
  }
  return out;
}

/** The CUDA major and cuDNN major of pip-installed torch's nvidia wheels, when torch is installed. */
function torchLibraries(installed: InstalledPackage[], dockerfileText: string): { cuda: string; cudnn: string; written: string } | undefined {
  const torch = installed.find((p) => p.name === 'torch');
  if (!torch) return undefined;
  const index = /download\.pytorch\.org\/whl\/cu(\d\d)/.exec(dockerfileText);
  return { cuda: index ? String(Number(index[1])) : data.torch.defaultCuda, cudnn: pick(data.torch.cudnn, torch.pinned).cudnn, written: torch.written };
}

export interface GpuLibraryPlan {
  dockerfile: Dockerfile;
  findings: Finding[];
}

const FAL_LAST = 'fal: runtime compatibility';

/**
 * The fal Dockerfile with the GPU library lines this build needs, placed before fal's own
 * last install (pydantic, protobuf, boto3 stay last), and a finding per library package.
 */
export function withGpuLibraries(ir: CogIR, dockerfile: Dockerfile): GpuLibraryPlan {
  const findings: Finding[] = [];
  if (!ir.build.gpu) return { dockerfile, findings };
  const installed = installedPackages(ir);
  const wanted = needs(installed);
  if (wanted.length === 0) return { dockerfile, findings };
  const base = dockerfile.instructions.find((i) => i.role === 'base-arg')?.args.replace(/^BASE_IMAGE=/, '') ?? '';
  if (base.startsWith('nvidia/cuda:') && base.includes('cudnn')) return { dockerfile, findings };
  const text = renderDockerfile(dockerfile);
  const torch = torchLibraries(installed, text);
  const added: Instruction[] = [];
  const folders = new Set<string>();
  for (const need of wanted) {
    const { pkg, library, spec, release } = need;
    const at = pkg.loc;
    const what = `${pkg.written}: ${spec.why} (${pkg.name === library && pkg.pinned ? 'this release needs' : 'its newest release needs'} cuDNN ${release.cudnn} for CUDA ${release.cuda})`;
    if (!base.startsWith('python:')) {
      findings.push(finding('CM453', `${what}; the base ${base} has no cuDNN: install it in the image (nvidia-cudnn-cu${release.cuda}) and put its lib folder on LD_LIBRARY_PATH`, at, { target: 'fal', severity: 'warning' }));
      continue;
    }
    const libs = spec.libraries;
    for (const l of libs) folders.add(data.wheels[l].folder);
    if (torch && torch.cuda === release.cuda && torch.cudnn === release.cudnn) {
      findings.push(finding('CM453', `${what}; ${torch.written} installs both as pip wheels, and the image puts their lib folders on the dynamic linker's path`, at, { target: 'fal' }));
      continue;
    }
    if (torch) {
      const fits = spec.releases.find((r) => r.cuda === torch.cuda && r.cudnn === torch.cudnn);
      const pin = fits?.last ? `; pin ${library}==${fits.last}, the last release for CUDA ${torch.cuda} with cuDNN ${torch.cudnn}` : '';
      findings.push(finding('CM453', `${what}, but ${torch.written} brings CUDA ${torch.cuda} with cuDNN ${torch.cudnn}, so the library it loads is not the one it was built for${pin}`, at, { target: 'fal', severity: 'warning' }));
      continue;
    }
    const wheels = libs.map((l) => data.wheels[l].package.replace('{cuda}', release.cuda).replace('{cudnn}', release.cudnn));
    added.push(instr('RUN', `pip install --no-cache-dir ${wheels.map(shellWord).join(' ')}`, `fal: ${library} GPU libraries`, 'target'));
    findings.push(finding('CM453', `${what}; the image installs ${wheels.join(' and ')} and puts their lib folders on the dynamic linker's path`, at, { target: 'fal' }));
  }
  if (folders.size === 0) return { dockerfile, findings };
  // The folders go to the dynamic linker's configuration, as Cog's own ldconfig step does for
  // Python extensions: the path is asked from the image's Python, so it holds wherever that
  // Python keeps site-packages (a fixed LD_LIBRARY_PATH would guess it).
  const lines = [...folders].map((f) => `"$site/${f}"`).join(' ');
  added.push(instr('#', ` fal: ${wanted.map((n) => n.library).join(', ')} ${wanted.length === 1 ? 'loads' : 'load'} these NVIDIA libraries from pip's wheels (CM453 in MIGRATION.md)`, 'fal: pip GPU library folders'));
  added.push(instr('RUN', `site="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" && \\\n    printf '%s\\n' ${lines} > /etc/ld.so.conf.d/fal-nvidia-wheels.conf && ldconfig`, 'fal: pip GPU library folders', 'target'));
  const instructions = [...dockerfile.instructions];
  const last = instructions.findIndex((i) => i.provenance === FAL_LAST);
  instructions.splice(last < 0 ? instructions.length : last, 0, ...added);
  return { dockerfile: { ...dockerfile, instructions }, findings };
}
