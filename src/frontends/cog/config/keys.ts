// The keys cog.yaml may hold, per level, as read from Cog's config schema across its releases
// (pkg/config/data/config_schema_v1.0.json, v0.0.19 .. v0.22.0) and its 2021 pre-release
// loader. Removed keys carry the sentence that tells the user what became of them.

export const TOP_LEVEL_KEYS = new Set(['build', 'image', 'model', 'run', 'predict', 'train', 'concurrency', 'environment', 'weights']);

export const BUILD_KEYS = new Set([
  'gpu',
  'cuda',
  'cudnn',
  'python_version',
  'python_requirements',
  'python_packages',
  'system_packages',
  'run',
  'pre_install',
  'sdk_version',
]);

export const REMOVED_TOP_LEVEL: Record<string, string> = {
  tests: 'the tests stanza (Cog 0.14-0.16) was removed in Cog 0.17; ignored',
  examples: 'examples (2021 pre-release Cog) has no equivalent today; ignored (keep examples in the README)',
  workdir: 'workdir (2021 pre-release Cog) was removed in July 2021, Cog always runs from /src; ignored',
};

export const REMOVED_BUILD: Record<string, string> = {
  fast: 'fast boots (Cog 0.14-0.16) were removed in Cog 0.17; ignored',
  cog_runtime: 'the experimental runtime switch (Cog 0.15-0.16) was removed in Cog 0.17; ignored',
  python_overrides: 'the pip overrides file (Cog 0.14-0.16) was removed in Cog 0.17; ignored (fold its pins into the requirements)',
  python_extra_index_urls: '2021 pre-release key; ignored under build: (write --extra-index-url lines in the requirements)',
  python_find_links: '2021 pre-release key; ignored under build: (write --find-links lines in the requirements)',
  post_install: '2021 pre-release key; ignored under build: (use build.run)',
  architectures: '2021 pre-release key; ignored under build: (use build.gpu)',
  workdir: '2021 pre-release key; ignored (Cog always runs from /src)',
};

export const CONCURRENCY_KEYS = new Set(['max', 'default_target']);
export const RUN_ITEM_KEYS = new Set(['command', 'mounts']);
export const MOUNT_KEYS = new Set(['type', 'id', 'target']);
export const WEIGHT_KEYS = new Set(['name', 'target', 'source']);
export const WEIGHT_SOURCE_KEYS = new Set(['uri', 'include', 'exclude']);

/** Keys of the 2021 pre-release `environment:` mapping (which played the role of build:). */
export const LEGACY_ENVIRONMENT_KEYS = new Set([
  'python_version',
  'python_requirements',
  'python_packages',
  'python_extra_index_urls',
  'python_find_links',
  'system_packages',
  'pre_install',
  'post_install',
  'architectures',
  'cuda',
  'cudnn',
  'gpu',
  'workdir',
  'build_requires_gpu',
]);

/**
 * Names Cog reserves for itself: an exact name or a `PREFIX*`. The list is Cog's own deny list
 * (pkg/config/env.go, unchanged from v0.14.9 to v0.22.0).
 */
export const RESERVED_ENV = [
  'PATH',
  'LD_LIBRARY_PATH',
  'PYTHONPATH',
  'VIRTUAL_ENV',
  'PYTHONUNBUFFERED',
  'R8_*',
  'REPLICATE_*',
  'LIBRARY_PATH',
  'CUDA_*',
  'NVIDIA_*',
  'NV_*',
  'PGET_*',
  'HF_ENDPOINT',
  'HF_HUB_ENABLE_HF_TRANSFER',
  'KUBERNETES_*',
] as const;

export function reservedEnvPattern(name: string): string | undefined {
  return RESERVED_ENV.find((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name));
}

/** Cog's default when python_version is absent (pkg/config DefaultPythonVersion, v0.16.0-v0.22.0). */
export const DEFAULT_PYTHON_VERSION = '3.13';
/** The 2021 pre-release loader's default (DefaultConfig, April-July 2021). */
export const LEGACY_DEFAULT_PYTHON_VERSION = '3.8';
/** Oldest Python current Cog builds (MinimumMinorPythonVersion, v0.19+). */
export const MINIMUM_PYTHON_MINOR = 10;
export const MINIMUM_PYTHON_MINOR_FOR_CONCURRENCY = 11;
export const MINIMUM_CUDA_MAJOR = 11;
