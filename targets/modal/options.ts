// Options of the Modal target, and the documented rule that picks a GPU.
// GPU strings: https://modal.com/docs/guide/gpu ("Specifying GPU type", counts, fallbacks)

/** Typed options; each maps to one `@app.cls(...)` argument or decorator. Absent: Modal's default. */
export interface ModalOptions {
  /** `gpu=`: one Modal GPU string or a fallback list (tried in order); overrides `gpuFor`. */
  gpu?: string[];
  /** `timeout=` seconds per input (Modal's default is 300). */
  timeout?: number;
  /** `startup_timeout=` seconds for setup() (Modal's default: `timeout`). */
  startupTimeout?: number;
  /** `scaledown_window=` seconds an idle container stays up. */
  scaledownWindow?: number;
  /** `min_containers=` containers kept warm. */
  minContainers?: number;
  /** `max_containers=` most containers Modal scales to. */
  maxContainers?: number;
  /** Memory snapshots: `enable_memory_snapshot=True`, setup() split with `@modal.enter(snap=True)`. */
  snapshot?: boolean;
  /** `modal.App(name)`; defaults to the project name in kebab case. */
  appName?: string;
}

/** The GPU types Modal documents (modal.com/docs/guide/gpu), as its `gpu=` strings. */
export const MODAL_GPUS = [
  'T4', 'L4', 'A10', 'A10G', 'L40S', 'A100', 'A100-40GB', 'A100-80GB', 'RTX-PRO-6000', 'H100', 'H100!', 'H200', 'B200', 'B200+',
] as const;

/**
 * The rule (docs/targets/modal.md): `gpu: true` -> L40S, the card Modal recommends to start with
 * for inference (48 GB, so most models that ran on Replicate's A100-40GB fit); `gpu: false` -> no
 * GPU. Cog's cog.yaml says only whether a GPU is needed, never which one.
 */
export function gpuFor(gpu: boolean): string[] | undefined {
  return gpu ? ['L40S'] : undefined;
}

/** One GPU string: a known type (any case, as Modal reads it) with an optional `:count`. */
export function checkGpu(value: string): string | undefined {
  const m = /^([A-Za-z0-9!+-]+)(?::(\d+))?$/.exec(value.trim());
  const type = m?.[1]?.toUpperCase();
  if (!m || !type || !(MODAL_GPUS as readonly string[]).includes(type)) return undefined;
  const count = m[2] === undefined ? undefined : Number(m[2]);
  if (count !== undefined && (count < 1 || count > 8)) return undefined;
  return count === undefined ? type : `${type}:${count}`;
}

const NUMERIC: { key: 'timeout' | 'startupTimeout' | 'scaledownWindow' | 'minContainers' | 'maxContainers'; flags: string[] }[] = [
  { key: 'timeout', flags: ['timeout', 'timeout'] },
  { key: 'startupTimeout', flags: ['startupTimeout', 'startup-timeout'] },
  { key: 'scaledownWindow', flags: ['scaledownWindow', 'scaledown-window'] },
  { key: 'minContainers', flags: ['minContainers', 'min-containers'] },
  { key: 'maxContainers', flags: ['maxContainers', 'max-containers'] },
];

export interface ParsedModalOptions {
  options: ModalOptions;
  /** Raw values that were not usable, as `flag: reason`; the CLI reports them as usage errors. */
  problems: string[];
}

/** Validates raw CLI strings. Never throws: bad values are returned in `problems`. */
export function parseModalOptionsChecked(raw: Record<string, string | boolean | undefined>): ParsedModalOptions {
  const options: ModalOptions = {};
  const problems: string[] = [];
  const gpu = raw['gpu'];
  if (typeof gpu === 'string' && gpu.trim() !== '') {
    const parts = gpu.split(',').map((g) => g.trim()).filter(Boolean);
    const checked = parts.map(checkGpu);
    const bad = parts.filter((_, i) => checked[i] === undefined);
    if (bad.length > 0) {
      problems.push(`gpu: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not a Modal GPU; valid: ${MODAL_GPUS.join(', ')}, with an optional count (H100:2), comma-separated for fallbacks (H100,A100-80GB)`);
    } else {
      options.gpu = checked as string[];
    }
  }
  if (raw['snapshot'] === true || raw['snapshot'] === 'true') options.snapshot = true;
  const appName = raw['appName'] ?? raw['app-name'];
  if (typeof appName === 'string' && appName.trim() !== '') {
    const slug = appName.trim();
    if (/^[a-z0-9][a-z0-9-]*$/.test(slug) && slug.length <= 64) options.appName = slug;
    else problems.push(`app-name: ${JSON.stringify(slug)} must be lowercase letters, digits and hyphens`);
  }
  for (const { key, flags } of NUMERIC) {
    const value = flags.map((f) => raw[f]).find((v) => v !== undefined);
    if (value === undefined || value === false) continue;
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (Number.isSafeInteger(n)) options[key] = n;
    else problems.push(`${flags[1]}: ${JSON.stringify(value)} is not a whole number`);
  }
  return { options, problems };
}

export function parseModalOptions(raw: Record<string, string | boolean | undefined>): ModalOptions {
  return parseModalOptionsChecked(raw).options;
}
