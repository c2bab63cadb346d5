// `--from-cog-debug` inputs Cog prints in less common set-ups (test/dockerfile/cog-debug-cases/*:
// cog-debug.Dockerfile in, <target>.Dockerfile golden out, pruned without the project), and the
// here-document and COPY-flag hazards in every Dockerfile form (issue 18).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerfileFor, parseDockerfile, pruneDockerfile, renderDockerfile } from '../../src/dockerfile/index.js';
import { heredocs } from '../../src/dockerfile/parse.js';
import { copySource } from '../../src/dockerfile/prune.js';
import { irFromCogYaml } from './helpers.js';
import { expectGolden } from './golden.js';

const ROOT = join(import.meta.dirname, 'cog-debug-cases');
const TARGETS = ['fal', 'modal', 'workers-ai'] as const;
const read = (name: string, file: string) => readFileSync(join(ROOT, name, file), 'utf8');
const CA_TEXT = /cog-ca-cert|update-ca-certificates|--from=cog_build|SSL_CERT_FILE|REQUESTS_CA_BUNDLE/;

describe('cog debug inputs (golden, pruned without the project)', () => {
  for (const name of readdirSync(ROOT).sort()) {
    for (const target of TARGETS) {
      it(`${name} for ${target}`, () => {
        const text = read(name, 'cog-debug.Dockerfile');
        const parsed = parseDockerfile(text);
        expect(renderDockerfile(parsed), 'parse then render gives the input back').toBe(text.endsWith('\n') ? text : `${text}\n`);
        const plan = pruneDockerfile(parsed, target);
        expectGolden(join(ROOT, name, `${target}.Dockerfile`), renderDockerfile(plan.pruned));
        expect(plan.findings.filter((f) => f.severity === 'error')).toEqual([]);
      });
    }
  }
});

describe("Cog's COG_CA_CERT lines (issue 18)", () => {
  for (const name of ['ca-cert-cog-base', 'ca-cert-cuda']) {
    it(`${name}: all four lines are recognised and removed, with the reason; the rest prunes as without them`, () => {
      const parsed = parseDockerfile(read(name, 'cog-debug.Dockerfile'));
      expect(parsed.instructions.filter((i) => i.role === 'ca-cert').map((i) => i.keyword)).toEqual(['COPY', 'RUN', 'ENV', 'ENV']);
      for (const target of TARGETS) {
        const plan = pruneDockerfile(parsed, target);
        const text = renderDockerfile(plan.pruned);
        expect(text, target).not.toMatch(CA_TEXT);
        const removed = plan.changes.filter((c) => c.action === 'removed' && c.before?.role === 'ca-cert');
        expect(removed).toHaveLength(4);
        for (const c of removed) expect(c.reason).toMatch(/CA certificate .*COG_CA_CERT/);
        expect(text, target).toBe(renderDockerfile(pruneDockerfile(parseDockerfile(read(name, 'without-ca-cert.Dockerfile')), target).pruned));
      }
    });
  }
  it('an ENV SSL_CERT_FILE the user set (not after the certificate) stays', () => {
    const parsed = parseDockerfile('FROM python:3.11-slim\nENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\nRUN echo hi\n');
    expect(parsed.instructions[1]!.role).toBe('user-env');
    expect(renderDockerfile(pruneDockerfile(parsed, 'fal').pruned)).toContain('ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt');
  });
});

describe('here-documents (issue 18)', () => {
  it('recognises the openers BuildKit reads, and not a here-string', () => {
    expect(heredocs('cat <<EOF > /x')).toEqual([{ word: 'EOF', chomp: false }]);
    expect(heredocs(`<<-'END' bash`)).toEqual([{ word: 'END', chomp: true }]);
    expect(heredocs('3<<"A" cat <<B')).toEqual([{ word: 'A', chomp: false }, { word: 'B', chomp: false }]);
    expect(heredocs('cat <<< "x"')).toEqual([]);
    expect(heredocs('echo $((1 < 2))')).toEqual([]);
  });

  it('a parsed heredoc keeps its text inside its instruction, and the pruned file keeps it together', () => {
    const parsed = parseDockerfile(read('heredoc-run', 'cog-debug.Dockerfile'));
    const withDocs = parsed.instructions.filter((i) => i.args.includes('<<') && !i.args.includes('<<<'));
    expect(withDocs.map((i) => [i.keyword, i.args.split('\n').length])).toEqual([['RUN', 4], ['RUN', 4], ['COPY', 3]]);
    // The heredoc text is no instruction of its own.
    expect(parsed.instructions.filter((i) => i.keyword === 'FROM')).toHaveLength(1);
    expect(parsed.instructions.some((i) => i.args === 'NOT_AN_INSTRUCTION=1')).toBe(false);
    for (const target of TARGETS) {
      const text = renderDockerfile(pruneDockerfile(parsed, target).pruned);
      expect(text).toContain('RUN cat <<EOF > /etc/model.conf\nFROM scratch\nWORKDIR /src\nEOF\n');
      expect(text).toContain(`RUN <<-'END' bash -e\n\techo "a tab-indented script"\n\tENV NOT_AN_INSTRUCTION=1\n\tEND\n`);
      expect(text).toContain('COPY <<CONF /etc/extra.conf\nEXPOSE 5000\nCONF\n');
    }
  });

  const hostile = (run: string) => irFromCogYaml(`build:\n  python_version: "3.11"\n  python_packages: ["numpy==2.0.0"]\n  run:\n    - ${JSON.stringify(run)}\n    - echo after\n`);
  for (const run of ['cat <<EOF > /x', 'cat<<EOF', 'bash <<-END', `python3 <<'PY'`, '3<<X cat', 'cat <<< "here-string too"']) {
    it(`a build.run with ${JSON.stringify(run)} is refused with CM340 at its line, in every Dockerfile form`, () => {
      for (const target of ['cog', ...TARGETS] as const) {
        const plan = dockerfileFor(hostile(run), target);
        expect(plan.findings.filter((f) => f.code === 'CM340').map((f) => [f.severity, f.file, f.line]), target).toEqual([['error', 'cog.yaml', 20]]);
        const text = renderDockerfile(plan.pruned);
        expect(text, target).not.toContain('<<');
        expect(text, target).toContain('RUN echo after');
      }
    });
  }
  it('a requirement with `<<` is refused with CM341 and reaches no form', () => {
    const ir = irFromCogYaml('build:\n  python_version: "3.11"\n  python_packages: ["numpy<<EOF", "torch==2.3.1"]\n');
    for (const target of ['cog', ...TARGETS] as const) {
      const plan = dockerfileFor(ir, target);
      expect(plan.findings.filter((f) => f.code === 'CM341').map((f) => f.severity), target).toEqual(['error']);
      expect(renderDockerfile(plan.pruned) + (plan.cogDebug.requirementsTxt ?? ''), target).not.toContain('<<');
    }
  });
});

describe('COPY sources that look like flags (issue 18)', () => {
  it('a local wheel in a folder named --from=x is copied as ./--from=x/...', () => {
    const ir = irFromCogYaml('build:\n  python_version: "3.11"\n  python_requirements: requirements.txt\n', './--from=x/w-1.0-py3-none-any.whl\n');
    for (const target of TARGETS) {
      const text = renderDockerfile(dockerfileFor(ir, target).pruned);
      expect(text, target).toMatch(/^COPY \.\/--from=x\/w-1\.0-py3-none-any\.whl \/tmp\/local_package_artifacts\//m);
      expect(text, target).not.toMatch(/^COPY --from=x/m);
    }
  });
  it('copySource leaves other paths as they are', () => {
    expect(copySource('-w.whl')).toBe('./-w.whl');
    expect(copySource('wheels/w.whl')).toBe('wheels/w.whl');
    expect(copySource('a-b/-c.whl')).toBe('a-b/-c.whl');
  });
});
