// Options of the fal target, and the documented rule that picks a machine type.
// Machine types: https://docs.fal.ai/documentation/deployment/machine-types

/** Typed options; each one maps to one `fal.App` class attribute. Absent means "fal's default". */
export interface FalOptions {
  /** `machine_type`; overrides the rule in `machineTypeFor`. */
  machineType?: string;
  /** `num_gpus` (GPU machine types only). */
  numGpus?: number;
  /** `keep_alive`: seconds an idle runner stays warm (fal's default is 60). */
  keepAlive?: number;
  /** `min_concurrency`: runners kept warm (0 = scale to zero). */
  minConcurrency?: number;
  /** `max_concurrency`: most runners fal scales to. */
  maxConcurrency?: number;
  /** `request_timeout`, seconds. */
  requestTimeout?: number;
  /** `startup_timeout`, seconds: setup() loads the weights, so large models may need more. */
  startupTimeout?: number;
  /** `app_name`; defaults to the project name in kebab case. */
  appName?: string;
  /** The Python of the image and of the local interpreter (`X.Y`); defaults to cog.yaml's,
   * raised to the oldest fal supports (python-floor.ts). */
  python?: string;
  /** `--billable-metric`: the Cog metric (`current_scope().record_metric(NAME, n)`) whose value
   * each response reports as fal's billable units (the `x-fal-billable-units` header). */
  billableMetric?: string;
  /** `--train-app`: serve train: as its own fal app (`<Name>Train`) beside the prediction app. */
  trainApp?: boolean;
  /** `--container`: a custom container (the pruned Dockerfile) even for a pip-only build, which
   * otherwise gets fal's managed environment (runtime-form.ts). */
  container?: boolean;
}

/** Cog's metric keys: dot-separated segments, each a letter then letters, digits, underscores. */
const METRIC_KEY = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){0,3}$/;

/** Machine types fal documents; others are passed through with a CM411 warning. */
export const CPU_MACHINE_TYPES = ['XS', 'S', 'M', 'L', 'XL'] as const;
export const GPU_MACHINE_TYPES = [
  'GPU-A6000', 'GPU-A100', 'GPU-H100', 'GPU-H200', 'GPU-B200', 'GPU-L40', 'GPU-RTX4090', 'GPU-RTX5090',
] as const;

/**
 * The rule (docs/targets/fal.md): `gpu: true` -> GPU-A100, the 40 GB card fal and Replicate both
 * treat as the general-purpose default; `gpu: false` -> L (4 cores, 15 GB RAM), because CPU models
 * still load their weights into memory and the smaller types (<= 2 GB RAM) cannot hold most of them.
 */
export function machineTypeFor(gpu: boolean): string {
  return gpu ? 'GPU-A100' : 'L';
}

export function isGpuMachineType(machineType: string): boolean {
  return machineType.startsWith('GPU');
}

export function isKnownMachineType(machineType: string): boolean {
  return (CPU_MACHINE_TYPES as readonly string[]).includes(machineType)
    || (GPU_MACHINE_TYPES as readonly string[]).includes(machineType);
}

const NUMERIC: { key: keyof FalOptions; flags: string[] }[] = [
  { key: 'numGpus', flags: ['numGpus', 'num-gpus'] },
  { key: 'keepAlive', flags: ['keepAlive', 'keep-alive'] },
  { key: 'minConcurrency', flags: ['minConcurrency', 'min-concurrency'] },
  { key: 'maxConcurrency', flags: ['maxConcurrency', 'max-concurrency'] },
  { key: 'requestTimeout', flags: ['requestTimeout', 'request-timeout'] },
  { key: 'startupTimeout', flags: ['startupTimeout', 'startup-timeout'] },
];

export interface ParsedFalOptions {
  options: FalOptions;
  /** Raw values that were not usable, as `flag: reason`; the CLI reports them as usage errors. */
  problems: string[];
}

/** Validates raw CLI strings. Never throws: bad values are returned in `problems`. */
export function parseFalOptionsChecked(raw: Record<string, string | boolean | undefined>): ParsedFalOptions {
  const options: FalOptions = {};
  const problems: string[] = [];
  const machineType = raw['machineType'] ?? raw['machine-type'];
  if (typeof machineType === 'string' && machineType.trim() !== '') options.machineType = machineType.trim();
  const appName = raw['appName'] ?? raw['app-name'];
  if (typeof appName === 'string' && appName.trim() !== '') {
    const slug = appName.trim();
    if (/^[a-z0-9][a-z0-9-]*$/.test(slug)) options.appName = slug;
    else problems.push(`app-name: ${JSON.stringify(slug)} must be lowercase letters, digits and hyphens`);
  }
  const trainApp = raw['trainApp'] ?? raw['train-app'];
  if (trainApp === true || trainApp === 'true') options.trainApp = true;
  const python = raw['python'];
  if (typeof python === 'string' && python.trim() !== '') {
    if (/^3\.\d{1,2}$/.test(python.trim())) options.python = python.trim();
    else problems.push(`python: ${JSON.stringify(python)} must be a Python version like 3.11`);
  }
  if (raw['container'] === true || raw['container'] === 'true') options.container = true;
  const metric = raw['billableMetric'] ?? raw['billable-metric'];
  if (typeof metric === 'string' && metric.trim() !== '') {
    if (METRIC_KEY.test(metric.trim())) options.billableMetric = metric.trim();
    else problems.push(`billable-metric: ${JSON.stringify(metric)} is not a Cog metric name (letters, digits, underscores; dots between parts)`);
  }
  for (const { key, flags } of NUMERIC) {
    const value = flags.map((f) => raw[f]).find((v) => v !== undefined);
    if (value === undefined || value === false) continue;
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (Number.isSafeInteger(n)) (options as Record<string, number>)[key] = n;
    else problems.push(`${flags[1]}: ${JSON.stringify(value)} is not a whole number`);
  }
  return { options, problems };
}

export function parseFalOptions(raw: Record<string, string | boolean | undefined>): FalOptions {
  return parseFalOptionsChecked(raw).options;
}
