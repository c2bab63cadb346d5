// build.system_packages entries read apart (issue 9): package names and apt-get options pass,
// shell syntax does not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aptPackageNames, readAptEntry } from '../../src/dockerfile/apt-entries.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';

describe('readAptEntry', () => {
  it('reads a plain package', () => {
    expect(readAptEntry('ffmpeg')).toEqual({ ok: true, packages: ['ffmpeg'], options: [] });
  });
  it('reads a package and an apt option apart', () => {
    expect(readAptEntry('fluidsynth --fix-missing')).toEqual({ ok: true, packages: ['fluidsynth'], options: ['--fix-missing'] });
    expect(readAptEntry('-t bookworm-backports cmake')).toEqual({ ok: true, packages: ['cmake'], options: ['-t bookworm-backports'] });
    expect(readAptEntry('libgl1 libglib2.0-0=2.72.4-0ubuntu2')).toEqual({ ok: true, packages: ['libgl1', 'libglib2.0-0=2.72.4-0ubuntu2'], options: [] });
  });
  it('refuses shell syntax, unknown options and options without a package', () => {
    for (const bad of ['curl; rm -rf /', 'git && curl x', 'a | b', '$(id)', '`id`', 'x > /etc/passwd', "x -o 'a b'", '--frobnicate x', '--fix-missing', '-t', '']) {
      expect(readAptEntry(bad).ok, bad).toBe(false);
    }
  });
  it('never throws; what it accepts has no shell metacharacters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const read = readAptEntry(s);
      if (read.ok) expect(s).not.toMatch(/[;&|$`<>'"\\(){}*?!#]/);
    }), { numRuns: 3000 });
  });
  it('gives the package names for rules keyed on a name', () => {
    expect(aptPackageNames(['fluidsynth --fix-missing', 'curl; x', 'libgl1 libsm6'])).toEqual(['fluidsynth', 'libgl1', 'libsm6']);
  });
});

describe('system_packages with apt options in the Dockerfile', () => {
  const ir = irFromCogYaml('build:\n  python_version: "3.11"\n  system_packages:\n    - "fluidsynth --fix-missing"\n    - "curl && id"\n');
  it('keeps the entry as written, as Cog does, warns CM344 and refuses shell syntax (CM301)', () => {
    const plan = dockerfileFor(ir, 'fal');
    expect(renderDockerfile(plan.cogDebug)).toMatch(/apt-get install -qqy fluidsynth --fix-missing && rm/);
    expect(renderDockerfile(plan.pruned)).toMatch(/apt-get install -qqy fluidsynth --fix-missing && rm/);
    expect(plan.findings.map((f) => f.code).filter((c) => c === 'CM344' || c === 'CM301').sort()).toEqual(['CM301', 'CM344']);
  });
});
