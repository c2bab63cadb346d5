// Every fixture project (fixtures/*/input, read with the real cog.yaml loader): the pruned
// Dockerfile per target is golden, and the CUDA-base decision is checked where it matters.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCog } from '../../src/frontends/cog/index.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';
import { expectGolden } from './golden.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const GOLDEN = join(import.meta.dirname, 'fixtures-pruned');
const TARGETS = ['cog', 'fal', 'modal', 'workers-ai'] as const;
const names = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'input', 'cog.yaml'))).sort() : [];

describe('pruned Dockerfile for every fixture', () => {
  it('finds fixtures', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, () => {
      const read = readCog(join(FIXTURES, name, 'input'));
      if (!read.ir) {
        // The loader rejected it (its own tests cover which findings): it must have said so.
        expect(read.findings.filter((f) => f.severity === 'error'), 'no IR and no error finding').not.toEqual([]);
        return;
      }
      for (const target of TARGETS) {
        const plan = dockerfileFor(read.ir, target);
        const text = renderDockerfile(plan.pruned);
        expectGolden(join(GOLDEN, name, `${target}.Dockerfile`), text);
        if (target !== 'cog') {
          expect(text).not.toContain('r8.im/');
          // Cloudflare runs linux/amd64 images only, so the workers-ai form says so on its FROM.
          expect(text).toMatch(target === 'workers-ai' ? /^ARG BASE_IMAGE=\S+\nFROM --platform=linux\/amd64 \$BASE_IMAGE\n/ : /^ARG BASE_IMAGE=\S+\nFROM \$BASE_IMAGE\n/);
          expect(text).not.toContain('--from=cog_build');
          // uv exists only where the pruned file installs it (CUDA bases)
          if (plan.baseImage?.startsWith('python:')) expect(text).not.toMatch(/\buv (pip|run)\b/);
        }
      }
    });
  }
});

describe('CUDA base decisions on fixtures', () => {
  const base = (name: string) => {
    const read = readCog(join(FIXTURES, name, 'input'));
    return dockerfileFor(read.ir!, 'fal').baseImage ?? '';
  };
  it.runIf(names.includes('build-run-compiles-cuda-flash-attn'))('a build.run that compiles CUDA keeps a devel base', () => {
    expect(base('build-run-compiles-cuda-flash-attn')).toMatch(/^nvidia\/cuda:.*-devel-ubuntu22\.04$/);
  });
  it.runIf(names.includes('gpu-torch-cuda-inferred'))('plain pip torch on GPU does not get an nvidia/cuda base', () => {
    expect(base('gpu-torch-cuda-inferred')).toMatch(/^python:3\.\d+-slim-bookworm$/);
  });
});
