// Where the target runs the real Cog SDK (workers-ai's image keeps Cog's own server; the cog
// target is a Cog project), the predictor imports `cog` from the release the image installs: the
// project's build.sdk_version, or the pinned Cog release when it names none (COG_SDK_PINS). A
// name that release lacks (`concurrent` before 0.22.0) fails when Cog's server loads the
// predictor; found here, at the import line, from the names of the real wheels per release
// (src/dockerfile/data/cog-sdk-names.json, written by scripts/cog-sdk-names.py).

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { COG_RELEASE } from '../dockerfile/release.js';
import sdkNames from '../dockerfile/data/cog-sdk-names.json' with { type: 'json' };
import { importedName, predictorCogUses, type CogModuleNames } from './cog-imports.js';

const RELEASES: Readonly<Record<string, readonly string[]>> = sdkNames.releases;
/** Releases oldest first, as the data lists them. */
const ORDER = Object.keys(RELEASES);
const PINNED = COG_RELEASE.replace(/^v/, '');

/** The Cog SDK release an image of the project installs, and why; undefined when the data does
 * not know it (a pre-release, a release newer than the data): then nothing is checked. */
export function installedSdkRelease(ir: CogIR): { release: string; why: string } | undefined {
  const pin = ir.build.sdkVersion;
  // What runs is what cog-migrate emits: the release pinned in the Containers Dockerfile and as
  // build.sdk_version in the emitted cog.yaml (src/cogyaml/build.ts).
  if (pin === undefined) return { release: PINNED, why: "the release the converted project's image installs: cog.yaml names no build.sdk_version, so cog-migrate pins this one" };
  const release = /^\d+\.\d+$/.test(pin) ? `${pin}.0` : pin;
  return RELEASES[release] ? { release, why: 'build.sdk_version' } : undefined;
}

/** The names `from cog import NAME` succeeds with in one release (only `cog` itself is checked). */
export function sdkModuleNames(release: string): CogModuleNames | undefined {
  const names = RELEASES[release];
  return names ? { names: new Set(names), modules: new Set(['cog']) } : undefined;
}

/** The first release in the data after `release` that has `name`. */
function firstReleaseWith(name: string, after: string): string | undefined {
  return ORDER.slice(ORDER.indexOf(after) + 1).find((r) => RELEASES[r]!.includes(name));
}

/** CM031 for every name the installed Cog SDK release lacks. */
export function sdkImportFindings(ir: CogIR): Finding[] {
  const installed = installedSdkRelease(ir);
  const provided = installed && sdkModuleNames(installed.release);
  if (!installed || !provided) return [];
  return predictorCogUses(ir, provided).map(({ file, use }) => {
    const bare = use.name.replace(/^cog\./, '');
    const first = firstReleaseWith(bare, installed.release);
    const hint = first
      ? `Cog ${first} is the first release that has it: set build.sdk_version to "${first}" (or later) in cog.yaml, or stop using it.`
      : `No Cog release from ${ORDER[0]} to ${ORDER.at(-1)} has it in \`cog\`: import it from where it really lives.`;
    return finding('CM031', `${file} imports ${importedName(use)}, which cog ${installed.release} (${installed.why}) does not have: Cog's server would fail to load the predictor`, { file, line: use.line, column: use.column }, { hint });
  });
}
