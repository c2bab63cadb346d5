// Every target, loaded: for the library and the suites that run all of them. The CLI itself
// loads only the targets a command names (src/cli/target-registry.ts, where targets are listed).
import type { Target, TargetName } from '../target/types.js';
import { AVAILABLE_TARGETS, loadTargets, unavailableTarget } from './target-registry.js';

export { PLANNED_TARGETS } from './target-registry.js';

const loaded = await loadTargets(AVAILABLE_TARGETS);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TARGETS: Partial<Record<TargetName, Target<any>>> = Object.fromEntries(loaded);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function targetByName(name: string): Target<any> {
  const t = loaded.get(name);
  if (t) return t;
  throw unavailableTarget(name);
}
