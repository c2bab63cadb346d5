// verify's reading of the image a Modal output describes: modal_app.py's `image = (...)` chain,
// read by Python's parser (never run), becomes the Dockerfile the local engine builds.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modalImage, readImageChain, modalClientSpecs } from '../../../src/verify/targets/modal/image.js';
import { outputTarget, targetVerify } from '../../../src/verify/targets/index.js';
import { runtimeRequirements } from '../../../src/runtime/index.js';

const GOLDEN = fileURLToPath(new URL('../../../fixtures/path-in-path-out-pillow-grayscale/expected/modal/', import.meta.url));

function output(app: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-modal-image-'));
  writeFileSync(join(dir, 'modal_app.py'), app);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("the image of a Modal output's modal_app.py", () => {
  it('is the pruned Dockerfile, then the uv_pip_install layer as Modal writes it, then the Modal client', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-modal-image-'));
    cpSync(GOLDEN, dir, { recursive: true });
    const { image, findings } = modalImage(dir);
    expect(findings).toEqual([]);
    const dockerfile = readFileSync(join(dir, 'modal.Dockerfile'), 'utf8');
    expect(image!.text.startsWith(dockerfile)).toBe(true); // its line numbers hold for findings
    expect(image!.from).toBe('modal.Dockerfile');
    expect(image!.projectDir).toBe('/src');
    const rest = image!.text.slice(dockerfile.length);
    expect(rest).toContain(`RUN /.uv/uv pip install --python $(command -v python) --compile-bytecode '${runtimeRequirements('web')[0]}'`);
    expect(rest).toContain(`RUN /.uv/uv pip install --python $(command -v python) ${modalClientSpecs()[0]}`);
    expect(rest.split('\n').filter((l) => !l.startsWith('#')).join('\n')).not.toContain('--from='); // never a pull: uv comes from PyPI
  });

  it('follows builder calls, module constants and HERE / "file", without running the file', () => {
    const dir = output([
      'raise SystemExit("modal_app.py must not run")',
      'import modal',
      'REMOTE = "/app"',
      'image = (',
      '    modal.Image.debian_slim(python_version="3.12")',
      '    .apt_install("curl", "git")',
      '    .pip_install(["numpy==2.0.0"])',
      '    .run_commands("echo hi")',
      '    .env({"A": "b c"})',
      '    .add_local_dir(HERE, remote_path=REMOTE)',
      ')',
    ].join('\n'));
    expect(readImageChain(join(dir, 'modal_app.py'))!.map((s) => s.call)).toEqual(['debian_slim', 'apt_install', 'pip_install', 'run_commands', 'env', 'add_local_dir']);
    const { image } = modalImage(dir);
    expect(image!.text).toContain('FROM python:3.12-slim-bookworm');
    expect(image!.text).toContain('RUN apt-get update && apt-get install -y curl git');
    expect(image!.text).toContain('RUN python -m pip install numpy==2.0.0');
    expect(image!.text).toContain('RUN echo hi');
    expect(image!.text).toContain('ENV A="b c"');
    expect(image!.projectDir).toBe('/app');
  });

  it('refuses what it cannot rebuild, with CM530 at the call\'s line', () => {
    const dir = output(['import modal', 'image = (', '    modal.Image.debian_slim()', '    .pip_install(*open("reqs").read().split())', ')'].join('\n'));
    expect(modalImage(dir)).toMatchObject({ findings: [{ code: 'CM530', file: 'modal_app.py', line: 4 }] });
    const other = output('import modal\nimage = modal.Image.from_registry("nvidia/cuda:12.4.0-devel-ubuntu22.04")\n');
    expect(modalImage(other).findings.map((f) => f.code)).toEqual(['CM530']);
    expect(modalImage(output('import modal\n')).findings.map((f) => f.code)).toEqual(['CM530']);
    const missing = output('import modal\nimage = modal.Image.from_dockerfile(HERE / "modal.Dockerfile", context_dir=HERE)\n');
    expect(modalImage(missing).findings.map((f) => f.code)).toEqual(['CM516']);
  });

  it('is what verify builds for an output whose migration.json says modal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-modal-image-'));
    cpSync(GOLDEN, dir, { recursive: true });
    expect(outputTarget(dir)).toBe('modal');
    expect(targetVerify('modal').dockerfile!(dir).text).toBe(modalImage(dir).image!.text);
    expect(targetVerify('fal').dockerfile).toBeUndefined(); // fal builds the shared default (app.py's DOCKERFILE)
  });
});
