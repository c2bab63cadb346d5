// CUDA/cuDNN completion and the tables behind it, as Cog v0.22.0 does it.
import { describe, expect, it } from 'vitest';
import { resolveCuda } from '../../src/dockerfile/cuda.js';
import { cogBaseImage, cudaFromTorchSuffix, cudasFromTorch, cudaImageFor, torchCpu, torchGpu } from '../../src/dockerfile/tables.js';
import { irFromCogYaml } from './helpers.js';

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
  it('an unpinned torch on GPU is an error, as in Cog (CM312)', () => {
    expect(resolve('build: {gpu: true, python_packages: [torch]}').findings.map((f) => f.code)).toEqual(['CM312']);
  });
  it('rejects CUDA 10 and malformed versions (CM311), and a cuDNN the CUDA lacks (CM314)', () => {
    expect(resolve('build: {gpu: true, cuda: "10.2"}').findings.map((f) => f.code)).toEqual(['CM311']);
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
});
