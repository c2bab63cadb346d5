// The 2021 pre-release cog.yaml (Cog before build:/predict:, roughly April-July 2021):
//   model: "model.py:Model"        -> the predictor reference
//   environment:                   -> what build: is today, plus keys that no longer exist
//     python_version, python_requirements, python_packages, system_packages, cuda, cudnn,
//     python_extra_index_urls, python_find_links, pre_install, post_install,
//     architectures: [cpu, gpu], gpu, workdir, build_requires_gpu
//   workdir:, examples:, image:    (top level)
// Read with findings; configGeneration becomes 'pre-release-2021'.

import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../../../ir/types.js';
import { applyBuildKey, type BuildDraft } from './build.js';
import { add, entries, readBool, readStringList, reportKey, type Ctx } from './nodes.js';
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
