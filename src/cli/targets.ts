// The registry of targets the CLI offers. Adding a platform: one folder under targets/ and one
// line here.
import type { Target, TargetName } from '../target/types.js';
import { falTarget } from '../../targets/fal/index.js';
import { cogTarget } from '../../targets/cog/index.js';
import { modalTarget } from '../../targets/modal/index.js';
import { workersAiTarget } from '../../targets/workers-ai/index.js';
import { UsageError } from './exit.js';

// Each target has its own option type; the registry erases it, and the CLI passes the target's
// own parseOptions result straight back into its emit.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TARGETS: Partial<Record<TargetName, Target<any>>> = {
  fal: falTarget,
  cog: cogTarget,
  modal: modalTarget,
  'workers-ai': workersAiTarget,
};

export const PLANNED_TARGETS: TargetName[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function targetByName(name: string): Target<any> {
  const t = TARGETS[name as TargetName];
  if (t) return t;
  const available = Object.keys(TARGETS).join(', ');
  if ((PLANNED_TARGETS as string[]).includes(name)) {
    throw new UsageError(`target ${name} is not available yet`, `available now: ${available}`);
  }
  throw new UsageError(`unknown target ${JSON.stringify(name)}`, `choose one of: ${available}`);
}
