// `cog debug` for the pinned Cog release: the Dockerfile Cog generates from cog.yaml, as data.
// Every line carries its provenance and role; rendering it gives Cog's text byte for byte
// (see test/dockerfile/cog-cases for the cases matched against Cog's own expected output).

import { posix } from 'node:path';
import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { instr, type Dockerfile, type Instruction } from './model.js';
import { describeCuda, resolveCuda } from './cuda.js';
import { isLocalArtifact, packageVersion, stageRequirements, type StagedRequirements } from './requirements.js';
import { safeInputs, type SafeInputs } from './validate.js';
import { cogBaseImage, RELEASE } from './tables.js';
import { breaksInstruction, dq, envValue } from './quote.js';
import { parseVer } from './version.js';
import * as L from './lines.js';

export interface CogDebugOptions {
  /** `--use-cog-base-image`; undefined is Cog's default (use it when Cog publishes one). */
  useCogBaseImage?: boolean;
  /** `--use-cuda-base-image` (default true). */
  useCudaBaseImage?: boolean;
  /** Render the runner Dockerfile of `--separate-weights` for this image name (as Cog's tests do). */
  separateWeightsImage?: string;
}

export interface CogDebugResult {
  dockerfile: Dockerfile;
  findings: Finding[];
  cuda: string;
  cudnn: string;
  /** The Python version used (build.python_version, or Cog's default when that is not a version). */
  python: string;
  usesCogBase: boolean;
  requirements: StagedRequirements;
  inputs: SafeInputs;
}

/** Local wheels/sdists named in a requirements file, as Cog stages them (paths relative to the project). */
function stageArtifacts(ir: CogIR, lines: readonly string[], findings: Finding[]): { line: string; source: string; target: string }[] {
  const file = ir.build.requirementsFile;
  if (ir.build.requirementsSource !== 'python_requirements' || !file) return [];
  const out: { line: string; source: string; target: string }[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!isLocalArtifact(line)) continue;
    const source = line.startsWith('/') ? posix.relative(ir.project.root, line) : posix.normalize(posix.join(posix.dirname(file), line));
    if (source === '..' || source.startsWith('../') || posix.isAbsolute(source)) {
      const loc = ir.build.pythonRequirements.find((r) => r.raw.trim().startsWith(line))?.loc ?? ir.build.loc;
      findings.push(finding('CM319', `${JSON.stringify(line)} is outside the project`, loc));
      continue;
    }
    out.push({ line, source, target: `${L.ARTIFACTS_DIR}/${source}` });
  }
  return out;
}

function uniqueBy<T extends { source: string }>(xs: T[]): T[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.source === x.source) === i);
}

function stripPythonPatch(v: string): string {
  const x = parseVer(v);
  return x ? `${x.major}.${x.minor}` : v;
}

function sdkPackage(sdkVersion: string | undefined): { spec: string; pre: boolean; tooOld: boolean } {
  if (!sdkVersion) return { spec: 'cog', pre: false, tooOld: false };
  if (sdkVersion === 'prerelease') return { spec: 'cog', pre: true, tooOld: false };
  const pep440 = sdkVersion.replace(/-(alpha|beta|rc|dev)(\d*)/, (_m, kind: string, n: string) =>
    kind === 'alpha' ? `a${n}` : kind === 'beta' ? `b${n}` : kind === 'rc' ? `rc${n}` : `.dev${n}`);
  const pre = /-alpha\d+|-beta\d+|-rc\d+|-dev\d*/.test(sdkVersion) || /\d(a|b|rc|\.dev)\d/.test(sdkVersion);
  const base = /^(\d+)\.(\d+)\.(\d+)/.exec(sdkVersion);
  const tooOld = !!base && (Number(base[1]) === 0 && (Number(base[2]) < 16));
  return { spec: `cog==${pep440}`, pre, tooOld };
}

export function generateCogDebug(ir: CogIR, options: CogDebugOptions = {}): CogDebugResult {
  const { build, runtime } = ir;
  const inputs = safeInputs(build, runtime);
  const findings: Finding[] = [...inputs.findings];
  const cudaRes = resolveCuda(build, inputs.requirementLines);
  findings.push(...cudaRes.findings);
  const useCuda = options.useCudaBaseImage ?? true;
  const python = /^\d+\.\d+(\.\d+)?$/.test(build.pythonVersion) ? build.pythonVersion : RELEASE.defaultPython;
  if (python !== build.pythonVersion) findings.push(finding('CM318', `build.python_version ${JSON.stringify(build.pythonVersion)} is not a version; using ${python}`, build.loc));

  let usesCogBase = options.useCogBaseImage ?? true;
  let from = '';
  let noCogBase = '';
  if (usesCogBase) {
    const torch = packageVersion(inputs.requirementLines, 'torch').version;
    const tag = cogBaseImage(cudaRes.cuda, stripPythonPatch(python), torch);
    if (tag) from = tag;
    else {
      noCogBase = `no r8.im/cog-base image for ${describeCuda(cudaRes.cuda, cudaRes.source)} / Python ${python} / ${torch ? `torch ${torch}` : 'no torch pin'}`;
      // With Cog's default the public base is simply what `cog debug` prints: nothing to report.
      if (options.useCogBaseImage !== undefined) {
        findings.push(finding('CM315', `--use-cog-base-image was requested but Cog has ${noCogBase}; showing the public-base form`, build.loc));
      }
      usesCogBase = false;
    }
  }
  if (!usesCogBase) from = build.gpu && useCuda && cudaRes.image ? `nvidia/cuda:${cudaRes.image}` : `python:${python}-slim`;
  const fromWhy = usesCogBase ? 'cog: r8.im/cog-base image' : build.gpu && useCuda ? `build.gpu + ${describeCuda(cudaRes.cuda, cudaRes.source)}` : 'build.python_version';
  const installsPython = build.gpu && useCuda && !usesCogBase;
  const breakSystem = installsPython;

  const artifacts = stageArtifacts(ir, inputs.requirementLines, findings);
  const staged = inputs.requirementLines.map((l) => artifacts.find((a) => a.line === l.trim())?.target ?? l);
  const requirements = stageRequirements(staged, { gpu: build.gpu, cuda: build.gpu ? cudaRes.cuda : (build.cuda ?? '') });
  const reqLoc = build.pythonRequirements[0]?.loc ?? build.loc;
  for (const line of requirements.droppedManaged) findings.push(finding('CM307', `${JSON.stringify(line)} is removed from the requirements; Cog installs its own SDK`, reqLoc));
  for (const line of inputs.requirementLines) if (isLocalArtifact(line)) findings.push(finding('CM308', `${JSON.stringify(line)} is a local file Cog stages from the project`, reqLoc));
  let sdkVersion = build.sdkVersion;
  if (sdkVersion !== undefined && sdkVersion !== 'prerelease' && !/^\d+(\.\d+)*([.-]?(a|b|rc|alpha|beta|dev)\d*)?$/.test(sdkVersion)) {
    findings.push(finding('CM317', `build.sdk_version ${JSON.stringify(sdkVersion)} is not a version`, build.loc));
    sdkVersion = undefined;
  }
  const sdk = sdkPackage(sdkVersion);
  if (sdk.tooOld) findings.push(finding('CM316', `build.sdk_version ${build.sdkVersion} is below 0.16.0`, build.loc));

  const out: Instruction[] = [instr('#', 'syntax=docker/dockerfile:1.4', 'cog: BuildKit syntax', 'syntax')];
  if (options.separateWeightsImage) out.push(instr('FROM', `${options.separateWeightsImage}-weights AS weights`, 'cog: --separate-weights', 'weights-from'));
  out.push(instr('FROM', from, noCogBase ? `${fromWhy} (Cog has ${noCogBase})` : fromWhy, 'from'));
  if (!usesCogBase) {
    out.push(...L.preamble());
    out.push(...L.tini());
  }
  if (inputs.environment.length > 0) {
    const sorted = [...inputs.environment].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.push(instr('ENV', sorted.map((v) => `${v.name}=${envValue(v.value)}`).join(' '), 'environment', 'user-env'));
  }
  if (build.systemPackages.length > 0) {
    // Cog checks for an empty list before dropping what cog-base already has, so a list that
    // cog-base covers entirely still yields an apt-get line with no package names.
    const pkgs = usesCogBase ? inputs.systemPackages.filter((p) => !RELEASE.cogBaseImage.systemPackages.includes(p)) : inputs.systemPackages;
    out.push(L.aptInstall(pkgs));
  }
  if (usesCogBase || !installsPython) out.push(...L.uv());
  if (installsPython) out.push(...L.pythonInstall(python));
  if (requirements.text !== '') {
    const source = build.requirementsSource === 'python_packages' ? 'build.python_packages' : 'build.python_requirements';
    out.push(...L.pipRequirements(breakSystem, source, artifacts.length > 0));
  }
  out.push(...L.cogSdk(sdk.spec, sdk.pre, breakSystem));
  if (!usesCogBase) out.push(L.ldconfig());
  for (const step of inputs.run) {
    const mounts = step.mounts.map((m) => `--mount=type=secret,id=${m.id},target=${m.target}`).join(' ');
    out.push(instr('RUN', mounts ? `${mounts} ${step.command}` : step.command, `build.run (cog.yaml:${step.loc.line})`, 'user-run'));
  }
  out.push(instr('WORKDIR', '/src', 'cog: runtime', 'workdir'));
  out.push(instr('EXPOSE', '5000', 'cog: runtime', 'expose'));
  const predict = ir.predictors.predict?.ref;
  const train = ir.predictors.train?.ref;
  if (predict !== undefined && !breaksInstruction(predict)) out.push(instr('ENV', `COG_PREDICT_TYPE_STUB=${dq(predict)}`, 'predict', 'cog-env'));
  if (train !== undefined && !breaksInstruction(train)) out.push(instr('ENV', `COG_TRAIN_TYPE_STUB=${dq(train)}`, 'train', 'cog-env'));
  if (runtime.concurrency?.max && runtime.concurrency.max > 0) out.push(instr('ENV', `COG_MAX_CONCURRENCY=${runtime.concurrency.max}`, 'concurrency.max', 'cog-env'));
  out.push(instr('CMD', '["python", "-m", "cog.server.http"]', 'cog: runtime', 'cmd'));
  out.push(instr('COPY', '. /src', 'cog: project source', 'copy-src'));

  const dockerfile: Dockerfile = { instructions: out };
  if (requirements.text !== '') dockerfile.requirementsTxt = requirements.text;
  if (artifacts.length > 0) dockerfile.artifacts = uniqueBy(artifacts.map(({ source, target }) => ({ source, target })));
  return { dockerfile, findings, cuda: cudaRes.cuda, cudnn: cudaRes.cudnn, python, usesCogBase, requirements, inputs };
}
