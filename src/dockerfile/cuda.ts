// CUDA and cuDNN as the pinned Cog release completes them for `gpu: true`: from build.cuda, else
// from the tensorflow or torch pin, else Cog's default; cuDNN is the newest one Cog has an
// nvidia/cuda image for with that CUDA.
// Where Cog refuses because it cannot infer CUDA from torch (CM312), the refusal is reported as a
// warning: pip's torch wheels carry their own CUDA, so only the `cog debug` form is affected, and
// it is rendered with build.cuda when given, else Cog's default CUDA.

import type { Build } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { cudaImageFor, cudasFromTorch, cudnnsForCuda, latestCuda, latestCudnnForCuda, RELEASE, tfFor } from './tables.js';
import { isLocalArtifact, packageName, packageVersion } from './requirements.js';
import { verEqualMinor } from './version.js';

export interface CudaResolution {
  /** '' when the build has no GPU and gives no cuda. */
  cuda: string;
  cudnn: string;
  /** `nvidia/cuda:<tag>` Cog would use, when gpu. */
  image?: string;
  /** Where the CUDA came from ('' for CPU builds without build.cuda). */
  source: CudaSource;
  findings: Finding[];
}

export type CudaSource = 'build.cuda' | 'tensorflow' | 'torch' | 'default' | '';

/** `CUDA 11.8 (Cog's default)` and the like, for messages. */
export function describeCuda(cuda: string, source: CudaSource): string {
  if (!cuda) return 'no CUDA';
  const from = source === 'default' ? " (Cog's default; cog.yaml sets none)" : source === 'torch' ? ' (from the torch pin)' : source === 'tensorflow' ? ' (from the tensorflow pin)' : '';
  return `CUDA ${cuda}${from}`;
}

const UNPINNED_TORCH_HINT =
  'Cog v0.22.0 needs a pinned torch (torch==X.Y.Z) on GPU builds, even when build.cuda is set; pin the version the model was built with to build it with Cog again. Other targets are converted as they are: pip\'s torch wheel brings its own CUDA.';
const UNKNOWN_TORCH_HINT =
  'Set build.cuda to the CUDA this torch was built for, or pin a torch release Cog has wheels for. Other targets are converted as they are: pip\'s torch wheel brings its own CUDA.';

/** Where the `torch` requirement is written (its requirement line), else the build section. */
function torchLoc(build: Build): Build['loc'] {
  return build.pythonRequirements.find((r) => !isLocalArtifact(r.raw.trim()) && packageName(r.raw.trim()) === 'torch')?.loc ?? build.loc;
}

function validCudaSpelling(cuda: string): string | undefined {
  const parts = cuda.split('.');
  if (parts.length < 2 || !/^\d+$/.test(parts[0]!) || !/^\d+$/.test(parts[1]!)) return `CUDA version "${cuda}" must include both major and minor versions`;
  return undefined;
}

/** True for a build.cuda Cog refuses as too old (CUDA 10.x and before for v0.22.0). */
export function isRefusedOldCuda(cuda: string | undefined): cuda is string {
  const major = Number(cuda?.split('.')[0]);
  return cuda !== undefined && Number.isInteger(major) && major < RELEASE.minimumMajorCuda;
}

export function resolveCuda(build: Build, requirementLines: readonly string[]): CudaResolution {
  const findings: Finding[] = [];
  let cuda = build.cuda ?? '';
  let cudnn = build.cudnn ?? '';
  let source: CudaSource = cuda ? 'build.cuda' : '';
  if (!build.gpu) return { cuda, cudnn, source, findings };
  const at = build.loc;
  const fallback = (): CudaResolution => {
    cuda = RELEASE.defaultCuda;
    cudnn = latestCudnnForCuda(cuda) ?? '8';
    return { cuda, cudnn, image: cudaImageFor(cuda, cudnn)?.Tag, source: 'default', findings };
  };
  // After a torch refusal: build.cuda (already validated, with its cuDNN) when it has an image.
  const userCudaOrDefault = (): CudaResolution => {
    if (!build.cuda) return fallback();
    const dnn = build.cudnn || latestCudnnForCuda(build.cuda);
    const image = dnn ? cudaImageFor(build.cuda, dnn) : undefined;
    return image ? { cuda: build.cuda, cudnn: dnn!, image: image.Tag, source: 'build.cuda', findings } : fallback();
  };

  if (cuda) {
    const bad = validCudaSpelling(cuda);
    if (bad) {
      findings.push(finding('CM311', bad, at));
      return fallback();
    }
    if (isRefusedOldCuda(cuda)) {
      // Reported, not fatal: only Cog itself needs this CUDA; the targets choose theirs by need.
      const asked = cuda;
      const res = fallback();
      findings.push(finding('CM345', `build.cuda ${asked}: Cog ${RELEASE.release} refuses to build this ("minimum supported CUDA version is ${RELEASE.minimumMajorCuda}, requested \"${asked}\""); the \`cog debug\` form shown uses Cog's default CUDA ${res.cuda} instead`, at));
      return res;
    }
  }
  if (cuda && cudnn && !cudnnsForCuda(cuda).includes(cudnn)) {
    findings.push(finding('CM314', `CUDA ${cuda} is not compatible with cuDNN ${cudnn}; compatible: ${cudnnsForCuda(cuda).join(',')}`, at));
    return fallback();
  }

  const torch = packageVersion(requirementLines, 'torch');
  const tf = packageVersion(requirementLines, 'tensorflow');
  if (torch.found && torch.version === '') {
    const refusal = 'torch is not pinned: Cog v0.22.0 refuses to build this ("torch version must be specified when using CUDA")';
    if (!tf.found) {
      const res = userCudaOrDefault();
      findings.push(finding('CM312', `${refusal}; the \`cog debug\` form shown uses ${describeCuda(res.cuda, res.source)}`, torchLoc(build), { hint: UNPINNED_TORCH_HINT }));
      return res;
    }
    findings.push(finding('CM312', `${refusal}; the \`cog debug\` form shown takes CUDA from the tensorflow pin`, torchLoc(build), { hint: UNPINNED_TORCH_HINT }));
  }
  if (tf.found) {
    const row = tfFor(tf.version);
    if (!cuda) {
      if (!row) {
        // An error still: tensorflow loads the system CUDA, so a guessed CUDA would break the targets too.
        findings.push(finding('CM312', `Cog doesn't know what CUDA version is compatible with tensorflow==${tf.version}`, at, { severity: 'error', hint: 'Set build.cuda (and build.cudnn) to what this tensorflow release was built for.' }));
        return fallback();
      }
      cuda = row.CUDA;
      source = 'tensorflow';
    } else if (!row || verEqualMinor(row.CUDA, cuda)) {
      // Cog's condition here is inverted (it warns when the versions agree); reproduced as-is.
      findings.push(finding('CM313', `Cog doesn't know if CUDA ${cuda} is compatible with Tensorflow ${tf.version}${row ? `; try ${row.CUDA}` : ''}`, at));
    }
    if (!cudnn && row) cudnn = row.CuDNN;
    else if (!cudnn) cudnn = latestCudnnForCuda(cuda) ?? '';
    else if (row && row.CuDNN !== cudnn) {
      findings.push(finding('CM314', `cuDNN ${cudnn} is not compatible with tensorflow==${tf.version}; compatible: ${row.CuDNN}`, at));
      return fallback();
    }
  } else if (torch.found) {
    const cudas = cudasFromTorch(torch.version);
    if (!cuda) {
      const latest = latestCuda(cudas);
      if (!latest) {
        const res = fallback();
        findings.push(finding('CM312',
          `Cog v0.22.0 doesn't know what CUDA version is compatible with torch==${torch.version} and refuses to build this; the \`cog debug\` form shown uses ${describeCuda(res.cuda, res.source)}`,
          torchLoc(build), { hint: UNKNOWN_TORCH_HINT }));
        return res;
      }
      cuda = latest;
      source = 'torch';
    } else if (!cudas.some((c) => verEqualMinor(c, cuda))) {
      findings.push(finding('CM313', `Cog doesn't know if CUDA ${cuda} is compatible with PyTorch ${torch.version}${cudas.length ? `; try ${cudas[cudas.length - 1]}` : ''}`, at));
    }
    if (!cudnn) cudnn = latestCudnnForCuda(cuda) ?? '';
  } else {
    if (!cuda) {
      cuda = RELEASE.defaultCuda;
      source = 'default';
    }
    if (!cudnn) cudnn = latestCudnnForCuda(cuda) ?? '';
  }
  if (!cudnn) {
    findings.push(finding('CM311', `CUDA ${cuda} is not supported by Cog`, at));
    return fallback();
  }
  const image = cudaImageFor(cuda, cudnn);
  if (!image) {
    findings.push(finding('CM311', `no matching base image for CUDA ${cuda} and cuDNN ${cudnn}`, at));
    return fallback();
  }
  return { cuda, cudnn, image: image.Tag, source, findings };
}
