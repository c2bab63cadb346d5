import { describe, expect, it } from 'vitest';
import { planBases, splitRef } from '../../../src/verify/build/bases.js';

const have = (...refs: string[]) => async (ref: string) => refs.includes(ref);

describe('planBases', () => {
  it('changes nothing when every base is local', async () => {
    const plan = await planBases('FROM python:3.11-slim\n', have('python:3.11-slim'));
    expect(plan).toMatchObject({ ok: true, aliases: [], substitutions: [], findings: [], buildArgs: {} });
  });

  it('substitutes a missing ARG-named base through the build argument, with CM511', async () => {
    const plan = await planBases('ARG BASE_IMAGE=nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04\nFROM ${BASE_IMAGE}\n', have('python:3.11-slim'));
    expect(plan.ok).toBe(true);
    expect(plan.buildArgs).toEqual({ BASE_IMAGE: 'python:3.11-slim' });
    expect(plan.aliases).toEqual([]);
    expect(plan.findings.map((f) => [f.code, f.line])).toEqual([['CM511', 2]]);
    expect(plan.findings[0]?.message).toContain('nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04');
  });

  it('substitutes a literal missing base through an alias tag', async () => {
    const plan = await planBases('FROM r8.im/cog-base:cuda12\nFROM r8.im/cog-base:cuda12\n', have('python:3.11-slim'));
    expect(plan.aliases).toEqual(['r8.im/cog-base:cuda12']);
    expect(plan.substitutions.map((s) => s.via)).toEqual(['alias', 'alias']);
  });

  it('refuses to build when the substitute is missing too (CM512), never leaving it to a pull', async () => {
    const plan = await planBases('FROM nvidia/cuda:12\n', have());
    expect(plan.ok).toBe(false);
    expect(plan.findings.map((f) => f.code)).toEqual(['CM512']);
  });

  it('refuses a FROM whose variable has no value', async () => {
    const plan = await planBases('ARG IMG\nFROM ${IMG}\n', have('python:3.11-slim'));
    expect(plan.ok).toBe(false);
    expect(plan.findings[0]?.code).toBe('CM512');
  });

  it('honours a user build argument before checking', async () => {
    const plan = await planBases('ARG BASE_IMAGE=gone:1\nFROM ${BASE_IMAGE}\n', have('mine:2'), { buildArgs: { BASE_IMAGE: 'mine:2' } });
    expect(plan.findings).toEqual([]);
  });
});

describe('splitRef', () => {
  it('does not take a registry port for a tag', () => {
    expect(splitRef('localhost:5000/a/b')).toEqual({ repo: 'localhost:5000/a/b', tag: 'latest' });
    expect(splitRef('nvidia/cuda:12.1.1-devel')).toEqual({ repo: 'nvidia/cuda', tag: '12.1.1-devel' });
  });
});
