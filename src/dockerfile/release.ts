import release from './data/cog-release.json' with { type: 'json' };

/** The Cog release whose `cog debug` output the generator reproduces. */
export const COG_RELEASE: string = release.release;

/**
 * The Cog SDK of the pinned release and the coglet server it runs, as PyPI names them: what an
 * image that keeps Cog's own server (workers-ai) installs when cog.yaml pins no sdk_version, so
 * the image gets the Cog that cog-migrate's checks were made against, not whatever PyPI has
 * newest. test/python-env/cog-0.22.txt installs the same pins (a test holds them equal).
 */
export const COG_SDK_PINS: readonly string[] = ['cog', 'coglet'].map((name) => `${name}==${COG_RELEASE.replace(/^v/, '')}`);
