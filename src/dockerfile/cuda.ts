// CUDA and cuDNN as the pinned Cog release completes them for `gpu: true`: from build.cuda, else
// from the tensorflow or torch pin, else Cog's default; cuDNN is the newest one Cog has an
// nvidia/cuda image for with that CUDA.

import type { Build } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { cudaImageFor, cudasFromTorch, cudnnsForCuda, latestCuda, latestCudnnForCuda, RELEASE, tfFor } from './tables.js';
import { packageVersion } from './requirements.js';
import { verEqualMinor } from './version.js';

export interface CudaResolution {
  /** '' when the build has no GPU and gives no cuda. */
  cuda: string;
  cudnn: string;
  /** `nvidia/cuda:<tag>` Cog would use, when gpu. */
  image?: string;
  findings: Finding[];
}

function validCudaSpelling(cuda: string): string | undefined {
  const parts = cuda.split('.');
  if (parts.length < 2 || !/^\d+$/.test(parts[0]!) || !/^\d+$/.test(parts[1]!)) return `CUDA version "${cuda}" must include both major and minor versions`;
  if (Number(parts[0]) < RELEASE.minimumMajorCuda) return `minimum supported CUDA version is ${RELEASE.minimumMajorCuda}, requested "${cuda}"`;
  return undefined;
}

export function resolveCuda(build: Build, requirementLines: readonly string[]): CudaResolution {
  const findings: Finding[] = [];
  let cuda = build.cuda ?? '';
  let cudnn = build.cudnn ?? '';
  if (!build.gpu) return { cuda, cudnn, findings };
  const at = build.loc;
  const fallback = (): CudaResolution => {
    cuda = RELEASE.defaultCuda;
    cudnn = latestCudnnForCuda(cuda) ?? '8';
    return { cuda, cudnn, image: cudaImageFor(cuda, cudnn)?.Tag, findings };
  };

  if (cuda) {
    const bad = validCudaSpelling(cuda);
    if (bad) {
      findings.push(finding('CM311', bad, at));
      return fallback();
    }
  }
  if (cuda && cudnn && !cudnnsForCuda(cuda).includes(cudnn)) {
    findings.push(finding('CM314', `CUDA ${cuda} is not compatible with cuDNN ${cudnn}; compatible: ${cudnnsForCuda(cuda).join(',')}`, at));
    return fallback();
  }

  const torch = packageVersion(requirementLines, 'torch');
  const tf = packageVersion(requirementLines, 'tensorflow');
  if (build.gpu && torch.found && torch.version === '') {
    findings.push(finding('CM312', 'torch version must be specified when using CUDA', at));
    return fallback();
  }
  if (tf.found) {
    const row = tfFor(tf.version);
    if (!cuda) {
      if (!row) {
        findings.push(finding('CM312', `Cog doesn't know what CUDA version is compatible with tensorflow==${tf.version}`, at));
        return fallback();
      }
      cuda = row.CUDA;
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
        findings.push(finding('CM312', `Cog doesn't know what CUDA version is compatible with torch==${torch.version}`, at));
        return fallback();
      }
      cuda = latest;
    } else if (!cudas.some((c) => verEqualMinor(c, cuda))) {
      findings.push(finding('CM313', `Cog doesn't know if CUDA ${cuda} is compatible with PyTorch ${torch.version}${cudas.length ? `; try ${cudas[cudas.length - 1]}` : ''}`, at));
    }
    if (!cudnn) cudnn = latestCudnnForCuda(cuda) ?? '';
  } else {
    if (!cuda) cuda = RELEASE.defaultCuda;
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
  return { cuda, cudnn, image: image.Tag, findings };
}
