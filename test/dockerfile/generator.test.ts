// `cog debug` generation details the cog-cases and the oracle do not state as assertions.
import { describe, expect, it } from 'vitest';
import { generateCogDebug, renderDockerfile } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';

describe('P3/P4: cog debug form for an unpinned torch', () => {
  it('uses the explicit build.cuda (cog-yue: 12.1), not the default 11.8', () => {
    const gen = generateCogDebug(irFromCogYaml('build: {gpu: true, cuda: "12.1", python_version: "3.11", python_packages: [torch]}'), { useCogBaseImage: false });
    expect(renderDockerfile(gen.dockerfile)).toMatch(/^FROM nvidia\/cuda:12\.1\.1-cudnn8-devel-ubuntu22\.04$/m);
    expect(gen.cuda).toBe('12.1');
    expect(gen.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('P3: CM315 only when there is something to say', () => {
  it('is not reported when Cog silently falls back to its public base (cog-clip: CUDA 11.3, Python 3.8)', () => {
    const gen = generateCogDebug(irFromCogYaml('build: {gpu: true, cuda: "11.3", python_version: "3.8", python_packages: [numpy==1.21.0]}'));
    expect(gen.usesCogBase).toBe(false);
    expect(gen.findings.map((f) => f.code)).not.toContain('CM315');
    // The fact stays in the FROM line's provenance, for --explain and MIGRATION.md.
    expect(gen.dockerfile.instructions.find((i) => i.role === 'from')!.provenance).toContain('no r8.im/cog-base image for CUDA 11.3');
  });
  it("names Cog's default CUDA as the default, not as if cog.yaml set it", () => {
    const gen = generateCogDebug(irFromCogYaml('build: {gpu: true, python_version: "3.8"}'), { useCogBaseImage: true });
    const f = gen.findings.find((x) => x.code === 'CM315');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain("CUDA 11.8 (Cog's default; cog.yaml sets none)");
    expect(f!.message).toContain('no torch pin');
  });
});
