// build: -> Build. Keys are applied one at a time onto a draft so that the 2021 format's
// `environment:` mapping (legacy.ts) can reuse the same readers for the keys it shares.

import type { Build, PythonRequirement, RunStep, SourceLocation } from '../../../ir/types.js';
import { BUILD_KEYS, DEFAULT_PYTHON_VERSION, MINIMUM_CUDA_MAJOR, MINIMUM_PYTHON_MINOR, REMOVED_BUILD } from './keys.js';
import { add, entries, locOf, readBool, readMap, readString, readStringList, reportKey, type Ctx } from './nodes.js';
import { readPackageItem, readRequirementsFile } from './requirements-source.js';
import { readCommandList, readRunSteps } from './run-steps.js';
import { pushAll } from '../../../util/push-all.js';

export interface BuildDraft {
  loc: SourceLocation;
  gpu?: boolean;
  cuda?: string;
  cudnn?: string;
  pythonVersion?: { value: string; loc: SourceLocation };
  pythonRequirements?: { rel: string; loc: SourceLocation };
  pythonPackages?: { items: { value: string; loc: SourceLocation }[]; loc: SourceLocation };
  systemPackages: { name: string; loc: SourceLocation }[];
  run: RunStep[];
  preInstall: RunStep[];
  sdkVersion?: string;
  /** Requirements that come before the package list (2021 extra index URLs, find-links). */
  leadingRequirements: PythonRequirement[];
  /** `build.environment:` — a misplaced top-level environment list, read from there. */
  misplacedEnvironment?: { value: unknown; at: SourceLocation };
}

export function newBuildDraft(loc: SourceLocation): BuildDraft {
  return { loc, systemPackages: [], run: [], preInstall: [], leadingRequirements: [] };
}

/** Reads the current format's build: mapping. */
export function readBuild(ctx: Ctx, node: unknown, keyLoc: SourceLocation): BuildDraft {
  const draft = newBuildDraft(keyLoc);
  const map = readMap(ctx, 'build', node, keyLoc);
  if (!map) return draft;
  for (const { key, value, keyLoc: at } of entries(ctx, map)) {
    if (applyBuildKey(ctx, draft, key, value, `build.${key}`, at)) continue;
    if (key === 'environment') {
      add(ctx, 'CM119', 'build.environment was read, but Cog expects environment: at the top level of cog.yaml', at);
      draft.misplacedEnvironment = { value, at };
      continue;
    }
    reportKey(ctx, `build.${key}`, at, REMOVED_BUILD[key], BUILD_KEYS);
  }
  return draft;
}

/** Applies one key shared by build: and the 2021 environment:; false when it is not one. */
export function applyBuildKey(ctx: Ctx, draft: BuildDraft, key: string, value: unknown, path: string, at: SourceLocation): boolean {
  if (!BUILD_KEYS.has(key)) return false;
  switch (key) {
    case 'gpu': {
      const gpu = readBool(ctx, path, value, at);
      if (gpu !== undefined) draft.gpu = gpu;
      break;
    }
    case 'cuda': {
      const cuda = readVersion(ctx, path, value, at);
      if (cuda !== undefined) {
        draft.cuda = cuda;
        const major = Number(cuda.split('.')[0]);
        if (Number.isInteger(major) && major < MINIMUM_CUDA_MAJOR) add(ctx, 'CM125', `${path}: CUDA ${cuda} is older than current Cog accepts (${MINIMUM_CUDA_MAJOR}.x or newer); the targets choose their CUDA base by what the build needs`, locOf(ctx, value, at));
      }
      break;
    }
    case 'cudnn': {
      const cudnn = readString(ctx, path, value, at);
      if (cudnn !== undefined) draft.cudnn = cudnn;
      break;
    }
    case 'python_version': {
      const version = readVersion(ctx, path, value, at);
      if (version !== undefined) {
        draft.pythonVersion = { value: version, loc: locOf(ctx, value, at) };
        const [major, minor] = version.split('.').map(Number);
        if (major === 3 && minor !== undefined && minor < MINIMUM_PYTHON_MINOR) {
          add(ctx, 'CM116', `${path}: Python ${version} is older than current Cog accepts (3.${MINIMUM_PYTHON_MINOR})`, locOf(ctx, value, at));
        }
      }
      break;
    }
    case 'python_requirements': {
      const rel = readString(ctx, path, value, at);
      if (rel !== undefined && rel.trim() !== '') draft.pythonRequirements = { rel: rel.trim(), loc: locOf(ctx, value, at) };
      break;
    }
    case 'python_packages': {
      const items = readStringList(ctx, path, value, at).map(({ value: v, loc }) => ({ value: v, loc }));
      draft.pythonPackages = { items, loc: at };
      if (items.length > 0) add(ctx, 'CM112', `${path} is deprecated in Cog; it still works, and Cog recommends build.python_requirements`, at);
      break;
    }
    case 'system_packages':
      pushAll(draft.systemPackages, readStringList(ctx, path, value, at).map(({ value: v, loc }) => ({ name: v, loc })));
      break;
    case 'run':
      pushAll(draft.run, readRunSteps(ctx, path, value, at));
      break;
    case 'pre_install': {
      const steps = readCommandList(ctx, path, value, at);
      pushAll(draft.preInstall, steps);
      if (steps.length > 0) add(ctx, 'CM112', `${path} is deprecated in Cog; it still works, and Cog recommends build.run`, at);
      break;
    }
    case 'sdk_version': {
      const v = readString(ctx, path, value, at);
      if (v !== undefined) draft.sdkVersion = v;
      break;
    }
  }
  return true;
}

/** A version written as a string or an unquoted number, kept as written. */
function readVersion(ctx: Ctx, path: string, value: unknown, at: SourceLocation): string | undefined {
  const text = readString(ctx, path, value, at)?.trim();
  if (text === undefined || text === '') return undefined;
  if (!/^\d+\.\d+(\.\d+)?$/.test(text)) add(ctx, 'CM115', `${path}: ${JSON.stringify(text)} is not a major.minor version`, locOf(ctx, value, at));
  return text;
}

/** Resolves requirements and defaults; the draft's locations point at the user's keys. */
export function finishBuild(ctx: Ctx, draft: BuildDraft, defaultPython = DEFAULT_PYTHON_VERSION): Build {
  const build: Build = {
    gpu: draft.gpu ?? false,
    ...(draft.cuda !== undefined ? { cuda: draft.cuda } : {}),
    ...(draft.cudnn !== undefined ? { cudnn: draft.cudnn } : {}),
    pythonVersion: draft.pythonVersion?.value ?? defaultPython,
    pythonVersionExplicit: draft.pythonVersion !== undefined,
    systemPackages: draft.systemPackages,
    requirementsSource: 'none',
    ...(draft.pythonRequirements ? { requirementsFile: draft.pythonRequirements.rel.replace(/^\.\//, '') } : {}),
    pythonRequirements: [...draft.leadingRequirements],
    run: draft.run,
    preInstall: draft.preInstall,
    ...(draft.sdkVersion !== undefined ? { sdkVersion: draft.sdkVersion } : {}),
    loc: draft.loc,
  };
  const packages = draft.pythonPackages?.items ?? [];
  if (draft.pythonRequirements && packages.length > 0) {
    add(ctx, 'CM118', 'build sets both python_packages and python_requirements; the requirements file was used', draft.pythonPackages?.loc);
  }
  if (draft.pythonRequirements) {
    build.requirementsSource = 'python_requirements';
    pushAll(build.pythonRequirements, readRequirementsFile(ctx, draft.pythonRequirements.rel, draft.pythonRequirements.loc));
  } else if (packages.length > 0) {
    build.requirementsSource = 'python_packages';
    for (const item of packages) pushAll(build.pythonRequirements, readPackageItem(ctx, item.value, item.loc));
  }
  return build;
}
