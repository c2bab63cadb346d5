// Options of the workers-ai target. The mode follows the model unless --mode says otherwise:
// gpu: true -> Workers AI bring-your-own-model (the Cog container on Cloudflare's GPUs);
// gpu: false -> Cloudflare Containers (CPU only). Both run Cog's own server unchanged.

export type WorkersAiMode = 'byo' | 'containers';

export interface WorkersAiOptions {
  /** Forced mode; absent means "by cog.yaml gpu". */
  mode?: WorkersAiMode;
  /** The Worker's name (wrangler `name`); defaults to the project name. */
  workerName?: string;
  /** BYO: the model name Cloudflare assigns on import; defaults to the project name. */
  modelName?: string;
  /** Containers: an instance type from Cloudflare's table; absent means the rule in instance-types.ts. */
  instanceType?: string;
  /** Containers: `max_instances`; absent means concurrency.max (or 1). */
  maxInstances?: number;
  /** Containers: `sleepAfter` of the Container class, e.g. "10m". */
  sleepAfter?: string;
}

export interface ParsedWorkersAiOptions {
  options: WorkersAiOptions;
  /** Raw values that were not usable, as `flag: reason`. */
  problems: string[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const DURATION = /^\d+[smh]?$/;

const pick = (raw: Record<string, string | boolean | undefined>, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = raw[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
};

/** Validates raw CLI strings. Never throws: bad values are returned in `problems`. */
export function parseWorkersAiOptionsChecked(raw: Record<string, string | boolean | undefined>): ParsedWorkersAiOptions {
  const options: WorkersAiOptions = {};
  const problems: string[] = [];
  const mode = pick(raw, 'mode');
  if (mode === 'byo' || mode === 'containers') options.mode = mode;
  else if (mode !== undefined) problems.push(`mode: ${JSON.stringify(mode)} must be byo or containers`);
  for (const [key, flag] of [['workerName', 'worker-name'], ['modelName', 'model-name']] as const) {
    const v = pick(raw, key, flag);
    if (v === undefined) continue;
    if (SLUG.test(v)) options[key] = v;
    else problems.push(`${flag}: ${JSON.stringify(v)} must be lowercase letters, digits and hyphens`);
  }
  const instanceType = pick(raw, 'instanceType', 'instance-type');
  if (instanceType !== undefined) options.instanceType = instanceType;
  const max = pick(raw, 'maxInstances', 'max-instances');
  if (max !== undefined) {
    const n = /^\d+$/.test(max) ? Number(max) : NaN;
    if (Number.isSafeInteger(n) && n >= 1) options.maxInstances = n;
    else problems.push(`max-instances: ${JSON.stringify(max)} is not a whole number of at least 1`);
  }
  const sleepAfter = pick(raw, 'sleepAfter', 'sleep-after');
  if (sleepAfter !== undefined) {
    if (DURATION.test(sleepAfter)) options.sleepAfter = sleepAfter;
    else problems.push(`sleep-after: ${JSON.stringify(sleepAfter)} must be seconds or a duration like 30s, 10m, 1h`);
  }
  return { options, problems };
}

export function parseWorkersAiOptions(raw: Record<string, string | boolean | undefined>): WorkersAiOptions {
  return parseWorkersAiOptionsChecked(raw).options;
}
