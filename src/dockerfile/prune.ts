// The pruner: from Cog's Dockerfile (generated, or parsed from `cog debug` output) to the one a
// target ships. It walks Cog's lines in order and keeps, removes or replaces each by its role,
// recording a reason for every decision; the base image is chosen by what the build needs.

import type { TargetName } from '../target/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { instr, type Dockerfile, type DockerfileChange, type DockerfilePlan, type Instruction, type Role } from './model.js';
import type { BuildFacts } from './facts.js';
import { cudaNeed } from './need.js';
import { chooseBase, type BaseChoice } from './base.js';
import { pruneUserRun } from './prune-run.js';
import { aptPackageNames } from './apt-entries.js';
import * as L from './lines.js';
import { shellWord } from './quote.js';
import { RELEASE } from './tables.js';
import { COG_SDK_PINS } from './release.js';
import needs from './data/target-needs.json' with { type: 'json' };

/** The RUN the Modal image gets on a CUDA base (Modal runs `python` and `pip` from PATH); the Modal frontend knows it when reading the pruned Dockerfile back. */
export const MODAL_PYTHON_ON_PATH = 'ln -sf /usr/bin/python3 /usr/local/bin/python && \\\n    (python3 -m pip --version >/dev/null 2>&1 || python3 -m ensurepip) && \\\n    ln -sf "$(dirname "$(readlink -f /usr/bin/python3)")/pip3" /usr/local/bin/pip';

/** Roles before which the pruner inserts tools and the Python install (they need both). */
const NEEDS_PYTHON: ReadonlySet<Role> = new Set<Role>(['requirements-copy', 'pip-requirements', 'cflags', 'cog-sdk', 'ldconfig', 'user-run', 'weights-copy', 'workdir', 'expose', 'cog-env', 'cmd', 'copy-src', 'copy-config', 'unknown']);
const RUNTIME_TAIL: ReadonlySet<Role> = new Set<Role>(['workdir', 'expose', 'cog-env', 'cmd', 'copy-src', 'copy-config']);

const TAIL_REASONS: Partial<Record<Role, string>> = {
  workdir: "only Cog's server runs from /src; the target sets its own working directory",
  expose: "port 5000 is Cog's HTTP server; the target serves requests its own way",
  'cog-env': "read only by Cog's runtime",
  cmd: "starts Cog's HTTP server; the target starts its own process",
  'copy-src': 'copies the whole project (weights included) into the image; the target ships the predictor files itself',
  'copy-config': "Cog's runtime reads cog.yaml from /src; the target does not",
};

function pipCommand(base: BaseChoice): string {
  return base.installsPython ? 'uv pip install --break-system-packages --no-cache' : 'pip install --no-cache-dir';
}

/** One RUN that writes Cog's staged requirements.txt and installs it, quoted line by line. */
export function requirementsRun(text: string, base: BaseChoice): string {
  const words = text.split('\n').filter((l) => l.trim() !== '').map((l) => `    ${shellWord(l)} \\`);
  return ["printf '%s\\n' \\", ...words, '    > /tmp/requirements.txt && \\', `    ${pipCommand(base)} -r /tmp/requirements.txt`].join('\n');
}

/** Project paths a COPY line carries as written (no spaces, quotes or `$` substitution). */
const SAFE_PATH = /^[A-Za-z0-9._\/+@=-]+$/;

/** A project path as a COPY source: one starting with `-` (a folder named `--from=x`) would be
 * read as a COPY flag, so it is written `./-...`, which names the same file. */
export function copySource(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

/** CM346: what the target uses instead of a CUDA Cog refuses as too old. */
function oldCudaReplaced(cuda: string, used: string, base: BaseChoice, target: TargetName): Finding {
  const instead = base.image.startsWith('nvidia/cuda:')
    ? `the build needs system CUDA, so the base is ${base.image} (CUDA ${used}, Cog's default)`
    : `the base is ${base.image} with no system CUDA: pip's torch wheel brings its own CUDA libraries`;
  return finding('CM346', `build.cuda ${cuda} is older than Cog supports; ${instead}`, undefined, { target });
}

function aptLine(packages: readonly string[]): string {
  return `apt-get update -qq && apt-get install -qqy --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`;
}

export function pruneWith(cogDebug: Dockerfile, target: TargetName, facts: BuildFacts, findingsIn: Finding[]): DockerfilePlan {
  const findings = [...findingsIn];
  if (target === 'cog') {
    const changes = cogDebug.instructions.map((i): DockerfileChange => ({ action: 'kept', before: i, after: i, reason: 'target cog: the Dockerfile is what cog debug prints' }));
    // Cog's refusal of an old CUDA is only a warning for the other targets; for Cog it is fatal.
    return { cogDebug, pruned: cogDebug, changes, findings: findings.map((f) => (f.code === 'CM345' ? { ...f, severity: 'error' } : f)) };
  }
  if (!cogDebug.instructions.some((i) => i.role === 'from')) {
    findings.push(finding('CM332', 'no FROM line: this is not a Dockerfile `cog debug` printed; nothing was pruned', undefined, { target }));
    return { cogDebug, pruned: cogDebug, changes: [], findings };
  }
  const parsedApt = cogDebug.instructions.filter((i) => i.role === 'apt').flatMap((i) => /apt-get install -qqy (.*) && rm -rf/.exec(i.args)?.[1]?.trim().split(/\s+/) ?? []);
  // Entries as written go back into the apt line; the rules below look at package names only.
  const systemPackages = aptPackageNames(facts.systemPackages ?? parsedApt);
  const need = cudaNeed({ gpu: facts.gpu, requirementLines: facts.requirementLines ?? [], runCommands: facts.runCommands, systemPackages });
  if (facts.gpu && facts.requirementLines === undefined && need.need === 'none') {
    // Without the staged requirements nothing says whether a package loads the system CUDA.
    need.need = 'runtime';
    need.cudnn = true;
    need.reasons.unshift("the requirements Cog staged are not in this file, so whether a package loads the system CUDA is unknown (give the project directory to decide)");
  }
  const base = chooseBase(facts, need);
  findings.push(finding('CM321', `base image ${base.image}: ${base.reason}`, undefined, { target }));
  if (facts.refusedCuda) findings.push(oldCudaReplaced(facts.refusedCuda, facts.cuda, base, target));
  const keepRuntime = target === 'workers-ai';
  const hasPreamble = cogDebug.instructions.some((i) => i.role === 'preamble');
  const hasCogPython = cogDebug.instructions.some((i) => i.role === 'python-install');

  const out: Instruction[] = [];
  const changes: DockerfileChange[] = [];
  // Cache mounts only speed up rebuilds on Cog's own builder; not every target builder has them.
  const strip = (i: Instruction): Instruction => {
    const args = i.keyword === 'RUN' ? i.args.replace(/^(?:--mount=type=cache,\S+\s+)+/, '') : i.args;
    return args === i.args ? i : { ...i, args };
  };
  const keep = (i: Instruction, reason: string) => {
    const j = strip(i);
    if (j === i) {
      out.push(i);
      changes.push({ action: 'kept', before: i, after: i, reason });
    } else replace(i, j, `${reason}; without Cog's build-cache mount, which only speeds up rebuilds and not every target builder supports`);
  };
  const remove = (i: Instruction, reason: string) => { changes.push({ action: 'removed', before: i, reason }); };
  const add = (i: Instruction, reason: string) => { const j = strip(i); out.push(j); changes.push({ action: 'added', after: j, reason }); };
  const replace = (before: Instruction, after: Instruction, reason: string) => { const j = strip(after); out.push(j); changes.push({ action: 'replaced', before, after: j, reason }); };

  // Tools the old base carried for free that this build uses, plus what the target requires.
  const tools = new Map<string, string>();
  const has = (p: string) => systemPackages.includes(p);
  const oldHadTools = facts.fromCogBase || (facts.gpu && hasCogPython);
  if (base.isDebian && oldHadTools) {
    const uses = [...facts.runCommands, ...(facts.requirementLines ?? [])].join('\n');
    if (/\bgit\b|git\+/.test(uses) && !has('git')) tools.set('git', 'build steps use git, which the old base image had');
    if (/\bwget\b/.test(uses) && !has('wget')) tools.set('wget', 'build steps use wget, which the old base image had');
    if (/\bcurl\b/.test(uses) && !has('curl')) tools.set('curl', 'build steps use curl, which the old base image had');
  }
  if (target === 'fal' && !has('curl')) tools.set('curl', `fal: ${needs.fal.aptWhy}`);
  // The Python install on CUDA bases brings these tools with it.
  if (base.installsPython) for (const t of ['curl', 'git', 'wget']) tools.delete(t);

  let inserted = false;
  const insertSetup = () => {
    if (inserted) return;
    inserted = true;
    if (tools.size > 0) {
      add(instr('RUN', aptLine([...tools.keys()]), `${target}: tools`, 'apt'), [...tools.entries()].map(([p, why]) => `${p}: ${why}`).join('; '));
    }
    if (base.installsPython && !hasCogPython) {
      for (const i of L.pythonInstall(facts.python)) add(i, 'nvidia/cuda has no Python; installed the way Cog does it on CUDA bases (uv)');
    }
    if (target === 'modal' && base.installsPython) {
      add(instr('RUN', MODAL_PYTHON_ON_PATH, 'modal: python and pip on PATH', 'target'), `modal: ${needs.modal.pythonWhy}`);
    }
  };

  let prevRole: Role | undefined;
  let secretWarned = false;
  for (const i of cogDebug.instructions) {
    const role = i.role ?? 'unknown';
    if (NEEDS_PYTHON.has(role)) insertSetup();
    switch (role) {
      case 'syntax':
        remove(i, "the builder's built-in Dockerfile frontend handles RUN --mount; the directive would make it pull docker/dockerfile:1.4 first");
        break;
      case 'weights-from':
      case 'weights-copy':
        remove(i, "Cog's --separate-weights layer; weights are the target's concern");
        break;
      case 'from': {
        const why = facts.fromCogBase ? `r8.im/cog-base is Replicate's private image; ${base.reason}` : base.reason;
        replace(i, instr('ARG', `BASE_IMAGE=${base.image}`, 'pruner: base image', 'base-arg'), why);
        // Cloudflare runs linux/amd64 images only; saying so keeps a build on an arm64 machine correct.
        if (keepRuntime) add(instr('FROM', '--platform=linux/amd64 $BASE_IMAGE', 'pruner: base image', 'from'), 'the base is a build argument so verification can substitute a local image (--build-arg BASE_IMAGE=...); Cloudflare runs linux/amd64 images');
        else add(instr('FROM', '$BASE_IMAGE', 'pruner: base image', 'from'), 'the base is a build argument so verification can substitute a local image (--build-arg BASE_IMAGE=...)');
        if (!hasPreamble && facts.fromCogBase) {
          for (const p of L.preamble()) if (facts.gpu || !/NVIDIA|LD_LIBRARY/.test(p.args)) add(p, 'set by the cog-base image, which the new base does not have');
          if (keepRuntime) for (const t of L.packagedTini()) add(t, 'the cog-base image ran Cog\'s server under tini as PID 1; the Cog container keeps it (from the distribution\'s package)');
        }
        break;
      }
      case 'preamble':
        if (!facts.gpu && /NVIDIA|LD_LIBRARY_PATH/.test(i.args)) remove(i, 'CPU model: NVIDIA driver settings are unused');
        else keep(i, 'Cog preamble: non-interactive apt, unbuffered output, NVIDIA driver libraries visible');
        break;
      case 'ca-cert':
        remove(i, 'a CA certificate staged from the machine Cog ran on (COG_CA_CERT); add your own if the build needs it');
        break;
      case 'tini':
      case 'entrypoint': {
        if (!keepRuntime) {
          remove(i, "tini is PID 1 for Cog's server; the target runs its own entrypoint");
          break;
        }
        const [run, entrypoint] = L.packagedTini();
        replace(i, role === 'tini' ? run! : entrypoint!, "workers-ai: the Cog container keeps tini as PID 1, from the distribution's package instead of a download from GitHub during the build");
        break;
      }
      case 'user-env':
        keep(i, 'environment from cog.yaml');
        break;
      case 'apt':
        if (facts.fromCogBase && facts.systemPackages) {
          replace(i, L.aptInstall(facts.systemPackages), 'Cog left out packages r8.im/cog-base already had; the public base needs all of build.system_packages');
        } else {
          keep(i, 'build.system_packages');
          if (facts.fromCogBase) findings.push(finding('CM323', `packages r8.im/cog-base carried (${RELEASE.cogBaseImage.systemPackages.slice(0, 6).join(', ')}, ...) are no longer installed`, undefined, { target }));
        }
        if (base.isDebian && facts.gpu && systemPackages.length > 0) findings.push(finding('CM325', `system packages ${systemPackages.join(', ')} now install on Debian (${base.image}) instead of Ubuntu`, undefined, { target }));
        break;
      case 'uv':
      case 'python-install':
        if (base.installsPython && hasCogPython) keep(i, 'nvidia/cuda has no Python; Cog installs it with uv');
        else if (base.installsPython) remove(i, 'replaced by the Python install for the CUDA base');
        else remove(i, role === 'uv' ? "uv only served Cog's own install steps; the slim image's pip installs the requirements" : `${base.image} already has Python`);
        break;
      case 'requirements-copy':
        if (facts.requirementsTxt !== undefined) {
          replace(i, instr('RUN', requirementsRun(facts.requirementsTxt, base), 'build.python_requirements', 'pip-install'),
            "Cog stages requirements.txt in .cog/build; the pruned file writes the same lines itself so it needs no build context");
        } else {
          replace(i, instr('COPY', 'requirements.txt /tmp/requirements.txt', 'build.python_requirements', 'requirements-copy'), "Cog's staged file lives in .cog/build; copy it from the build context instead");
          add(instr('RUN', `${pipCommand(base)} -r /tmp/requirements.txt`, 'build.python_requirements', 'pip-install'), 'installs the requirements Cog staged');
          findings.push(finding('CM324', 'the pruned Dockerfile copies requirements.txt from the build context', undefined, { target }));
        }
        break;
      case 'pip-requirements':
        remove(i, 'folded into the pip install above');
        break;
      case 'artifacts-copy':
        if (facts.artifacts && facts.artifacts.length > 0) {
          const safe = facts.artifacts.filter((a) => SAFE_PATH.test(a.source));
          for (const a of facts.artifacts.filter((x) => !SAFE_PATH.test(x.source))) {
            findings.push(finding('CM308', `local package artifact ${JSON.stringify(a.source)} has characters a COPY line cannot carry safely; copy it by hand`, undefined, { target, severity: 'error' }));
          }
          const copies = safe.map((a) => instr('COPY', `${copySource(a.source)} ${a.target}`, 'local package artifacts', 'artifacts-copy'));
          if (copies.length === 0) remove(i, 'no local artifact could be copied safely');
          copies.forEach((c, n) => (n === 0
            ? replace(i, c, 'Cog stages local wheels in .cog/build; copy them from the project instead (build context = the project directory)')
            : add(c, 'local package artifact from the project')));
        } else {
          replace(i, instr('COPY', `local_package_artifacts/ ${L.ARTIFACTS_DIR}/`, 'local package artifacts', 'artifacts-copy'), "Cog's staged wheels live in .cog/build/local_package_artifacts; put that folder in the build context");
        }
        findings.push(finding('CM308', 'the pruned Dockerfile copies local package artifacts from the build context', undefined, { target }));
        break;
      case 'reset-managed':
        if (keepRuntime) replace(i, instr('RUN', base.installsPython ? i.args : 'pip uninstall -y cog coglet', 'cog: SDK reset', 'reset-managed'), 'workers-ai: removes a cog/coglet a local wheel pulled in, before the SDK install');
        else remove(i, "only protects Cog's own SDK install, which the target does not have");
        break;
      case 'cflags':
        if (prevRole === 'requirements-copy' || prevRole === 'pip-requirements' || !keepRuntime) remove(i, "Cog's compiler flags around its own pip installs (reset right after)");
        else keep(i, 'workers-ai: part of the cog SDK install');
        break;
      case 'cog-sdk':
        if (keepRuntime) {
          const spec = i.args.split(/\s+/).pop() ?? 'cog';
          // cog debug installs the newest `cog` when cog.yaml pins none: pin the release checked against.
          const specs = spec === 'cog' ? COG_SDK_PINS : [spec];
          const why = spec === 'cog' ? `, pinned to the Cog release cog-migrate follows (${COG_SDK_PINS.join(' ')}) since cog.yaml sets no sdk_version` : '';
          replace(i, instr('RUN', `${pipCommand(base)} ${specs.map(shellWord).join(' ')}`, 'cog: SDK install', 'cog-sdk'), `workers-ai serves the Cog container, so the cog SDK stays (installed with the base image's pip${why})`);
        } else {
          remove(i, 'the cog SDK runs Cog\'s server; the target has its own runtime and the generated `cog` compatibility module covers `from cog import ...`');
        }
        break;
      case 'ldconfig':
        keep(i, "Cog registers Python extension folders with the dynamic linker; harmless, and native wheels rely on it");
        break;
      case 'user-run': {
        // Its own rule for leading options: keep() would strip a cache mount the user wrote as if Cog had.
        const run = pruneUserRun(i, target);
        findings.push(...run.findings);
        const reason = ['build.run step, in order', ...run.notes].join('; ');
        out.push(run.after);
        changes.push(run.after === i ? { action: 'kept', before: i, after: i, reason } : { action: 'replaced', before: i, after: run.after, reason });
        if (/--mount=type=secret/.test(i.args) && !secretWarned) {
          secretWarned = true;
          findings.push(finding('CM322', 'a build.run step mounts a build secret; supply it when building for the target', undefined, { target }));
        }
        break;
      }
      case 'unknown':
        keep(i, 'not part of Cog\'s generated layout; kept as written');
        findings.push(finding('CM331', `kept unrecognised instruction ${i.keyword}${i.line ? ` (line ${i.line})` : ''}`, undefined, { target }));
        break;
      default:
        if (RUNTIME_TAIL.has(role)) {
          if (keepRuntime) keep(i, "workers-ai runs the Cog container: Cog's runtime tail stays");
          else remove(i, TAIL_REASONS[role] ?? "only Cog's runtime needs it");
        } else keep(i, 'kept');
    }
    prevRole = role;
  }
  insertSetup();
  if (target === 'fal') {
    const pydantic1 = (facts.requirementLines ?? []).find((l) => /^pydantic\s*(==\s*1|<\s*2|~=\s*1|<=\s*1)/i.test(l));
    if (pydantic1) findings.push(finding('CM326', `${JSON.stringify(pydantic1)} is replaced by the pydantic 2 fal needs, installed last`, undefined, { target }));
    const specs = needs.fal.pipLast.map(shellWord).join(' ');
    add(instr('RUN', `${pipCommand(base)} ${specs}`, 'fal: runtime compatibility', 'target'), `fal: ${needs.fal.pipWhy}`);
  }
  return { cogDebug, pruned: { instructions: out }, changes, findings, baseImage: base.image, cudaNeed: need.need };
}
