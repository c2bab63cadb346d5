// The pruner, per target, on hand-built IRs (test/dockerfile/prune-cases/*/cog.yaml): golden
// Dockerfiles per target plus the decisions that matter most, stated as assertions.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileFor, explainDockerfile, parseDockerfile, pruneDockerfile, renderDockerfile, type CogDebugOptions } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';
import { COG_RELEASE, COG_SDK_PINS } from '../../src/dockerfile/release.js';
import { expectGolden } from './golden.js';

const ROOT = join(import.meta.dirname, 'prune-cases');
const TARGETS = ['cog', 'fal', 'modal', 'workers-ai'] as const;

function load(name: string) {
  const dir = join(ROOT, name);
  const ir = irFromCogYaml(readFileSync(join(dir, 'cog.yaml'), 'utf8'));
  const opts: CogDebugOptions = existsSync(join(dir, 'case.json')) ? JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) : {};
  return { dir, ir, opts };
}

describe('pruned Dockerfile per target (golden)', () => {
  for (const name of readdirSync(ROOT).sort()) {
    for (const target of TARGETS) {
      it(`${name} for ${target}`, () => {
        const { dir, ir, opts } = load(name);
        const plan = dockerfileFor(ir, target, opts);
        expectGolden(join(dir, `${target}.Dockerfile`), renderDockerfile(plan.pruned));
        if (target === 'fal') expectGolden(join(dir, 'fal.explain.txt'), explainDockerfile(plan));
        for (const c of plan.changes) expect(c.reason.length).toBeGreaterThan(10);
        const text = renderDockerfile(plan.pruned);
        if (target === 'cog') {
          expect(plan.pruned).toEqual(plan.cogDebug);
          return;
        }
        // Cloudflare runs linux/amd64 images only, so the workers-ai form says so on its FROM.
        expect(text).toMatch(target === 'workers-ai' ? /^ARG BASE_IMAGE=\S+\nFROM --platform=linux\/amd64 \$BASE_IMAGE\n/ : /^ARG BASE_IMAGE=\S+\nFROM \$BASE_IMAGE\n/);
          expect(text).not.toContain("--mount=type=cache");
        expect(text).not.toContain('r8.im/');
        expect(text).not.toContain('--from=cog_build');
        if (target !== 'workers-ai') {
          expect(text).not.toMatch(/cog\.server\.http|EXPOSE 5000|COG_PREDICT_TYPE_STUB|COPY \. \/src|\/sbin\/tini| cog$/m);
        } else {
          expect(text).toContain('CMD ["python", "-m", "cog.server.http"]');
          expect(text).toContain('COPY . /src');
          expect(text).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]'); // tini from the distribution, no download from GitHub
          expect(text).not.toContain('github.com/krallin/tini');
          // The Cog server the image runs is the pinned release's unless cog.yaml pins its own.
          expect(text).toMatch(ir.build.sdkVersion ? /pip install .*cog==\S+$/m : /pip install .*cog==0\.22\.0 coglet==0\.22\.0$/m);
        }
      });
    }
  }
});

describe('CUDA base by need', () => {
  it('plain pip torch on a GPU model gets a slim Python base, no nvidia/cuda', () => {
    const plan = dockerfileFor(load('gpu-plain-torch').ir, 'fal');
    expect(plan.baseImage).toBe('python:3.11-slim-bookworm');
    expect(plan.cudaNeed).toBe('none');
    // git came with the old base and the build uses it
    expect(renderDockerfile(plan.pruned)).toMatch(/apt-get install -qqy --no-install-recommends (git curl|curl git)/);
  });
  it('a build.run that compiles CUDA extensions keeps a devel base', () => {
    const plan = dockerfileFor(load('gpu-compiles-cuda').ir, 'modal');
    expect(plan.cudaNeed).toBe('devel');
    expect(plan.baseImage).toMatch(/^nvidia\/cuda:12\.1\.\d+-devel-ubuntu22\.04$/);
    expect(renderDockerfile(plan.pruned)).toContain('uv python install 3.11');
  });
  it('onnxruntime-gpu needs the CUDA runtime with cuDNN, not devel', () => {
    const plan = dockerfileFor(load('gpu-onnxruntime').ir, 'fal');
    expect(plan.cudaNeed).toBe('runtime');
    expect(plan.baseImage).toMatch(/^nvidia\/cuda:12\.1\.\d+-cudnn\d*-runtime-ubuntu22\.04$/);
  });
  it('a CPU model gets python:<ver>-slim-bookworm without NVIDIA settings', () => {
    const plan = dockerfileFor(load('cpu-simple').ir, 'fal');
    expect(plan.baseImage).toBe('python:3.11-slim-bookworm');
    expect(renderDockerfile(plan.pruned)).not.toContain('NVIDIA_DRIVER_CAPABILITIES');
  });
});

describe('target additions', () => {
  it('fal warns when the requirements pin pydantic 1 (CM326)', () => {
    const ir = irFromCogYaml('build:\n  python_version: "3.11"\n  python_packages: ["pydantic==1.10.13"]\n');
    expect(dockerfileFor(ir, 'fal').findings.map((f) => f.code)).toContain('CM326');
    expect(dockerfileFor(ir, 'modal').findings.map((f) => f.code)).not.toContain('CM326');
  });
});

describe('--from-cog-debug: parsing cog debug output', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(`${name}: parse(render(cog debug)) gives the same lines and roles, and prunes the same with the IR`, () => {
      const { ir, opts } = load(name);
      const plan = dockerfileFor(ir, 'fal', opts);
      const parsed = parseDockerfile(renderDockerfile(plan.cogDebug));
      expect(renderDockerfile(parsed)).toBe(renderDockerfile(plan.cogDebug));
      expect(parsed.instructions.map((i) => i.role)).toEqual(plan.cogDebug.instructions.map((i) => i.role));
      for (const target of TARGETS.slice(1)) {
        expect(renderDockerfile(pruneDockerfile(parsed, target, ir).pruned)).toBe(renderDockerfile(dockerfileFor(ir, target, opts).pruned));
      }
    });
  }
  it('without the IR, copies requirements.txt from the build context and says so', () => {
    const { ir } = load('gpu-plain-torch');
    const parsed = parseDockerfile(renderDockerfile(dockerfileFor(ir, 'cog').cogDebug));
    const plan = pruneDockerfile(parsed, 'fal');
    expect(renderDockerfile(plan.pruned)).toContain('COPY requirements.txt /tmp/requirements.txt');
    expect(plan.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['CM321', 'CM323', 'CM324']));
    // unknown requirements: the pruner cannot rule out a package that loads the system CUDA
    expect(plan.baseImage).toMatch(/^nvidia\/cuda:12\.1\.\d+-cudnn\d*-runtime-ubuntu22\.04$/);
  });
  it('keeps lines it does not recognise, with a warning', () => {
    const plan = pruneDockerfile(parseDockerfile('FROM python:3.11-slim\nUSER nobody\nRUN echo hi\n'), 'modal');
    expect(renderDockerfile(plan.pruned)).toBe('ARG BASE_IMAGE=python:3.11-slim-bookworm\nFROM $BASE_IMAGE\nUSER nobody\nRUN echo hi\n');
    expect(plan.findings.map((f) => f.code)).toContain('CM331');
  });
  it('refuses a file with no FROM (CM332) and prunes nothing', () => {
    const plan = pruneDockerfile(parseDockerfile('RUN echo hi\n'), 'fal');
    expect(plan.findings.map((f) => f.code)).toEqual(['CM332']);
    expect(renderDockerfile(plan.pruned)).toBe('RUN echo hi\n');
  });
  it('docs/dockerfile.md shows the golden output of its worked example', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/dockerfile.md'), 'utf8');
    const golden = readFileSync(join(ROOT, 'gpu-plain-torch', 'fal.Dockerfile'), 'utf8');
    expect(doc).toContain('```dockerfile\n' + golden + '```');
  });
  it('joins continuation lines into one instruction and keeps comments', () => {
    const df = parseDockerfile('# hello\nRUN a \\\n  b\nENV X=1\n');
    expect(df.instructions.map((i) => [i.keyword, i.args, i.line])).toEqual([['#', ' hello', 1], ['RUN', 'a \\\n  b', 2], ['ENV', 'X=1', 4]]);
  });
});

describe('QA on real projects', () => {
  it('P3: an unpinned torch (cog-face-to-many, cog-yue) gives no error finding for any pruned target', () => {
    const { ir } = load('gpu-unpinned-torch-cuda-set');
    for (const target of ['fal', 'modal', 'workers-ai'] as const) {
      const plan = dockerfileFor(ir, target);
      expect(plan.findings.filter((f) => f.severity === 'error'), target).toEqual([]);
      expect(plan.findings.find((f) => f.code === 'CM312')).toMatchObject({ severity: 'warning', line: 10 });
    }
  });
  it('P4: the cog debug form honours build.cuda when torch is unpinned', () => {
    const { ir } = load('gpu-unpinned-torch-cuda-set');
    expect(renderDockerfile(dockerfileFor(ir, 'cog').pruned)).toContain('cuda12.1');
  });
  it('P5: FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE does not give a devel base', () => {
    const { ir } = load('gpu-flash-attn-skip-cuda-build');
    const plan = dockerfileFor(ir, 'fal');
    expect(plan.cudaNeed).toBe('none');
    expect(plan.baseImage).toBe('python:3.11-slim-bookworm');
  });
  it('P2: libgl1-mesa-glx gets a bookworm base, where it still exists', () => {
    const { ir } = load('cpu-removed-debian-packages');
    for (const target of ['fal', 'modal', 'workers-ai'] as const) expect(dockerfileFor(ir, target).baseImage).toBe('python:3.10-slim-bookworm');
  });
});

describe('the cog SDK pin of the workers-ai image', () => {
  it('is the pinned Cog release, the same pins the cog-0.22 test environment installs', () => {
    expect(COG_SDK_PINS).toEqual([`cog==${COG_RELEASE.replace(/^v/, '')}`, `coglet==${COG_RELEASE.replace(/^v/, '')}`]);
    const env = readFileSync(join(import.meta.dirname, '../python-env/cog-0.22.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^(cog|coglet)==/.test(l));
    expect(env).toEqual([...COG_SDK_PINS]);
  });
});
