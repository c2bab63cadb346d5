// The 2021 pre-release cog.yaml (Cog before build:/predict:, roughly April-July 2021):
//   model: "model.py:Model"        -> the predictor reference
//   environment:                   -> what build: is today, plus keys that no longer exist
//     python_version, python_requirements, python_packages, system_packages, cuda, cudnn,
//     python_extra_index_urls, python_find_links, pre_install, post_install,
//     architectures: [cpu, gpu], gpu, workdir, build_requires_gpu
//   workdir: (top level: the folder model: is in, see applyLegacyWorkdir), examples:, image:
// Read with findings; configGeneration becomes 'pre-release-2021'.

import { posix } from 'node:path';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../../../ir/types.js';
import { applyBuildKey, type BuildDraft } from './build.js';
import { add, entries, readBool, readString, readStringList, reportKey, type Ctx } from './nodes.js';
import type { PredictorRef } from '../types.js';
import { resolveProjectPath } from '../../../fs/project-files.js';
import { statSync } from 'node:fs';
import { isPredictorRef } from './predictor-refs.js';
import { LEGACY_ENVIRONMENT_KEYS } from './keys.js';
import { readCommandList } from './run-steps.js';
import { pushAll } from '../../../util/push-all.js';

/** True when the file is in the 2021 format: environment: is a mapping, or model: names a .py file. */
export function isLegacyFormat(ctx: Ctx, top: YAMLMap): boolean {
  for (const { key, value } of entries(ctx, top)) {
    if (key === 'environment' && isMap(value)) return true;
    if (key === 'model' && isScalar(value) && typeof value.value === 'string' && isPredictorRef(value.value.trim())) return true;
  }
  return false;
}

/** Applies the 2021 environment: mapping onto a build draft. */
export function readLegacyEnvironment(ctx: Ctx, draft: BuildDraft, map: YAMLMap): void {
  let archGpu: boolean | undefined;
  for (const { key, value, keyLoc } of entries(ctx, map)) {
    const path = `environment.${key}`;
    if (key !== 'gpu' && applyBuildKey(ctx, draft, key, value, path, keyLoc)) continue;
    switch (key) {
      case 'gpu': {
        const gpu = readBool(ctx, path, value, keyLoc);
        if (gpu !== undefined) draft.gpu = gpu;
        break;
      }
      case 'architectures': {
        const archs = readStringList(ctx, path, value, keyLoc).map((a) => a.value);
        archGpu = archs.includes('gpu');
        add(ctx, 'CM161', `${path}: [${archs.join(', ')}] was read as build.gpu: ${archGpu}`, keyLoc);
        break;
      }
      case 'python_extra_index_urls':
      case 'python_find_links': {
        const flag = key === 'python_extra_index_urls' ? '--extra-index-url' : '--find-links';
        for (const { value: url, loc } of readStringList(ctx, path, value, keyLoc)) {
          const raw = `${flag} ${url}`;
          draft.leadingRequirements.push({ raw, kind: 'option', option: raw, loc });
        }
        add(ctx, 'CM161', `${path} was read as ${flag} lines at the top of the requirements`, keyLoc);
        break;
      }
      case 'post_install': {
        // post_install ran after the model code was copied in; today's build.run runs before it.
        const steps = readCommandList(ctx, path, value, keyLoc);
        pushAll(draft.run, steps);
        add(ctx, 'CM161', `${path} was read as build.run; those commands now run before the model code is copied in`, keyLoc);
        break;
      }
      case 'workdir':
        reportKey(ctx, path, keyLoc, 'removed in July 2021, Cog always runs from /src; ignored');
        break;
      case 'build_requires_gpu':
        reportKey(ctx, path, keyLoc, 'removed in mid-2021; ignored');
        break;
      default:
        if (!LEGACY_ENVIRONMENT_KEYS.has(key)) reportKey(ctx, path, keyLoc, undefined, LEGACY_ENVIRONMENT_KEYS);
    }
  }
  if (archGpu !== undefined) draft.gpu = (draft.gpu ?? false) || archGpu;
}

export function legacyNotice(ctx: Ctx, at: SourceLocation): void {
  add(ctx, 'CM160', 'cog.yaml is in the 2021 pre-release format (environment:/model:); it was read as build:/predict:', at);
}

/**
 * The 2021 top-level `workdir:` (Cog v0.0.1-v0.0.4): the project was copied to /code and the model
 * imported from /code/<workdir>, which was also the working directory and on sys.path. So
 * `model: infer.py:Model` with `workdir: global` names global/infer.py. Returns the model
 * reference with the folder in front, or the reference unchanged (with a finding) when the
 * folder is not a plain path inside the project or does not hold the model file.
 */
export function applyLegacyWorkdir(ctx: Ctx, value: unknown, keyLoc: SourceLocation, model: PredictorRef | undefined): PredictorRef | undefined {
  const raw = readString(ctx, 'workdir', value, keyLoc)?.trim();
  if (raw === undefined || raw === '') return model;
  // Cog appended it to /code with a slash, so a leading slash changed nothing.
  const dir = posix.normalize(raw.replace(/^\/+/, '')).replace(/\/+$/, '');
  if (dir === '..' || dir.startsWith('../') || dir.includes('\\')) {
    reportKey(ctx, 'workdir', keyLoc, `${JSON.stringify(raw)} leaves the project; ignored`);
    return model;
  }
  if (dir === '.' || !model) {
    if (!model) reportKey(ctx, 'workdir', keyLoc, 'names the folder of model:, and cog.yaml has no model:; ignored');
    return model;
  }
  const ref = `${dir}/${model.ref}`;
  const file = model.ref.split('.py:')[0] + '.py';
  if (!isProjectFile(ctx.root, `${dir}/${file}`)) {
    // Often the container folder (`workdir: /code`), which 2021 Cog would have doubled.
    reportKey(ctx, 'workdir', keyLoc, `names no folder of the project holding ${file}; ignored`);
    return model;
  }
  add(ctx, 'CM161', `workdir: ${raw}: model: ${model.ref} was read as ${ref}; Cog of 2021 ran the model from that folder (its working directory and on sys.path), current Cog and the targets run from the project root: relative file paths, and imports of modules in ${dir}/ written as top-level imports, now resolve from the root`, keyLoc);
  return { ...model, ref };
}

function isProjectFile(root: string, rel: string): boolean {
  const r = resolveProjectPath(root, rel);
  return r.ok && (statSync(r.path, { throwIfNoEntry: false })?.isFile() ?? false);
}
