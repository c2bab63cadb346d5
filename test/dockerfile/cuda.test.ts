// CUDA/cuDNN completion and the tables behind it, as Cog v0.22.0 does it.
import { describe, expect, it } from 'vitest';
import { resolveCuda } from '../../src/dockerfile/cuda.js';
import { cogBaseImage, cudaFromTorchSuffix, cudasFromTorch, cudaImageFor, torchCpu, torchGpu } from '../../src/dockerfile/tables.js';
import { irFromCogYaml } from './helpers.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';

const resolve = (yaml: string) => {
  const ir = irFromCogYaml(yaml);
  return resolveCuda(ir.build, ir.build.pythonRequirements.map((r) => r.raw));
};

describe('resolveCuda', () => {
  it('defaults to CUDA 11.8 / cuDNN 8 with no framework pin', () => {
    expect(resolve('build: {gpu: true, python_version: "3.12"}')).toMatchObject({ cuda: '11.8', cudnn: '8', image: '11.8.0-cudnn8-devel-ubuntu22.04' });
  });
  it('takes the newest CUDA torch has wheels for', () => {
    expect(resolve('build: {gpu: true, python_packages: [torch==2.3.1]}')).toMatchObject({ cuda: '12.1', cudnn: '8' });
  });
  it('a +cuXYZ suffix selects that CUDA', () => {
    expect(resolve('build: {gpu: true, python_packages: [torch==2.3.1+cu118]}')).toMatchObject({ cuda: '11.8' });
  });
  it('tensorflow decides CUDA and cuDNN from its row', () => {
    expect(resolve('build: {gpu: true, python_packages: [tensorflow==2.11.0]}')).toMatchObject({ cuda: '11.2', cudnn: '8' });
  });
  it('an unpinned torch on GPU is reported, as Cog refuses it (CM312)', () => {
    expect(resolve('build: {gpu: true, python_packages: [torch]}').findings.map((f) => f.code)).toEqual(['CM312']);
  });
  it('reports CUDA 10 as Cog\'s refusal (CM345), rejects malformed versions (CM311) and a cuDNN the CUDA lacks (CM314)', () => {
    expect(resolve('build: {gpu: true, cuda: "10.2"}').findings.map((f) => f.code)).toEqual(['CM345']);
    expect(resolve('build: {gpu: true, cuda: "12"}').findings.map((f) => f.code)).toEqual(['CM311']);
    expect(resolve('build: {gpu: true, cuda: "11.8", cudnn: "9"}').findings.map((f) => f.code)).toEqual(['CM314']);
  });
  it('warns when build.cuda is not one torch has wheels for (CM313)', () => {
    expect(resolve('build: {gpu: true, cuda: "11.7", python_packages: [torch==2.3.1]}').findings.map((f) => f.code)).toEqual(['CM313']);
  });
  it('leaves CPU builds alone', () => {
    expect(resolve('build: {gpu: false, python_packages: [torch==2.3.1]}')).toMatchObject({ cuda: '', cudnn: '' });
  });
});

describe('tables', () => {
  it('parses +cu suffixes', () => {
    expect(cudaFromTorchSuffix('2.3.1+cu121')).toEqual({ cuda: '12.1', version: '2.3.1' });
    expect(cudaFromTorchSuffix('2.3.1+cpu')).toEqual({ version: '2.3.1+cpu' });
  });
  it('lists CUDAs for a torch version, sorted', () => {
    expect(cudasFromTorch('2.0.1')).toEqual(['11.7', '11.8']);
  });
  it('picks the newest CUDA patch and Ubuntu for an nvidia tag', () => {
    expect(cudaImageFor('12.1', '8')?.Tag).toBe('12.1.1-cudnn8-devel-ubuntu22.04');
  });
  it('rewrites torch to the right wheel index', () => {
    expect(torchCpu('2.3.0')).toEqual({ version: '2.3.0', findLinks: '', extraIndexUrl: 'https://download.pytorch.org/whl/cpu/' });
    expect(torchGpu('2.3', '11.8')).toMatchObject({ version: '2.3.1', extraIndexUrl: 'https://download.pytorch.org/whl/cu118/' });
  });
  it('names cog-base tags like Cog, dropping a torch it has no image for', () => {
    expect(cogBaseImage('11.8', '3.11', '2.3')).toBe('r8.im/cog-base:cuda11.8-python3.11-torch2.3.1');
    expect(cogBaseImage('11.8', '3.12', '2.0.1')).toBe('r8.im/cog-base:cuda11.8-python3.12');
    expect(cogBaseImage('', '3.8', '')).toBeUndefined();
  });
  // Issue 9: the published list (data/cog-base-images.json) decides, not a re-derivation.
  it('has no cog-base for CUDA 11.6, and no torch suffix for torch 1.13.1 (Cog publishes neither)', () => {
    expect(cogBaseImage('11.6', '3.10', '')).toBeUndefined();
    expect(cogBaseImage('11.6', '3.10', '1.13.1')).toBeUndefined();
    expect(cogBaseImage('11.7', '3.10', '1.13.1')).toBe('r8.im/cog-base:cuda11.7-python3.10');
    expect(cogBaseImage('11.7', '3.10', '2.0.1')).toBe('r8.im/cog-base:cuda11.7-python3.10-torch2.0.1');
  });
});

// QA on real projects (cog-face-to-many, cog-stickers, cog-yue, MARS5-TTS, rudalle-sr, ...): Cog
// v0.22.0 refuses these, but only the `cog debug` form needs Cog's CUDA inference.
describe('P3/P4: CM312 for an unpinned or unknown torch does not block conversion', () => {
  it('an unpinned torch is a warning, at the torch requirement line, whose hint asks for a pinned torch', () => {
    const [f] = resolve('build: {gpu: true, cuda: "12.1", python_packages: [numpy, torch, torchvision]}').findings;
    expect(f).toMatchObject({ code: 'CM312', severity: 'warning', file: 'cog.yaml', line: 11 });
    expect(f!.hint).toMatch(/pinned torch/);
    expect(f!.hint).not.toMatch(/or set build\.cuda/);
  });
  it('honours an explicit build.cuda when torch is unpinned (cog-yue sets 12.1)', () => {
    const r = resolve('build: {gpu: true, cuda: "12.1", python_packages: [torch]}');
    expect(r).toMatchObject({ cuda: '12.1', image: '12.1.1-cudnn8-devel-ubuntu22.04', source: 'build.cuda' });
    expect(r.findings[0]!.message).toContain('CUDA 12.1');
    expect(r.findings[0]!.message).not.toContain('11.8');
  });
  it("says Cog's default CUDA when cog.yaml gives none", () => {
    const r = resolve('build: {gpu: true, python_packages: [torch]}');
    expect(r).toMatchObject({ cuda: '11.8', source: 'default' });
    expect(r.findings[0]!.message).toContain("CUDA 11.8 (Cog's default; cog.yaml sets none)");
  });
  it('a torch pin Cog has no CUDA for (rudalle-sr: torch==1.7.1, no cuda) is a warning at the torch line', () => {
    const r = resolve('build: {gpu: true, python_packages: [torch==1.7.1]}');
    expect(r.findings).toEqual([expect.objectContaining({ code: 'CM312', severity: 'warning', line: 10 })]);
    expect(r.findings[0]!.message).toContain("Cog's default");
  });
  it('an unknown tensorflow pin stays an error (tensorflow loads the system CUDA)', () => {
    expect(resolve('build: {gpu: true, python_packages: [tensorflow==1.0.0]}').findings).toEqual([expect.objectContaining({ code: 'CM312', severity: 'error' })]);
  });
});

// Issue 9: Cog v0.22 refuses CUDA 10.x; a migration must not.
describe('a CUDA older than Cog accepts (cuda: "10.2")', () => {
  const yaml = (run = '') => `build:\n  gpu: true\n  cuda: "10.2"\n  python_version: "3.10"\n  python_packages:\n    - "torch==1.13.1"\n${run}`;
  it('is Cog\'s refusal as a warning in the cog debug form (CM345), shown with Cog\'s default CUDA', () => {
    const plan = dockerfileFor(irFromCogYaml(yaml()), 'fal');
    const cm345 = plan.findings.filter((f) => f.code === 'CM345');
    expect(cm345.map((f) => f.severity)).toEqual(['warning']);
    expect(renderDockerfile(plan.cogDebug)).toMatch(/^FROM (r8\.im\/cog-base:cuda11\.8-|nvidia\/cuda:11\.8\.)/m);
    expect(plan.findings.some((f) => f.severity === 'error')).toBe(false);
  });
  it('is an error in the --for cog form', () => {
    expect(dockerfileFor(irFromCogYaml(yaml()), 'cog').findings.filter((f) => f.code === 'CM345').map((f) => f.severity)).toEqual(['error']);
  });
  it('gives the targets the base the build needs and says what changed (CM346)', () => {
    const none = dockerfileFor(irFromCogYaml(yaml()), 'modal');
    expect(none.findings.find((f) => f.code === 'CM346')?.message).toMatch(/python:3\.10-slim-bookworm with no system CUDA/);
    const devel = dockerfileFor(irFromCogYaml(yaml('  run:\n    - "nvcc --version"\n')), 'modal');
    expect(devel.findings.find((f) => f.code === 'CM346')?.message).toMatch(/needs system CUDA, so the base is nvidia\/cuda:11\.8/);
  });
});
