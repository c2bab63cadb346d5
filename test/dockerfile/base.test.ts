// P2: the pruned slim base is pinned to Debian bookworm (python:X-slim is trixie today, which
// dropped libgl1-mesa-glx and other packages Cog-era projects install).
import { describe, expect, it } from 'vitest';
import { slimImage } from '../../src/dockerfile/base.js';

describe('P2: slim bases pinned to Debian bookworm', () => {
  it('pins major.minor tags', () => {
    for (const v of ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13']) expect(slimImage(v)).toBe(`python:${v}-slim-bookworm`);
  });
  it('pins patch tags that have a bookworm variant', () => {
    expect(slimImage('3.11.9')).toBe('python:3.11.9-slim-bookworm');
    expect(slimImage('3.12.0')).toBe('python:3.12.0-slim-bookworm');
  });
  it('keeps -slim where the tag never moved to trixie (older patches, Python < 3.8)', () => {
    expect(slimImage('3.10.6')).toBe('python:3.10.6-slim');
    expect(slimImage('3.7')).toBe('python:3.7-slim');
  });
});
