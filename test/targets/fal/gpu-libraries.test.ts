// Issue 16: packages that dlopen cuBLAS/cuDNN from outside their wheel (ctranslate2 and what uses
// it) get pip's nvidia/*/lib folders on the dynamic linker's path in the fal image (CM453), the
// nvidia-* wheels when torch does not bring matching ones, and a warning with the fitting pin when
// torch's cuDNN is another major.

import { describe, expect, it } from 'vitest';
import { dockerfileFor, renderDockerfile } from '../../../src/dockerfile/index.js';
import type { CogIR } from '../../../src/ir/types.js';
import { withGpuLibraries } from '../../../targets/fal/gpu-libraries.js';
import { cogIR, loc, predictor } from './ir-builders.js';

function irWith(lines: string[], gpu = true): CogIR {
  const ir = cogIR({ gpu, predict: predictor() });
  ir.build.pythonVersion = '3.11';
  ir.build.pythonRequirements = lines.map((raw, n) => {
    const m = /^([A-Za-z0-9_.-]+)(.*)$/.exec(raw)!;
    return { raw, kind: 'package' as const, name: m[1]!, ...(m[2] ? { specifier: m[2] } : {}), loc: loc('requirements.txt', n + 1) };
  });
  ir.build.requirementsSource = 'python_requirements';
  ir.build.requirementsFile = 'requirements.txt';
  return ir;
}

function plan(ir: CogIR) {
  const result = withGpuLibraries(ir, dockerfileFor(ir, 'fal').pruned);
  return { text: renderDockerfile(result.dockerfile), findings: result.findings };
}

describe('GPU libraries loaded from outside a wheel (fal image)', () => {
  it('leaves a build without such packages, and a CPU build, unchanged', () => {
    for (const ir of [irWith(['torch==2.4.1', 'numpy==1.26.4']), irWith(['ctranslate2==4.5.0'], false)]) {
      const pruned = dockerfileFor(ir, 'fal').pruned;
      const result = withGpuLibraries(ir, pruned);
      expect(result.dockerfile).toBe(pruned);
      expect(result.findings).toEqual([]);
    }
  });

  it("uses torch's own cuBLAS/cuDNN 9 wheels when they fit: the linker path only, nothing installed", () => {
    const { text, findings } = plan(irWith(['torch==2.4.1', 'ctranslate2==4.5.0']));
    expect(text).toContain('"$site/nvidia/cublas/lib" "$site/nvidia/cudnn/lib" > /etc/ld.so.conf.d/fal-nvidia-wheels.conf && ldconfig');
    expect(text).not.toContain('nvidia-cudnn-cu12');
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['CM453', 'info', 2]]);
    expect(findings[0]!.message).toContain('torch==2.4.1 installs both as pip wheels');
  });

  it('installs the nvidia wheels of the release without torch, before fal\'s own last install', () => {
    const { text, findings } = plan(irWith(['ctranslate2==4.5.0']));
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain("RUN pip install --no-cache-dir nvidia-cublas-cu12 'nvidia-cudnn-cu12==9.*'");
    expect(lines[lines.length - 1]).toBe("RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3");
    expect(text.indexOf('nvidia-cudnn-cu12')).toBeLessThan(text.indexOf('ldconfig'));
    expect(findings[0]!.message).toContain('the image installs nvidia-cublas-cu12 and nvidia-cudnn-cu12==9.*');
  });

  it('takes the cuDNN 8 wheels for ctranslate2 4.4 and CUDA 11 ones for 3.x', () => {
    expect(plan(irWith(['ctranslate2==4.4.0'])).text).toContain("'nvidia-cudnn-cu12==8.*'");
    expect(plan(irWith(['ctranslate2==3.24.0'])).text).toContain("nvidia-cublas-cu11 'nvidia-cudnn-cu11==8.*'");
  });

  it('warns when torch brings another cuDNN, naming the ctranslate2 release that fits it', () => {
    const { findings } = plan(irWith(['torch==2.1.0', 'ctranslate2==4.5.0']));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['CM453', 'warning']]);
    expect(findings[0]!.message).toContain('brings CUDA 12 with cuDNN 8');
    expect(findings[0]!.message).toContain('pin ctranslate2==4.4.0');
  });

  it('reads a wrapper (faster-whisper) as the newest ctranslate2 unless ctranslate2 is pinned too', () => {
    const alone = plan(irWith(['faster-whisper==1.1.0']));
    expect(alone.findings).toHaveLength(1);
    expect(alone.findings[0]!.message).toMatch(/^faster-whisper==1\.1\.0: .*its newest release needs cuDNN 9 for CUDA 12/);
    const pinned = plan(irWith(['faster-whisper==1.1.0', 'ctranslate2==4.4.0']));
    expect(pinned.findings).toHaveLength(1);
    expect(pinned.findings[0]!.message).toMatch(/^ctranslate2==4\.4\.0: .*this release needs cuDNN 8/);
  });

  it('knows a package installed from a bare git URL by its repository name (whisperX on torch 2.0: CUDA 11)', () => {
    const ir = irWith(['torch==2.0.1']);
    const url = 'git+https://github.com/m-bain/whisperX.git@befe2b2';
    ir.build.pythonRequirements.push({ raw: url, kind: 'url', url, loc: loc('requirements.txt', 2) });
    ir.build.cuda = '11.8';
    const { findings } = plan(ir);
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['CM453', 'warning', 2]]);
    expect(findings[0]!.message).toContain('pin ctranslate2==3.24.0, the last release for CUDA 11 with cuDNN 8');
  });

  it('reads packages installed by build.run steps too', () => {
    const ir = irWith(['torch==2.4.1']);
    ir.build.run = [{ command: 'pip install --no-cache-dir faster-whisper', mounts: [], loc: loc('cog.yaml', 9) }];
    const { findings } = plan(ir);
    expect(findings.map((f) => [f.code, f.file, f.line])).toEqual([['CM453', 'cog.yaml', 9]]);
  });

  it('changes nothing where the base already has cuDNN (onnxruntime-gpu makes it a CUDA runtime base)', () => {
    const ir = irWith(['onnxruntime-gpu==1.19.2', 'ctranslate2==4.5.0']);
    const pruned = dockerfileFor(ir, 'fal').pruned;
    expect(renderDockerfile(pruned)).toMatch(/BASE_IMAGE=nvidia\/cuda:\S*cudnn/);
    expect(withGpuLibraries(ir, pruned).dockerfile).toBe(pruned);
  });
});
