import release from './data/cog-release.json' with { type: 'json' };

/** The Cog release whose `cog debug` output the generator reproduces. */
export const COG_RELEASE: string = release.release;
