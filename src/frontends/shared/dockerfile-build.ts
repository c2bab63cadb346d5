// A platform app's Dockerfile (fal `ContainerImage.from_dockerfile_str`, Modal
// `Image.from_dockerfile`) read back into cog.yaml terms: the base image's Python and CUDA, apt
// packages, pip requirements (also the `printf ... > req.txt && pip install -r req.txt` form),
// ENV, and every other RUN as a build command. Cog writes its own base, copies the project and
// starts its server, so FROM details, COPY/ADD, WORKDIR, CMD and the like are not carried; the
// ones that matter are named in one finding.

import type { SecretMount, SourceLocation } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { classify, parseDockerfile } from '../../dockerfile/parse.js';
import { MODAL_PYTHON_ON_PATH } from '../../dockerfile/prune.js';
import { shellCommands } from './shell-words.js';
import { addRequirement, addSystemPackage, baseImageFacts, setEnv, setPython, type AppBuild } from './build.js';

/** Environment Cog's own Dockerfile sets; not the app's configuration. */
const COG_SETS = /^(DEBIAN_FRONTEND|PYTHONUNBUFFERED|LD_LIBRARY_PATH|NVIDIA_DRIVER_CAPABILITIES|PATH)$/;
/** Instructions whose effect Cog provides itself (its base image, /src, its server). */
const COG_OWNS = new Set(['#', 'ARG', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'LABEL', 'SHELL', 'STOPSIGNAL', 'HEALTHCHECK', 'USER']);

export interface DockerfileReadOptions {
  /** pip packages the platform's runtime needs and Cog does not (fal's pydantic/protobuf/boto3). */
  platformPackages?: ReadonlySet<string>;
  platform: string;
}

export function readDockerfileInto(b: AppBuild, text: string, loc: SourceLocation, findings: Finding[], options: DockerfileReadOptions): void {
  const df = parseDockerfile(text);
  const args = new Map<string, string>();
  const notCarried: string[] = [];
  const droppedPlatform: string[] = [];
  // Cog installs requirements.txt before any build.run step; in a Dockerfile Cog generated (the
  // pruned one a target ships), a pip install after that requirements file is a build.run step
  // of its own (order matters: it may need what came before).
  let installed = false;
  const at = (line?: number): SourceLocation => ({ ...loc, ...(line !== undefined && loc.line ? { line: loc.line } : {}) });
  for (const ins of df.instructions) {
    const where = at(ins.line);
    if (ins.keyword === 'ARG') {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(ins.args.trim());
      if (m) args.set(m[1]!, unquote(m[2]!));
      continue;
    }
    if (ins.keyword === 'FROM') {
      const image = ins.args.trim().split(/\s+/).filter((w) => !w.startsWith('--'))[0] ?? '';
      const resolved = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => args.get(n) ?? '');
      const facts = baseImageFacts(resolved);
      if (facts.python) setPython(b, facts.python);
      if (facts.cuda) b.build.cuda = facts.cuda;
      if (facts.cudnn) b.build.cudnn = facts.cudnn;
      if (!facts.python) notCarried.push(`FROM ${resolved} (Cog installs Python ${b.build.pythonVersion} on its own base)`);
      continue;
    }
    if (ins.keyword === 'ENV') {
      if (classify(ins) === 'python-install' || classify(ins) === 'uv') continue;
      for (const [name, value] of envPairs(ins.args)) if (!COG_SETS.test(name)) setEnv(b, name, value, where);
      continue;
    }
    if (ins.keyword === 'RUN') {
      // Cog's own Python install on a CUDA base (`uv python install 3.11` and its tools): the
      // version is the app's; the rest is what Cog does itself.
      const role = classify(ins);
      const uvPython = /^uv python install (3\.\d+(?:\.\d+)?)/.exec(ins.args);
      if (uvPython) setPython(b, uvPython[1]!);
      if (role === 'python-install' || role === 'tini' || role === 'ldconfig') continue;
      if (ins.args.trim() === MODAL_PYTHON_ON_PATH) continue; // the pruned Modal image's own step, not the model's
      const leading = runOptions(ins.args);
      if (leading) {
        // RUN --mount=... / --network=...: a build.run step as Cog writes one, secrets as its mounts.
        b.build.run.push({ command: leading.command, mounts: leading.mounts, loc: where });
        continue;
      }
      if (readRun(b, ins.args, where, options, droppedPlatform, installed)) installed = true;
      continue;
    }
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && classify(ins) === 'uv') continue;
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      if (!/^(--\S+\s+)*\.\s+\S+$/.test(ins.args.trim())) notCarried.push(`${ins.keyword} ${ins.args.trim()}`);
      continue;
    }
    if (!COG_OWNS.has(ins.keyword)) notCarried.push(`${ins.keyword} ${ins.args.trim()}`);
  }
  if (droppedPlatform.length) {
    findings.push(finding('CM815', `the Dockerfile installs ${droppedPlatform.join(', ')} for the ${options.platform} runtime; Cog does not need them, so they are left out of requirements.txt`, loc));
  }
  if (notCarried.length) {
    findings.push(finding('CM814', `Dockerfile lines Cog does itself or cannot take: ${notCarried.join('; ')}`, loc));
  }
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

function envPairs(args: string): [string, string][] {
  const words = shellCommands(args.replace(/\\\n/g, ' '))[0] ?? [];
  if (words.length >= 2 && !words[0]!.includes('=')) return [[words[0]!, words.slice(1).join(' ')]];
  return words.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
}

const PIP = /^(pip3?|python3?\s+-m\s+pip|uv\s+pip)$/;
/** apt-get install options that only say "no questions, less output" or that Cog's line implies. */
const APT_DEFAULT_OPTIONS = new Set(['-y', '--yes', '--assume-yes', '-q', '-qq', '-qy', '-qqy', '--quiet', '--no-install-recommends']);

/**
 * A RUN that starts with BuildKit options: secret mounts as cog.yaml `mounts:` entries, the other
 * options kept at the start of the command (Cog passes them through to its RUN line).
 */
function runOptions(args: string): { command: string; mounts: SecretMount[] } | undefined {
  let rest = args.replace(/\\\n\s*/g, ' ').trim();
  if (!rest.startsWith('--')) return undefined;
  const kept: string[] = [];
  const mounts: SecretMount[] = [];
  for (let m = /^(--\S+)\s+/.exec(rest); m; m = /^(--\S+)\s+/.exec(rest)) {
    const option = m[1]!;
    rest = rest.slice(m[0].length);
    const fields = option.startsWith('--mount=') ? new Map(option.slice('--mount='.length).split(',').map((f) => [f.split('=')[0]!, f.slice(f.indexOf('=') + 1)] as const)) : undefined;
    if (fields?.get('type') === 'secret' && fields.get('id') && fields.get('target') && fields.size === 3) mounts.push({ type: 'secret', id: fields.get('id')!, target: fields.get('target')! });
    else kept.push(option);
  }
  return { command: [...kept, rest].join(' '), mounts };
}

/** Reads one RUN; true when it installed a requirements file it wrote (`printf ... > f && pip install -r f`). */
function readRun(b: AppBuild, args: string, loc: SourceLocation, options: DockerfileReadOptions, dropped: string[], afterRequirements: boolean): boolean {
  const commands = shellCommands(args);
  let requirementsFile = false;
  const staged = new Map<string, string[]>();
  const rest: string[][] = [];
  for (const words of commands) {
    const head = words[0] === 'python' || words[0] === 'python3' || words[0] === 'uv' ? words.slice(0, words[1] === '-m' ? 3 : 2).join(' ') : words[0]!;
    const tail = words.slice(head.split(' ').length);
    if ((words[0] === 'apt-get' || words[0] === 'apt') && words.includes('install')) {
      for (const w of words.slice(words.indexOf('install') + 1)) {
        if (w.startsWith('-')) {
          // Cog's own line says `-qqy`; any other option (`--fix-missing`) was the model's, and
          // Cog passes it on within system_packages (`"fluidsynth --fix-missing"`).
          const last = b.build.systemPackages[b.build.systemPackages.length - 1];
          if (!APT_DEFAULT_OPTIONS.has(w) && last && !last.name.includes(w)) last.name = `${last.name} ${w}`;
          continue;
        }
        // Cog installs Python itself; a Python from apt only says which version the image had.
        const python = /^python(3(?:\.\d+)?)(-pip|-dev|-venv|-distutils|-full)?$/.exec(w);
        if (python) {
          if (/^3\.\d+$/.test(python[1]!) && !b.build.pythonVersionExplicit) setPython(b, python[1]!);
          continue;
        }
        addSystemPackage(b, w, loc);
      }
    } else if (words[0] === 'apt-get' || (words[0] === 'rm' && words.includes('/var/lib/apt/lists/*'))) {
      // apt-get update and the list clean-up: Cog's system_packages step does both.
    } else if (words[0] === 'printf' && words.includes('>')) {
      const target = words[words.indexOf('>') + 1];
      if (target) staged.set(target, words.slice(2, words.indexOf('>')));
    } else if (PIP.test(head) && tail[0] === 'install' && (!afterRequirements || onlyPlatformPackages(tail.slice(1), options)) && pipInstallFits(tail.slice(1))) {
      if (tail.some((w, i) => (w === '-r' || w === '--requirement') && staged.has(tail[i + 1] ?? ''))) requirementsFile = true;
      readPipInstall(b, tail.slice(1), loc, staged, options, dropped);
    } else {
      rest.push(words);
    }
  }
  // A RUN that does more than install is kept whole, as written (Cog runs `run:` lines with sh);
  // its install parts were read above too, which repeats them harmlessly.
  if (rest.length) b.build.run.push({ command: args.replace(/\\\n\s*/g, '').trim(), mounts: [], loc });
  return requirementsFile;
}

/** A pip install of the platform's own runtime packages only (left out wherever it stands). */
function onlyPlatformPackages(words: string[], options: DockerfileReadOptions): boolean {
  const pkgs = words.filter((w) => !w.startsWith('-'));
  return pkgs.length > 0 && pkgs.every((w) => options.platformPackages?.has(w.split(/[\s<>=!~;[@]/)[0]!.toLowerCase()) === true);
}

/** Flags that change nothing about what is installed. */
const NEUTRAL_FLAGS = /^(--no-cache-dir|--no-cache|--quiet|-q|--system|--break-system-packages|--no-input|--disable-pip-version-check)$/;

/**
 * A `pip install` whose packages can move into requirements.txt: `-r FILE` (a requirements file
 * the same RUN wrote), or plain packages with neutral flags. Any other flag (`--index-url`,
 * `--extra-index-url`, `--no-build-isolation`, `--upgrade`) means something for this one command
 * that it would not mean in requirements.txt, so such a RUN stays a build command.
 */
function pipInstallFits(words: string[]): boolean {
  if (words.includes('pip')) return false;
  return words.every((w, i) => !w.startsWith('-') || NEUTRAL_FLAGS.test(w) || w === '-r' || w === '--requirement' || (i > 0 && (words[i - 1] === '-r' || words[i - 1] === '--requirement')));
}

function readPipInstall(b: AppBuild, words: string[], loc: SourceLocation, staged: Map<string, string[]>, options: DockerfileReadOptions, dropped: string[]): void {
  const lines: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-r' || w === '--requirement') {
      const file = words[++i];
      const inline = file ? staged.get(file) : undefined;
      if (inline) lines.push(...inline);
      continue;
    }
    if (/^(--no-cache-dir|--no-cache|--quiet|-q|--system|--break-system-packages|--no-input|--disable-pip-version-check)$/.test(w)) continue;
    if (/^(--extra-index-url|-f|--find-links)$/.test(w) && words[i + 1]) {
      lines.push(`${w} ${words[++i]}`);
      continue;
    }
    lines.push(w);
  }
  for (const line of lines) {
    const name = line.split(/[\s<>=!~;[@]/)[0]!.toLowerCase();
    if (options.platformPackages?.has(name)) dropped.push(line);
    else addRequirement(b, line, loc);
  }
}
