// The fixed lines of Cog's generated Dockerfile (pinned release), as instructions with roles.
// The strings are facts about Cog's output, matched by the golden tests in test/dockerfile.

import { instr, type Instruction } from './model.js';
import { RELEASE } from './tables.js';

const APT_CACHE = '--mount=type=cache,target=/var/cache/apt,sharing=locked';
export const CFLAGS_ON = 'CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"';

export function preamble(): Instruction[] {
  return [
    instr('ENV', 'DEBIAN_FRONTEND=noninteractive', 'cog: preamble', 'preamble'),
    instr('ENV', 'PYTHONUNBUFFERED=1', 'cog: preamble', 'preamble'),
    instr('ENV', 'LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin', 'cog: preamble', 'preamble'),
    instr('ENV', 'NVIDIA_DRIVER_CAPABILITIES=all', 'cog: preamble', 'preamble'),
  ];
}

export function tini(): Instruction[] {
  const body = [
    `${APT_CACHE} set -eux; \\`,
    'apt-get update -qq && \\',
    'apt-get install -qqy --no-install-recommends curl; \\',
    'rm -rf /var/lib/apt/lists/*; \\',
    `TINI_VERSION=${RELEASE.tiniVersion}; \\`,
    'TINI_ARCH="$(dpkg --print-architecture)"; \\',
    'curl -sSL -o /sbin/tini "https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini-${TINI_ARCH}"; \\',
    'chmod +x /sbin/tini',
  ].join('\n');
  return [instr('RUN', body, 'cog: tini (PID 1)', 'tini'), instr('ENTRYPOINT', '["/sbin/tini", "--"]', 'cog: tini (PID 1)', 'entrypoint')];
}

/**
 * tini from the distribution's own package (Debian and Ubuntu both ship it as /usr/bin/tini):
 * the same PID 1, with no download from GitHub during the build, which builders without general
 * internet access (and the verification engine here) cannot make.
 */
export function packagedTini(): Instruction[] {
  return [
    instr('RUN', 'apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', 'cog: tini (PID 1)', 'tini'),
    instr('ENTRYPOINT', '["/usr/bin/tini", "--"]', 'cog: tini (PID 1)', 'entrypoint'),
  ];
}

export function aptInstall(packages: readonly string[]): Instruction {
  return instr('RUN', `${APT_CACHE} apt-get update -qq && apt-get install -qqy ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`, 'build.system_packages', 'apt');
}

export function uv(): Instruction[] {
  return [
    instr('COPY', `--from=ghcr.io/astral-sh/uv:${RELEASE.uvVersion} /uv /uvx /usr/local/bin/`, 'cog: uv', 'uv'),
    instr('ENV', 'UV_SYSTEM_PYTHON=true', 'cog: uv', 'uv'),
  ];
}

export function pythonInstall(py: string): Instruction[] {
  const apt = [
    `${APT_CACHE} apt-get update -qq && apt-get install -qqy --no-install-recommends \\`,
    '\twget \\', '\tcurl \\', '\txz-utils \\', '\tgit \\', '\tca-certificates \\',
    '\t&& rm -rf /var/lib/apt/lists/*',
  ].join('\n');
  return [
    instr('RUN', apt, 'cog: python install (tools)', 'python-install'),
    ...uv(),
    instr('RUN', `uv python install ${py} && \\\n\tln -sf $(uv python find ${py}) /usr/bin/python3`, 'build.python_version', 'python-install'),
    instr('ENV', `UV_PYTHON=${py}`, 'build.python_version', 'python-install'),
    instr('ENV', 'PATH="/usr/local/bin:$PATH"', 'cog: python install', 'python-install'),
  ];
}

export const ARTIFACTS_DIR = '/tmp/local_package_artifacts';

export function pipRequirements(breakSystem: boolean, source: string, hasArtifacts: boolean): Instruction[] {
  const flags = breakSystem ? '--break-system-packages --cache-dir /root/.cache/pip' : '--cache-dir /root/.cache/pip';
  const out: Instruction[] = [];
  if (hasArtifacts) out.push(instr('COPY', `--from=cog_build local_package_artifacts/ ${ARTIFACTS_DIR}/`, 'local package artifacts', 'artifacts-copy'));
  out.push(
    instr('COPY', '--from=cog_build requirements.txt /tmp/requirements.txt', source, 'requirements-copy'),
    instr('ENV', CFLAGS_ON, 'cog: optimised builds', 'cflags'),
    instr('RUN', `--mount=type=cache,target=/root/.cache/pip uv run pip install ${flags} -r /tmp/requirements.txt`, source, 'pip-requirements'),
    instr('ENV', 'CFLAGS=', 'cog: optimised builds', 'cflags'),
  );
  // A local artifact may pull in cog/coglet; Cog removes them so its own SDK install wins.
  if (hasArtifacts) out.push(instr('RUN', `uv pip uninstall${breakSystem ? ' --break-system-packages' : ''} cog coglet`, 'cog: SDK reset', 'reset-managed'));
  return out;
}

export function cogSdk(spec: string, pre: boolean, breakSystem: boolean): Instruction[] {
  const flags = [breakSystem ? '--break-system-packages' : '', pre ? '--pre' : '', '--no-cache'].filter(Boolean).join(' ');
  return [
    instr('ENV', CFLAGS_ON, 'cog: SDK install', 'cflags'),
    instr('RUN', `--mount=type=cache,target=/root/.cache/uv uv pip install ${flags} ${spec}`, 'cog: SDK install (build.sdk_version)', 'cog-sdk'),
    instr('ENV', 'CFLAGS=', 'cog: SDK install', 'cflags'),
  ];
}

export function ldconfig(): Instruction {
  return instr('RUN', 'find / -type f -name "*python*.so" -printf "%h\\n" | sort -u > /etc/ld.so.conf.d/cog.conf && ldconfig', 'cog: ld.so cache', 'ldconfig');
}
