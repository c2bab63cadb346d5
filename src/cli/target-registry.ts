// The registry of targets the CLI offers. Adding a platform: one folder under targets/ and one
// line here. Each target is imported only when a command asks for it: a target's renderer brings
// its own dependencies (workers-ai's Worker is printed with ts-morph, which alone costs more than
// the whole startup of `--version`), and `--to fal` should not pay for them.
import type { Target, TargetName } from '../target/types.js';
import { UsageError } from './exit.js';

// Each target has its own option type; the registry erases it, and the CLI passes the target's
// own parseOptions result straight back into its emit.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTarget = Target<any>;

const LOADERS: Partial<Record<TargetName, () => Promise<AnyTarget>>> = {
  fal: async () => (await import('../../targets/fal/index.js')).falTarget,
  cog: async () => (await import('../../targets/cog/index.js')).cogTarget,
  modal: async () => (await import('../../targets/modal/index.js')).modalTarget,
  'workers-ai': async () => (await import('../../targets/workers-ai/index.js')).workersAiTarget,
};

/** The targets available now, in the order the CLI lists them. */
export const AVAILABLE_TARGETS = Object.keys(LOADERS) as TargetName[];

export const PLANNED_TARGETS: TargetName[] = [];

/** The target called `name`, imported on first use; a usage error for an unknown or planned one. */
export async function loadTarget(name: string): Promise<AnyTarget> {
  const load = LOADERS[name as TargetName];
  if (load) return load();
  throw unavailableTarget(name);
}

/** The usage error for a name that is no available target. */
export function unavailableTarget(name: string): UsageError {
  const available = AVAILABLE_TARGETS.join(', ');
  if ((PLANNED_TARGETS as string[]).includes(name)) return new UsageError(`target ${name} is not available yet`, `available now: ${available}`);
  return new UsageError(`unknown target ${JSON.stringify(name)}`, `choose one of: ${available}`);
}

/** A usage error unless `name` is an available target; loads nothing. */
export function checkTargetName(name: string): void {
  if (!LOADERS[name as TargetName]) throw unavailableTarget(name);
}

/** Several targets by name, each imported once. */
export async function loadTargets(names: readonly string[]): Promise<Map<string, AnyTarget>> {
  const unique = [...new Set(names)];
  const loaded = await Promise.all(unique.map(loadTarget));
  return new Map(unique.map((n, i) => [n, loaded[i]!]));
}
