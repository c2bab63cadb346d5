import { describe, expect, it } from 'vitest';
import { legacyCogDebug, REQS } from '../../../src/verify/build/legacy-form.js';

const COG_DEBUG = [
  '#syntax=docker/dockerfile:1.4',
  'FROM r8.im/cog-base:python3.11',
  'COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/',
  'COPY --from=cog_build requirements.txt /tmp/requirements.txt',
  'RUN --mount=type=cache,target=/root/.cache/pip uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt',
  'COPY --from=some.registry/img:1 /x /x',
  'COPY . /src',
  '',
].join('\n');

describe('legacyCogDebug', () => {
  it('rewrites the BuildKit-only and registry lines and keeps the rest in order', () => {
    const { text, notes } = legacyCogDebug(COG_DEBUG);
    expect(text.split('\n').filter(Boolean)).toEqual([
      'FROM r8.im/cog-base:python3.11',
      'RUN pip install --no-cache-dir uv==0.9.26',
      `COPY ${REQS} /tmp/requirements.txt`,
      'RUN uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt',
      'COPY . /src',
    ]);
    expect(notes).toHaveLength(4);
    expect(notes.join('\n')).toContain('some.registry/img:1');
  });

  it('leaves a Dockerfile without such lines unchanged', () => {
    expect(legacyCogDebug('FROM python:3.11-slim\nRUN pip install x\n')).toEqual({ text: 'FROM python:3.11-slim\nRUN pip install x\n', notes: [] });
  });
});
