import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDockerfile } from '../../../src/verify/build/dockerfile-source.js';

describe('findDockerfile', () => {
  it('prefers a Dockerfile at the root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-df-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM a\n');
    writeFileSync(join(dir, 'app.py'), 'DOCKERFILE = "FROM b\\n"\n');
    expect(findDockerfile(dir)).toEqual({ text: 'FROM a\n', from: 'Dockerfile' });
  });

  it("reads fal's embedded DOCKERFILE literal without running app.py", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-df-'));
    writeFileSync(join(dir, 'app.py'), [
      'raise SystemExit("app.py must not run")',
      'DOCKERFILE = (',
      '    "ARG BASE_IMAGE=python:3.11-slim\\n"',
      '    "FROM $BASE_IMAGE\\n"',
      ')',
    ].join('\n'));
    expect(findDockerfile(dir)).toEqual({ text: 'ARG BASE_IMAGE=python:3.11-slim\nFROM $BASE_IMAGE\n', from: 'app.py' });
  });

  it('follows a name passed to from_dockerfile_str, and gives up on anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-df-'));
    writeFileSync(join(dir, 'app.py'), 'import fal\nTEXT = "FROM c\\n"\nimage = fal.ContainerImage.from_dockerfile_str(TEXT)\n');
    expect(findDockerfile(dir)?.text).toBe('FROM c\n');
    writeFileSync(join(dir, 'app.py'), 'import fal\nimage = fal.ContainerImage.from_dockerfile_str(open("x").read())\n');
    expect(findDockerfile(dir)).toBeUndefined();
  });

  it("turns fal's managed environment (REQUIREMENTS and python_version=) into its Dockerfile, an empty list too", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-df-'));
    const app = (requirements: string) => `import fal\n${requirements}\nclass A(fal.App, python_version="3.12"):\n    requirements = REQUIREMENTS\n`;
    writeFileSync(join(dir, 'app.py'), app('REQUIREMENTS = ["pillow==10.4.0"]'));
    const found = findDockerfile(dir)!;
    expect(found.text).toMatch(/^FROM python:3\.12-slim\n/);
    expect(found.text).toContain('pillow==10.4.0');
    // The form app.py takes when the Cog build installs no Python packages.
    writeFileSync(join(dir, 'app.py'), app('REQUIREMENTS: "list[str]" = []'));
    expect(findDockerfile(dir)?.text).toMatch(/^FROM python:3\.12-slim\n(?![\s\S]*pillow)[\s\S]*COPY \. \/app\n$/);
  });
});
