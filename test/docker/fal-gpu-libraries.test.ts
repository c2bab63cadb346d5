// Issue 16, on the real engine: the lines the fal target adds for packages that dlopen cuBLAS/cuDNN
// from pip's nvidia wheels (targets/fal/gpu-libraries.ts) really put those wheels' lib folders on
// the dynamic linker's path of the slim image, wherever its Python keeps site-packages. The wheels
// are stood in for by a shared library copied into their folders (no GPU, no download here).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerfileFor, renderInstruction } from '../../src/dockerfile/index.js';
import { withGpuLibraries } from '../../targets/fal/gpu-libraries.js';
import { cogIR, loc, predictor } from '../targets/fal/ir-builders.js';

const BASE = 'python:3.11-slim-bookworm';
const TAG = 'cog-migrate-test/fal-gpu-libraries:1';
const dir = mkdtempSync(join(tmpdir(), 'cm-fal-gpu-libs-'));

afterAll(() => {
  try { execFileSync('docker', ['image', 'rm', '-f', TAG], { stdio: 'ignore' }); } catch { /* not built */ }
  rmSync(dir, { recursive: true, force: true });
});

describe('fal image: pip nvidia library folders on the linker path', () => {
  it('ldconfig finds a library in nvidia/cudnn/lib and nvidia/cublas/lib after the added lines', () => {
    const ir = cogIR({ gpu: true, predict: predictor() });
    ir.build.pythonVersion = '3.11';
    ir.build.pythonRequirements = [
      { raw: 'torch==2.4.1', kind: 'package', name: 'torch', specifier: '==2.4.1', loc: loc('requirements.txt', 1) },
      { raw: 'ctranslate2==4.5.0', kind: 'package', name: 'ctranslate2', specifier: '==4.5.0', loc: loc('requirements.txt', 2) },
    ];
    const added = withGpuLibraries(ir, dockerfileFor(ir, 'fal').pruned).dockerfile.instructions.filter((i) => i.provenance === 'fal: pip GPU library folders');
    expect(added.map((i) => i.keyword)).toEqual(['#', 'RUN']);
    const fakeWheels = 'site="$(python3 -c \'import sysconfig; print(sysconfig.get_paths()["purelib"])\')" && '
      + 'for lib in cudnn cublas; do mkdir -p "$site/nvidia/$lib/lib" && cp /usr/lib/x86_64-linux-gnu/libz.so.1 "$site/nvidia/$lib/lib/"; done && '
      + 'ldconfig';
    const check = 'ldconfig -p | grep -q "/nvidia/cudnn/lib/libz.so.1" || { ldconfig -p | grep libz; exit 1; }';
    writeFileSync(join(dir, 'Dockerfile'), [`FROM ${BASE}`, `RUN ${fakeWheels}`, ...added.map(renderInstruction), `RUN ${check}`, ''].join('\n'));
    execFileSync('docker', ['build', '--pull=false', '--network', 'host', '-q', '-t', TAG, dir], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    const listed = execFileSync('docker', ['run', '--rm', '--network', 'host', TAG, 'cat', '/etc/ld.so.conf.d/fal-nvidia-wheels.conf'], { encoding: 'utf8' });
    expect(listed.trim().split('\n').map((l) => l.replace(/^.*\/(nvidia\/)/, '$1'))).toEqual(['nvidia/cublas/lib', 'nvidia/cudnn/lib']);
  });
});
